"""Every admin page for every role: the boundary between agency staff and hub managers. Each
app checks its own admins and actions (`<app>/tests/test_access.py`, with the helpers of
core/tests/access.py); Django's groups and the task queue are checked here, and so is the whole:
an admin or an action without a row in some app's matrix is a hole in the spec.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from core.tests.access import ADMIN_LOGIN, DENIED, OK, admin_access_test
from desks.tests import test_access as desks
from events.tests import test_access as events
from formats.tests import test_access as formats
from hubs.tests import test_access as hubs
from hubs.tests.factories import HubFactory
from introductions.tests import test_access as introductions
from members.tests import test_access as members
from pages.tests import test_access as pages
from partners.tests import test_access as partners

pytestmark = pytest.mark.django_db

SUPERUSER_ONLY = [
    ("auth", "group", view, [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, OK])
    for view in ["changelist", "add", "change", "delete", "history"]
]
# The queue of background tasks (emails with their recipients): superusers read it, nobody changes it.
TASK_QUEUE = [
    (
        "django_tasks_database",
        "dbtaskresult",
        "changelist",
        [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, OK],
    ),
    (
        "django_tasks_database",
        "dbtaskresult",
        "add",
        [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED],
    ),
]
APPS = [hubs, members, events, pages, partners, desks, introductions, formats]
URLS = SUPERUSER_ONLY + TASK_QUEUE + [row for app in APPS for row in app.ADMIN]

test_admin_access = admin_access_test(SUPERUSER_ONLY + TASK_QUEUE)


def test_every_registered_admin_is_in_a_matrix():
    covered = {(app, model) for app, model, _view, _expected in URLS}
    registered = {(model._meta.app_label, model._meta.model_name) for model in admin.site._registry}
    # allauth's email addresses keep Django's model permissions: superusers only.
    unreviewed = registered - covered - {("account", "emailaddress")}
    assert unreviewed == set(), "add these admins to an access matrix"


def test_every_admin_action_is_in_a_matrix():
    tested = {
        row
        for module in APPS
        for row in [*getattr(module, "ACTIONS", []), *getattr(module, "AGENCY_ACTIONS", [])]
    }
    actions = {
        (model._meta.app_label, model._meta.model_name, getattr(action, "__name__", action))
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in {module.__name__.partition(".")[0] for module in APPS}
        for action in model_admin.actions or []
    }
    assert len(actions) > 10  # the check reads the actions
    assert actions - tested == set(), "add these actions to an access matrix"


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
