"""Bad input never reaches a 500: unknown addresses are 404s, malformed requests 400 or 405,
garbage in any part of any URL is refused like a mistyped link."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/nope/", "Seite nicht gefunden"),
        ("/favicon.png", "Seite nicht gefunden"),
        ("/hubs/atlantis/", "Seite nicht gefunden"),
        ("/events/nope/", "Seite nicht gefunden"),
        ("/en/nope/", "Page not found"),
        ("/en/hubs/atlantis/", "Page not found"),
        ("/en/members/nobody/", "Page not found"),
    ],
)
def test_unknown_addresses_are_styled_404s_in_the_visitors_language(client, path, heading):
    response = client.get(path)

    assert response.status_code == 404
    assert heading in response.content.decode()


def test_unknown_address_leaves_the_navigation_without_a_current_page(client):
    response = client.get("/nope/")

    assert 'aria-current="page"' not in response.content.decode()


@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH", "DELETE", "CONNECT", "PROPFIND"])
def test_methods_no_page_serves_are_not_allowed(client, method):
    response = client.generic(method, "/")

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}


@pytest.mark.parametrize(
    "path",
    [
        "/events/calendar/%00.ics",
        "/events/%00/",
        "/members/%00abc/",
        "/accounts/confirm-email/%00/",
        "/hubs/?q=%00",
        "/events/?page=%00",
        "/members/?%00=1",
        "/events/?hub=berlin%00",
    ],
)
def test_nul_characters_in_the_address_are_a_bad_request(client, path):
    response = client.get(path)

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


def test_bad_request_page_speaks_english_under_en(client):
    response = client.get("/en/events/?q=%00")

    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_nul_character_in_a_form_is_an_error_on_the_form(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "anna\x00@example.org", "password1": "x7-Quelle-Sand", "password2": "x7-Quelle-Sand"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors


# Every route of the portal, with garbage in each of its parameters and in its query string.

GARBAGE_SEGMENTS = ["does-not-exist", "x" * 300, "0", "-1", "99999999999999999999", "%C3%28", "%27%22%3C%3E"]
GARBAGE_QUERIES = [
    "page=abc",
    "page=-1",
    "page=99999999999999999999",
    "page=1e9",
    "q=" + "x" * 5000,
    "q=%27%22%3C%3E%25",
    "hub=%FF%FE",
    "theme=../../etc/passwd",
    "type=unknown&format=unknown&language=xx&state=ZZ&member_type=alien",
    "date_from=2024-13-45&date_to=yesterday",
    "next=https://evil.example.org/",
    "o=99&p=-3&_changelist_filters=%FF",
]


def routes(resolver=None, prefix=""):
    """Every URL pattern as a route string such as 'events/<slug:slug>/edit/'."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def with_garbage(route: str, garbage: str) -> str:
    path = re.sub(r"<(?:\w+:)?\w+>", garbage, route)  # path converters
    path = re.sub(r"\(\?P<\w+>[^)]*\)", garbage, path)  # regular expressions (the admin's)
    return "/" + path.replace("\\", "")


ROUTES = sorted(set(routes()))


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
def test_garbage_in_any_route_parameter_is_never_a_server_error(client, site_content, role):
    client.raise_request_exception = False  # collect every failure, not only the first
    if role != "anonymous":
        client.force_login(site_content[role])
    failures = []
    for route in ROUTES:
        for garbage in GARBAGE_SEGMENTS if "<" in route else [""]:
            path = with_garbage(route, garbage)
            status = client.get(path).status_code
            if status >= 500:
                failures.append(f"{path} {status}")

    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("query", GARBAGE_QUERIES)
def test_garbage_in_any_query_string_is_never_a_server_error(client, site_content, query):
    client.raise_request_exception = False
    client.force_login(site_content["staff"])
    failures = []
    for route in ROUTES:
        if "<" in route and "(?P" not in route:
            path = with_garbage(route, "x")
        elif "(?P" in route:
            continue  # the admin's object routes: covered with garbage segments above
        else:
            path = "/" + route
        status = client.get(f"{path}?{query}").status_code
        if status >= 500:
            failures.append(f"{path}?{query} {status}")

    assert failures == [], "\n".join(failures)


GARBAGE_FORMS = [
    {"email": "\x00", "password": "\x00", "login": "\x00", "q": "\x00"},
    dict.fromkeys(("title", "description", "display_name", "bio", "reason", "email"), "x" * 20000),
    {"start": "31.02.2025 25:61", "end": "gestern", "capacity": "-1e99", "hub": "[]", "cohosts": "'"},
    {"member_type": "alien", "visibility": "everyone", "ticket_min": "9" * 40, "avatar": "not a file"},
    {
        "language": "\U0001f600",
        "next": "//evil.example.org/",
        "action": "delete_selected",
        "_selected_action": "x",
    },
]


@pytest.mark.parametrize("role", ["anonymous", "member", "staff"])
@pytest.mark.parametrize("data", GARBAGE_FORMS, ids=["nul", "long", "dates", "choices", "odd"])
def test_garbage_posted_to_any_route_is_never_a_server_error(client, site_content, role, data):
    client.raise_request_exception = False
    if role != "anonymous":
        client.force_login(site_content[role])
    failures = []
    for route in ROUTES:
        if "(?P" in route:
            continue  # the admin's object routes take the admin's own forms, tested in the matrix
        path = with_garbage(route, "pitch-night" if "<slug:slug>" in route else "x")
        status = client.post(path, data).status_code
        if status >= 500:
            failures.append(f"POST {path} {status}")

    assert failures == [], "\n".join(failures)
