"""The history says what happened, who did it and when; the agency reads it in the activity log."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.access import ADMIN_LOGIN as LOGIN
from core.tests.access import ADMIN_ROLES as ROLES
from core.tests.access import OK
from events import services as event_services
from events.models import Event
from events.tests.factories import EventFactory
from members import services as member_services
from members.models import Membership

pytestmark = pytest.mark.django_db


def last_entry(obj):
    return obj.history.order_by("-history_id").first()


def test_publishing_is_recorded_with_the_moderator(world):
    event, manager = world["event"], world["users"]["manager_a"]

    event_services.publish_event(event=event, moderator=manager)

    entry = last_entry(event)
    assert (entry.history_change_reason, entry.history_user, entry.status) == (
        "event.published",
        manager,
        Event.Status.PUBLISHED,
    )


def test_rejecting_is_recorded_with_the_reason(world):
    event, manager = world["event"], world["users"]["manager_a"]

    event_services.reject_event(event=event, moderator=manager, reason="Bitte mit Programm.")

    entry = last_entry(event)
    assert (entry.history_change_reason, entry.rejection_reason) == ("event.rejected", "Bitte mit Programm.")


def test_an_organisers_change_to_a_published_event_is_recorded_as_back_in_review(world):
    organiser = world["users"]["member"]
    event = EventFactory(hub=world["hub"], organiser=organiser)

    event_services.update_event(event=event, editor=organiser, changes={"title_de": "Geändert"})

    entry = last_entry(event)
    assert (entry.history_change_reason, entry.history_user, entry.status) == (
        "event.resubmitted",
        organiser,
        Event.Status.SUBMITTED,
    )


def test_joining_and_leaving_a_hub_are_recorded(world):
    member, hub = world["users"]["member"], world["hub"]
    member_services.leave_hub(user=member, hub=hub)
    member_services.join_hub(user=member, hub=hub)

    reasons = list(
        Membership.history.filter(user_id=member.pk, hub_id=hub.pk)
        .order_by("history_id")
        .values_list("history_change_reason", flat=True)
    )

    assert reasons[-2:] == ["membership.left", "membership.joined"]


def test_admin_changes_are_recorded_with_who_and_what(client, world):
    from hubs.tests.test_admin import hub_change_data

    client.force_login(world["users"]["manager_a"])
    hub = world["hub"]

    client.post(reverse("admin:hubs_hub_change", args=[hub.pk]), hub_change_data(hub, tagline_de="Neu"))

    entry = last_entry(hub)
    assert (entry.history_change_reason, entry.history_user) == ("hub.updated", world["users"]["manager_a"])


# The activity log

ACTIVITY_ACCESS = [LOGIN, LOGIN, 403, 403, OK, OK]


@pytest.mark.parametrize("role", ROLES)
def test_the_activity_log_is_the_agencys(client, world, role):
    expected = ACTIVITY_ACCESS[ROLES.index(role)]
    if world["users"][role]:
        client.force_login(world["users"][role])

    response = client.get(reverse("admin:activity"))

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected


def activity(client, world, **filters):
    client.force_login(world["users"]["agency"])
    response = client.get(reverse("admin:activity"), filters)
    assert response.status_code == 200
    return [(row["action"], row["label"]) for row in response.context["rows"]]


def test_the_activity_log_lists_what_happened_newest_first(client, world):
    event_services.publish_event(event=world["event"], moderator=world["users"]["manager_a"])

    rows = activity(client, world)

    assert rows[0] == ("event.published", world["event"].title)


def test_the_activity_log_filters_by_hub_person_action_and_date(client, world, other_hub):
    event_b = EventFactory(hub=other_hub, status=Event.Status.SUBMITTED, title_de="In Hub B")
    event_services.publish_event(event=world["event"], moderator=world["users"]["manager_a"])
    event_services.publish_event(event=event_b, moderator=world["users"]["manager_b"])
    today = timezone.localdate()

    assert ("event.published", "In Hub B") not in activity(client, world, hub=world["hub"].pk)
    by_manager_b = activity(client, world, user=world["users"]["manager_b"].email)
    assert by_manager_b == [("event.published", "In Hub B")]
    assert {action for action, _label in activity(client, world, action="event.published")} == {
        "event.published"
    }
    assert activity(client, world, since=today + timedelta(days=1)) == []
    assert activity(client, world, until=today)


@pytest.mark.parametrize(
    "query", [{"hub": "x"}, {"since": "gestern"}, {"action": "event.stolen"}, {"page": "999"}]
)
def test_the_activity_log_explains_bad_filters(client, world, query):
    client.force_login(world["users"]["agency"])

    response = client.get(reverse("admin:activity"), query)

    assert response.status_code == 200


def test_a_role_changed_in_the_admin_is_recorded_as_such(client, world):
    membership = world["membership"]
    client.force_login(world["users"]["agency"])

    client.post(
        reverse("admin:members_membership_change", args=[membership.pk]),
        {"user": membership.user_id, "hub": membership.hub_id, "role": Membership.Role.MANAGER},
    )

    entry = last_entry(membership)
    assert (entry.history_change_reason, entry.history_user, entry.role) == (
        "membership.role_changed",
        world["users"]["agency"],
        Membership.Role.MANAGER,
    )
