"""Every admin URL for every role: the boundary between agency staff and hub managers.

A new admin URL without a row here is a hole in the spec: add it to URLS.
"""

import pytest
from django.urls import reverse

from hubs.tests.factories import HubFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "manager_a", "manager_b", "agency", "superuser"]

LOGIN = "login"  # a redirect to the admin login
GONE = "gone"  # the admin's "does not exist" redirect: another hub's object leaks nothing
OK, DENIED, NOT_FOUND = 200, 403, 404


# model, view, expected per role (anonymous, member, manager A, manager B, agency, superuser)
HUB_SCOPED = [
    ("hubs", "hub", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("hubs", "hub", "add", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("hubs", "hub", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("hubs", "hub", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("hubs", "hub", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("events", "event", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "event", "add", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "event", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("events", "event", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("events", "event", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("events", "eventforreview", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "eventforreview", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("events", "eventforreview", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("events", "eventforreview", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("events", "eventforreview", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("members", "membership", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("members", "membership", "add", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("members", "membership", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("members", "membership", "delete", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("members", "membership", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("partners", "organisation", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("partners", "organisation", "add", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("partners", "organisation", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("partners", "organisation", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("partners", "organisation", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("partners", "partnership", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("partners", "partnership", "add", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("partners", "partnership", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("partners", "partnership", "delete", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("partners", "partnership", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("desks", "deskspace", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("desks", "deskspace", "add", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("desks", "deskspace", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("desks", "deskspace", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("desks", "deskspace", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("desks", "deskbooking", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("desks", "deskbooking", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    (
        "desks",
        "deskbooking",
        "change",
        [LOGIN, LOGIN, OK, GONE, OK, OK],
    ),  # to read: bookings are the founders'
    ("desks", "deskbooking", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    ("desks", "deskbooking", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
    ("events", "eventreport", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "eventreport", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("events", "eventreport", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("events", "eventreport", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    # A hub's own calendars, imported into its queue: its managers add and remove them.
    ("events", "calendarfeed", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "calendarfeed", "add", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("events", "calendarfeed", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("events", "calendarfeed", "delete", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    # The Format Library: formats are published on the site, outcomes recorded there.
    ("formats", "format", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("formats", "format", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("formats", "format", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("formats", "format", "delete", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("formats", "outcome", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("formats", "outcome", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("formats", "outcome", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("formats", "outcome", "delete", [LOGIN, LOGIN, DENIED, DENIED, OK, OK]),
    # Introductions are made and answered on the site; the admin reads and reviews them in bulk.
    ("introductions", "introduction", "changelist", [LOGIN, LOGIN, OK, OK, OK, OK]),
    ("introductions", "introduction", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("introductions", "introduction", "change", [LOGIN, LOGIN, OK, GONE, OK, OK]),
    ("introductions", "introduction", "delete", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("introductions", "introduction", "history", [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]),
]
AGENCY_ONLY = [
    (app, model, view, [LOGIN, LOGIN, DENIED, DENIED, OK, OK])
    for app, model in [
        ("hubs", "focustheme"),
        ("members", "profile"),
        ("members", "user"),
        ("pages", "news"),
        ("pages", "page"),
        ("partners", "partnershiplevel"),
        ("events", "postingsuspension"),
    ]
    for view in ["changelist", "add", "change", "delete", "history"]
]
SUPERUSER_ONLY = [
    ("auth", "group", view, [LOGIN, LOGIN, DENIED, DENIED, DENIED, OK])
    for view in ["changelist", "add", "change", "delete", "history"]
]
# The queue of background tasks (emails with their recipients): superusers read it, nobody changes it.
TASK_QUEUE = [
    ("django_tasks_database", "dbtaskresult", "changelist", [LOGIN, LOGIN, DENIED, DENIED, DENIED, OK]),
    ("django_tasks_database", "dbtaskresult", "add", [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED]),
]
URLS = HUB_SCOPED + AGENCY_ONLY + SUPERUSER_ONLY + TASK_QUEUE
# Impressum and Datenschutz cannot be deleted or added twice, by anyone.
EXCEPTIONS = {
    ("pages", "page", "delete"): [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED],
    # A suspension is lifted, never deleted: the record stays.
    ("events", "postingsuspension", "delete"): [LOGIN, LOGIN, DENIED, DENIED, DENIED, DENIED],
}


def admin_url(world, app, model, view):
    if view in ("changelist", "add"):
        return reverse(f"admin:{app}_{model}_{view}")
    return reverse(f"admin:{app}_{model}_{view}", args=[world[model].pk])


@pytest.mark.parametrize(
    ("app", "model", "view", "expected"), URLS, ids=[f"{a}.{m}.{v}" for a, m, v, _ in URLS]
)
@pytest.mark.parametrize("role", ROLES)
def test_admin_access_matrix(client, world, app, model, view, expected, role):
    expected = EXCEPTIONS.get((app, model, view), expected)[ROLES.index(role)]
    user = world["users"][role]
    if user:
        client.force_login(user)

    response = client.get(admin_url(world, app, model, view))

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    elif expected == GONE:
        assert response.status_code in (302, 404)
        if response.status_code == 302:
            assert response.url == reverse("admin:index")
    else:
        assert response.status_code == expected


def test_every_registered_admin_is_in_the_matrix():
    from django.contrib import admin

    covered = {(app, model) for app, model, _view, _expected in URLS}
    registered = {(model._meta.app_label, model._meta.model_name) for model in admin.site._registry}
    # allauth's email addresses keep Django's model permissions: superusers only.
    unreviewed = registered - covered - {("account", "emailaddress")}
    assert unreviewed == set(), "add these admins to the access matrix"


@pytest.mark.parametrize("role", ["manager_a", "manager_b", "agency"])
def test_hub_autocomplete_offers_only_managed_hubs(client, world, role):
    client.force_login(world["users"][role])

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": "event", "field_name": "hub", "term": "Hub"},
    )

    slugs = {
        hub.slug
        for hub in HubFactory._meta.model.objects.filter(
            pk__in=[int(r["id"]) for r in response.json()["results"]]
        )
    }
    assert slugs == {"manager_a": {"hamburg"}, "manager_b": {"berlin"}, "agency": {"hamburg", "berlin"}}[role]


@pytest.mark.parametrize("role", ["manager_a", "manager_b"])
def test_user_autocomplete_is_closed_to_managers(client, world, role):
    client.force_login(world["users"][role])

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "members", "model_name": "membership", "field_name": "user", "term": "example"},
    )

    assert response.status_code == 403


ACTIONS = [
    ("events", "event", "publish_events"),
    ("events", "event", "reject_events"),
    ("events", "event", "export_events"),
    ("events", "eventforreview", "publish_events"),
    ("events", "eventforreview", "reject_events"),
    ("members", "membership", "export_memberships"),
    ("partners", "organisation", "publish_organisations"),
    ("partners", "organisation", "reject_organisations"),
    ("partners", "organisation", "export_organisations"),
    ("desks", "deskbooking", "mark_no_shows"),
    ("desks", "deskbooking", "export_bookings"),
    ("events", "eventreport", "close_selected_reports"),
    ("events", "postingsuspension", "lift_suspensions"),
    ("events", "calendarfeed", "import_calendars_now"),
    ("introductions", "introduction", "approve_introductions"),
    ("introductions", "introduction", "decline_introductions"),
    ("introductions", "introduction", "export_introductions"),
]


@pytest.mark.parametrize(("app", "model", "action"), ACTIONS, ids=[f"{m}.{a}" for _app, m, a in ACTIONS])
@pytest.mark.parametrize("role", ROLES)
def test_admin_actions_per_role(client, world, app, model, action, role):
    """Actions run only for staff in scope; another hub's manager changes and learns nothing."""
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    from desks.models import DeskBooking
    from events.models import Event
    from introductions.models import Introduction

    user = world["users"][role]
    if user:
        client.force_login(user)
    target = world[model]
    data = {"action": action, ACTION_CHECKBOX_NAME: [target.pk]}
    if action.startswith(("reject", "decline")):
        data.update({"apply": "1", "reason": "Grund"})

    response = client.post(reverse(f"admin:{app}_{model}_changelist"), data)

    in_scope = role in ("manager_a", "agency", "superuser")
    if role in ("anonymous", "member"):
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    elif action.startswith("export"):
        text = response.content.decode("utf-8-sig")
        label = {
            "event": lambda: target.title,
            "organisation": lambda: target.name,
            "deskbooking": lambda: target.user.profile.display_name,
            "introduction": lambda: target.requester.profile.display_name,
        }.get(model, lambda: target.user.email)()
        assert (label in text) is in_scope
    else:
        target.refresh_from_db()
        if model == "eventreport":
            assert (target.closed is not None) is in_scope
            return
        if model == "calendarfeed":  # its address is not a public one: the import tried and failed
            assert (target.last_checked is not None) is in_scope
            return
        if model == "postingsuspension":
            assert (target.lifted is not None) is (role in ("agency", "superuser"))
            return
        unchanged = {
            "deskbooking": DeskBooking.Status.BOOKED,
            "introduction": Introduction.Status.REQUESTED,
        }.get(model, Event.Status.SUBMITTED)
        assert (target.status != unchanged) is in_scope
