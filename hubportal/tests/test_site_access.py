"""Every page and action of the site for every role: anonymous, a member (of Hamburg, who
organises its events), a member of another hub, Hamburg's manager, another hub's manager,
agency staff. The admin has its own matrix (test_admin_access.py).

A new route without a row here is a hole in the spec: test_every_route_is_in_the_matrix fails.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "other_member", "manager", "other_manager", "agency"]
LOGIN = "login"  # a redirect to the login page
MOVED = "moved"  # a redirect elsewhere: the action was done, or the page is not for this visitor
OK, DENIED, NOT_FOUND = 200, 403, 404
EVERYONE = [OK] * 6
MEMBERS = [LOGIN, OK, OK, OK, OK, OK]
MEMBERS_ACT = [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED]
# Who organises or curates the event: its organiser, Hamburg's manager, the agency.
EVENT_CURATORS = [LOGIN, OK, DENIED, OK, DENIED, OK]
# An event (or a proposed organisation) awaiting review exists only for its organiser (or the
# member who proposed it) and its moderators.
UNSEEN = [NOT_FOUND, OK, NOT_FOUND, OK, NOT_FOUND, OK]
# Publishing and rejecting: the moderators of the hub.
REVIEWERS = [LOGIN, DENIED, NOT_FOUND, MOVED, NOT_FOUND, MOVED]

# Who booked a hub's guest desks: its managers and the agency; another hub's manager finds nothing.
DESK_CURATORS = [LOGIN, DENIED, DENIED, OK, NOT_FOUND, OK]

# An introduction request: its reviewers get the form back with its error when they send it
# empty (400); the requester may act on it, nobody but the recipient (none here yet) answers it.
BAD = 400
INTRODUCTION_REVIEW_FORM = [LOGIN, DENIED, NOT_FOUND, BAD, NOT_FOUND, BAD]
INTRODUCTION_REQUESTER = [LOGIN, MOVED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]
INTRODUCTION_RECIPIENT = [LOGIN, DENIED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]

# route name, what to call it with ("GET"/"POST", arguments), expected per role
MATRIX = [
    ("sitemap", "GET", {}, EVERYONE),
    ("sitemap_section", "GET", {"section": "events"}, EVERYONE),
    ("robots_txt", "GET", {}, EVERYONE),
    ("favicon", "GET", {}, [301] * 6),  # for good, to the icon among the static files
    ("healthz", "GET", {}, EVERYONE),
    # The open data API: the same public answers for everyone (api/tests/test_api.py).
    ("api:api-root", "GET", {}, EVERYONE),
    ("api:schema", "GET", {}, EVERYONE),
    ("api:hub-list", "GET", {}, EVERYONE),
    ("api:hub-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:theme-list", "GET", {}, EVERYONE),
    ("api:theme-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:event-list", "GET", {}, EVERYONE),
    ("api:event-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:partner-list", "GET", {}, EVERYONE),
    ("api:partner-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:news-list", "GET", {}, EVERYONE),
    ("api:news-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:not_found", "GET", {"path": "members/"}, [NOT_FOUND] * 6),
    ("api_docs:documentation", "GET", {}, EVERYONE),
    ("network_in_numbers", "GET", {}, EVERYONE),
    # The dashboard lives in the admin: others are sent to its login; without a table or a
    # quarter the download and the report name nothing (figures/tests/test_pages.py).
    ("figures:dashboard", "GET", {}, [MOVED, MOVED, MOVED, OK, OK, OK]),
    ("figures:xlsx", "GET", {}, [MOVED, MOVED, MOVED, OK, OK, OK]),
    ("figures:csv", "GET", {}, [MOVED, MOVED, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("figures:report", "GET", {}, [MOVED, MOVED, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("figures:report_pdf", "GET", {}, [MOVED, MOVED, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("home", "GET", {}, EVERYONE),
    ("search", "GET", {}, EVERYONE),
    ("hub_calendar", "GET", {"slug": "hamburg"}, EVERYONE),
    ("hubs:list", "GET", {}, EVERYONE),
    ("hubs:detail", "GET", {"slug": "hamburg"}, EVERYONE),
    ("events:list", "GET", {}, EVERYONE),
    ("events:archive", "GET", {}, EVERYONE),
    ("events:create", "GET", {}, MEMBERS),
    ("events:moderation", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    ("events:calendar", "GET", {}, EVERYONE),
    ("events:personal_calendar", "GET", {"token": "token"}, EVERYONE),  # the secret is the key
    ("events:reset_calendar_token", "POST", {}, MEMBERS_ACT),
    ("events:feed", "GET", {}, EVERYONE),
    ("events:detail", "GET", {"slug": "published"}, EVERYONE),
    ("events:detail", "GET", {"slug": "submitted"}, UNSEEN),
    ("events:edit", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:submit", "POST", {"slug": "draft"}, [LOGIN, MOVED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("events:publish", "POST", {"slug": "submitted"}, REVIEWERS),
    ("events:reject", "POST", {"slug": "submitted"}, REVIEWERS),
    ("events:cancel", "GET", {"slug": "published"}, EVENT_CURATORS),
    # Members report others' published events: the organiser and its moderators act on it instead.
    ("events:report", "GET", {"slug": "published"}, [LOGIN, DENIED, OK, DENIED, OK, DENIED]),
    ("events:close_reports", "POST", {"slug": "published"}, [LOGIN, DENIED, DENIED, MOVED, DENIED, MOVED]),
    ("events:register", "POST", {"slug": "published"}, MEMBERS_ACT),
    ("events:unregister", "POST", {"slug": "published"}, MEMBERS_ACT),
    ("events:attendees", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:attendees_csv", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:ics", "GET", {"slug": "published"}, EVERYONE),
    # The coming events for the hubs' own websites, and the script that frames them.
    ("embed:hub_events", "GET", {"slug": "hamburg"}, EVERYONE),
    ("embed:network_events", "GET", {}, EVERYONE),
    ("embed:script", "GET", {}, EVERYONE),
    # The Format Library: its outcomes are recorded and published by the event's curators.
    ("formats:list", "GET", {}, EVERYONE),
    ("formats:detail", "GET", {"slug": "hafen-pitch"}, EVERYONE),
    ("formats:run", "GET", {"slug": "hafen-pitch"}, MEMBERS),
    ("formats:outcome", "GET", {"slug": "past"}, EVENT_CURATORS),
    ("formats:publish", "POST", {"slug": "past"}, [LOGIN, MOVED, DENIED, MOVED, DENIED, MOVED]),
    # A series: its address leads to its next date; its dates' pages, edit and cancel offer the series.
    ("events:series", "GET", {"pk": 4646}, [MOVED] * 6),
    ("events:detail", "GET", {"slug": "series-1"}, EVERYONE),
    ("events:edit", "GET", {"slug": "series-1"}, EVENT_CURATORS),
    ("events:cancel", "GET", {"slug": "series-1"}, EVENT_CURATORS),
    ("news:list", "GET", {}, EVERYONE),
    ("news:feed", "GET", {}, EVERYONE),
    ("news:detail", "GET", {"slug": "neu"}, EVERYONE),
    ("members:directory", "GET", {}, EVERYONE),
    ("members:dashboard", "GET", {}, MEMBERS),
    ("members:profile_edit", "GET", {}, MEMBERS),
    ("members:export", "GET", {}, MEMBERS),
    ("members:delete_account", "GET", {}, MEMBERS),
    ("members:join_hub", "POST", {"slug": "hamburg"}, MEMBERS_ACT),
    ("members:leave_hub", "POST", {"slug": "hamburg"}, MEMBERS_ACT),
    ("members:profile", "GET", {"slug": "public"}, EVERYONE),
    ("members:profile", "GET", {"slug": "hidden"}, [NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK]),
    ("partners:directory", "GET", {}, EVERYONE),
    ("partners:propose", "GET", {}, MEMBERS),
    ("partners:detail", "GET", {"slug": "partner"}, EVERYONE),
    ("partners:detail", "GET", {"slug": "proposal"}, UNSEEN),
    ("partners:edit", "GET", {"slug": "proposal"}, [LOGIN, OK, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("partners:publish", "POST", {"slug": "proposal"}, REVIEWERS),
    ("partners:reject", "POST", {"slug": "proposal"}, REVIEWERS),
    ("partners:link", "POST", {"slug": "partner"}, MEMBERS_ACT),
    ("partners:unlink", "POST", {"slug": "partner"}, MEMBERS_ACT),
    ("desks:list", "GET", {}, EVERYONE),
    ("desks:detail", "GET", {"slug": "hafen-desks"}, EVERYONE),
    ("desks:book", "POST", {"slug": "hafen-desks"}, MEMBERS),  # refused with a reason on the page
    ("desks:cancel", "POST", {"pk": "4242"}, [LOGIN, NOT_FOUND, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("desks:check_in", "GET", {"slug": "hafen-desks"}, DESK_CURATORS),
    ("desks:check_in_csv", "GET", {"slug": "hafen-desks"}, DESK_CURATORS),
    ("desks:no_show", "POST", {"pk": "4242"}, [LOGIN, DENIED, DENIED, MOVED, NOT_FOUND, MOVED]),
    ("desks:counts", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    ("desks:counts_csv", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    ("introductions:matches", "GET", {}, MEMBERS),
    ("introductions:hide", "POST", {}, [LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("introductions:show_hidden", "POST", {}, MEMBERS_ACT),
    ("introductions:switch", "POST", {}, MEMBERS_ACT),
    ("introductions:ask", "GET", {"slug": "public"}, MEMBERS),  # a reason instead of the form where refused
    ("introductions:queue", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    ("introductions:counts", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    ("introductions:counts_csv", "GET", {}, [LOGIN, DENIED, DENIED, OK, OK, OK]),
    # The member's request 4343, awaiting Hamburg's review: the recipient is nobody here yet.
    ("introductions:detail", "GET", {"pk": "4343"}, [LOGIN, OK, NOT_FOUND, OK, NOT_FOUND, OK]),
    ("introductions:approve", "POST", {"pk": "4343"}, REVIEWERS),
    ("introductions:decline", "POST", {"pk": "4343"}, INTRODUCTION_REVIEW_FORM),
    ("introductions:ask_more", "POST", {"pk": "4343"}, INTRODUCTION_REVIEW_FORM),
    ("introductions:revise", "POST", {"pk": "4343"}, [LOGIN, BAD, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("introductions:withdraw", "POST", {"pk": "4343"}, INTRODUCTION_REQUESTER),
    ("introductions:accept", "POST", {"pk": "4343"}, INTRODUCTION_RECIPIENT),
    ("introductions:refuse", "POST", {"pk": "4343"}, INTRODUCTION_RECIPIENT),
    ("introductions:outcome", "POST", {"pk": "4343"}, INTRODUCTION_REQUESTER),
    ("account_login", "GET", {}, [OK, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_logout", "GET", {}, [MOVED, OK, OK, OK, OK, OK]),
    ("account_inactive", "GET", {}, EVERYONE),
    ("account_signup", "GET", {}, [OK, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_reauthenticate", "GET", {}, MEMBERS),
    ("account_email", "GET", {}, MEMBERS),
    ("account_email_verification_sent", "GET", {}, EVERYONE),
    ("account_change_password", "GET", {}, MEMBERS),
    ("account_set_password", "GET", {}, [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_reset_password", "GET", {}, EVERYONE),
    (
        "account_confirm_login_code",
        "GET",
        {},
        [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED],
    ),  # no login under way
    ("account_confirm_email", "GET", {"key": "unknown-key"}, EVERYONE),
    ("account_reset_password_from_key_done", "GET", {}, EVERYONE),
    ("account_reset_password_from_key", "GET", {"uidb36": "0", "key": "unknown"}, EVERYONE),
    ("account_reset_password_done", "GET", {}, EVERYONE),
    ("pages:impressum", "GET", {}, EVERYONE),
    ("pages:privacy", "GET", {}, EVERYONE),
    ("pages:accessibility", "GET", {}, EVERYONE),
]


@pytest.mark.parametrize(
    ("name", "method", "arguments", "expected"),
    MATRIX,
    ids=[
        f"{name}{'(' + ','.join(map(str, arguments.values())) + ')' if arguments else ''}"
        for name, _m, arguments, _e in MATRIX
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_site_access_matrix(client, site, name, method, arguments, expected, role):
    expected = expected[ROLES.index(role)]
    if site[role]:
        client.force_login(site[role])
    url = reverse(name, kwargs=arguments)

    response = client.post(url) if method == "POST" else client.get(url)

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif expected == MOVED:
        assert response.status_code == 302
        assert not response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


def route_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                yield from route_names(
                    pattern, namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                )
        elif isinstance(pattern, URLPattern):
            yield namespace + (pattern.name or str(pattern.pattern))


def test_every_route_is_in_the_matrix():
    assert set(route_names()) - {name for name, *_rest in MATRIX} == set(), "add these routes to MATRIX"
