"""The headers that earn an A+ on Mozilla's HTTP Observatory, on every kind of page.

Its rules: a Content-Security-Policy without unsafe sources, HSTS for at least six months,
secure cookies, X-Content-Type-Options, a Referrer-Policy, frame protection, and the
cross-origin policies."""

import pytest
from django.urls import reverse

from core.tests.support import NETWORK_PAGES

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    *NETWORK_PAGES,
    "/en/",
    "/events/pitch-night/",
    "/members/anna/",
    "/news/neu/",
    "/nope/",
    "/events/?q=%00",
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


@pytest.mark.parametrize(
    ("role", "pages"), [("anonymous", PUBLIC_PAGES), ("member", MEMBER_PAGES), ("staff", STAFF_PAGES)]
)
def test_every_kind_of_page_carries_the_security_headers(client, site_content, role, pages):
    if role != "anonymous":
        client.force_login(site_content[role])
    for path in pages:
        response = client.get(path, secure=True)
        assert response.status_code < 500 if role == "anonymous" else response.status_code == 200, path
        assert_observatory_headers(response)


def test_nonce_appears_only_where_a_page_uses_one(client, site_content):
    response = client.get("/", secure=True)

    assert not any(value.startswith("'nonce-") for value in directives(response)["script-src"])


def test_cookies_are_secure_httponly_and_same_site(client, site_content, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = settings.LANGUAGE_COOKIE_SECURE = True
    member = site_content["member"]

    client.get(reverse("account_login"), secure=True)
    client.post(reverse("account_login"), {"login": member.email, "password": "wrong"}, secure=True)
    login = client.post(
        reverse("account_login"),
        {"login": member.email, "password": "correct horse battery staple"},
        secure=True,
    )
    for name in ("sessionid", "csrftoken"):
        cookie = login.cookies[name]
        assert cookie["secure"], name
        assert cookie["samesite"] == "Lax", name
        assert cookie["httponly"], name
