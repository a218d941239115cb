"""The headers that earn an A+ on Mozilla's HTTP Observatory, on every kind of page.

Its rules: a Content-Security-Policy without unsafe sources, HSTS for at least six months,
secure cookies, X-Content-Type-Options, a Referrer-Policy, frame protection, and the
cross-origin policies."""

import pytest
from django.urls import reverse

from events.tests.factories import EventFactory
from hubs.tests.factories import HubFactory
from members.tests.factories import MembershipFactory, ProfileFactory, StaffFactory
from pages.models import News

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/en/",
    "/hubs/",
    "/hubs/hamburg/",
    "/events/",
    "/events/archive/",
    "/events/pitch-night/",
    "/members/",
    "/members/anna/",
    "/news/",
    "/news/neu/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/nope/",
    "/events/?q=%00",
    "/events/feed/",
    "/news/feed/",
    "/events/calendar.ics",
    "/hubs/hamburg/calendar.ics",
    "/sitemap.xml",
    "/robots.txt",
    "/static/css/portal.css",
]
MEMBER_PAGES = [
    "/members/me/",
    "/members/me/profile/",
    "/events/new/",
    "/accounts/email/",
    "/accounts/password/change/",
]
STAFF_PAGES = ["/admin/", "/admin/events/event/", "/admin/hubs/hub/", "/events/moderation/"]


@pytest.fixture
def content():
    hub = HubFactory(slug="hamburg")
    EventFactory(hub=hub, slug="pitch-night")
    ProfileFactory(slug="anna")
    News.objects.create(slug="neu", title_de="Neu", teaser_de="T", body_de="B")
    member = ProfileFactory().user
    MembershipFactory(user=member, hub=hub)
    return {"member": member, "staff": StaffFactory()}


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def assert_observatory_headers(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
        assert "*" not in policy[directive]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    hsts = [part.strip() for part in response["Strict-Transport-Security"].split(";")]
    assert int(hsts[0].removeprefix("max-age=")) >= 182 * 24 * 60 * 60
    assert "includeSubDomains" in hsts


def test_every_public_page_carries_the_security_headers(client, content):
    for path in PUBLIC_PAGES:
        response = client.get(path, secure=True)
        assert response.status_code < 500, path
        assert_observatory_headers(response)


def test_every_member_page_carries_the_security_headers(client, content):
    client.force_login(content["member"])
    for path in MEMBER_PAGES:
        response = client.get(path, secure=True)
        assert response.status_code == 200, path
        assert_observatory_headers(response)


def test_admin_and_moderation_pages_carry_the_security_headers(client, content):
    client.force_login(content["staff"])
    for path in STAFF_PAGES:
        response = client.get(path, secure=True)
        assert response.status_code == 200, path
        assert_observatory_headers(response)


def test_nonce_appears_only_where_a_page_uses_one(client, content):
    response = client.get("/", secure=True)

    assert not any(value.startswith("'nonce-") for value in directives(response)["script-src"])


def test_cookies_are_secure_httponly_and_same_site(client, content, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    member = content["member"]

    client.get(reverse("account_login"), secure=True)
    client.post(reverse("account_login"), {"login": member.email, "password": "wrong"}, secure=True)
    login = client.post(
        reverse("account_login"),
        {"login": member.email, "password": "correct horse battery staple"},
        secure=True,
    )
    language = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)

    cookies = {**login.cookies, **language.cookies}
    for name in ("sessionid", "csrftoken", "django_language"):
        cookie = cookies[name]
        assert cookie["secure"], name
        assert cookie["samesite"] == "Lax", name
        assert cookie["httponly"], name
