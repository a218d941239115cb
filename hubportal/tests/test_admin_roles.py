"""What hub managers and agency staff can and cannot do in the admin, beyond opening pages."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from events.models import Event
from events.tests.factories import EventFactory
from members.models import AGENCY_GROUP, Membership
from members.permissions import is_agency
from members.tests.factories import MembershipFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def login(client, world, role):
    client.force_login(world["users"][role])


def event_form_data(event, **overrides):
    data = {
        "title_de": event.title,
        "slug": event.slug,
        "hub": event.hub_id,
        "event_type": event.event_type,
        "format": event.format,
        "start_0": event.start.strftime("%Y-%m-%d"),
        "start_1": event.start.strftime("%H:%M:%S"),
        "end_0": event.end.strftime("%Y-%m-%d"),
        "end_1": event.end.strftime("%H:%M:%S"),
        "venue": event.venue,
        "address": event.address,
        "online_url": "",
        "language": event.language,
        "description_de": event.description,
        "cost_note_de": "",
        "cost_note_en": "",
        "registration_mode": event.registration_mode,
        "capacity": event.capacity,
        "waitlist": "on",
        "registration_url": "",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


# Hub managers stay inside their hub


def test_manager_cannot_move_an_event_to_another_hub_by_editing_the_post(client, world, other_hub):
    login(client, world, "manager_a")
    event = world["event"]
    title = event.title

    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        event_form_data(event, hub=other_hub.pk, title_de="Umgezogen"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["hub"]
    event.refresh_from_db()
    assert (event.hub, event.title) == (world["hub"], title)


def test_manager_cannot_add_an_event_for_another_hub(client, world, other_hub):
    login(client, world, "manager_a")
    template = EventFactory.build(hub=other_hub, slug="neu")

    response = client.post(reverse("admin:events_event_add"), event_form_data(template, hub=other_hub.pk))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["hub"]
    assert not Event.objects.filter(slug="neu").exists()


def test_manager_adds_an_event_for_their_hub(client, world):
    login(client, world, "manager_a")
    template = EventFactory.build(hub=world["hub"], slug="eigene")

    response = client.post(reverse("admin:events_event_add"), event_form_data(template))

    assert response.status_code == 302
    event = Event.objects.get(slug="eigene")
    assert event.organiser == world["users"]["manager_a"]
    assert event.status == Event.Status.DRAFT


def test_status_changes_only_through_the_workflow(client, world):
    login(client, world, "agency")
    event = world["event"]

    client.post(
        reverse("admin:events_event_change", args=[event.pk]), event_form_data(event, status="published")
    )

    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


def test_manager_cannot_promote_members_to_managers(client, world):
    login(client, world, "manager_a")
    membership = world["membership"]

    client.post(
        reverse("admin:members_membership_change", args=[membership.pk]),
        {"user": membership.user_id, "hub": membership.hub_id, "role": Membership.Role.MANAGER},
    )

    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER
    assert not membership.user.is_staff


def test_manager_removes_a_member_but_not_a_fellow_manager(client, world):
    login(client, world, "manager_a")
    fellow = MembershipFactory(hub=world["hub"], role=Membership.Role.MANAGER)

    client.post(reverse("admin:members_membership_delete", args=[world["membership"].pk]), {"post": "yes"})
    response = client.post(reverse("admin:members_membership_delete", args=[fellow.pk]), {"post": "yes"})

    assert not Membership.objects.filter(pk=world["membership"].pk).exists()
    assert response.status_code == 403
    assert Membership.objects.filter(pk=fellow.pk).exists()


def test_manager_sees_emails_of_their_hubs_members_only(client, world, other_hub):
    other = MembershipFactory(
        hub=other_hub, user=ProfileFactory(user=UserFactory(email="fremd@example.org")).user
    )
    login(client, world, "manager_a")

    content = client.get(reverse("admin:members_membership_changelist")).content.decode()

    assert world["membership"].user.email in content
    assert other.user.email not in content
    searched = client.get(reverse("admin:members_membership_changelist"), {"q": "fremd"})
    assert searched.context["cl"].result_count == 0


def test_memberships_are_listed_newest_first(client, world, hub):
    joined = [MembershipFactory(hub=hub) for _ in range(3)]
    Membership.objects.filter(pk=joined[0].pk).update(joined=joined[2].joined + timedelta(days=1))
    login(client, world, "manager_a")

    listed = list(client.get(reverse("admin:members_membership_changelist")).context["cl"].result_list)

    assert listed[:3] == [joined[0], joined[2], joined[1]]


def test_manager_edits_their_hubs_texts_but_not_its_identity(client, world):
    login(client, world, "manager_a")
    hub = world["hub"]
    response = client.get(reverse("admin:hubs_hub_change", args=[hub.pk]))
    form = response.context["adminform"].form

    assert "description_de" in form.fields
    assert "slug" not in form.fields
    assert "featured" not in form.fields
    assert not response.context["inline_admin_formsets"][0].has_change_permission


def test_actions_of_a_manager_touch_only_their_hubs_events(client, world, other_hub):
    other = EventFactory(hub=other_hub, status=Event.Status.SUBMITTED)
    login(client, world, "manager_a")

    client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_events", ACTION_CHECKBOX_NAME: [other.pk, world["event"].pk]},
    )

    other.refresh_from_db()
    world["event"].refresh_from_db()
    assert other.status == Event.Status.SUBMITTED
    assert world["event"].status == Event.Status.PUBLISHED


# No escalation


def test_agency_staff_cannot_make_anyone_superuser(client, world):
    login(client, world, "agency")
    member = world["user"]

    response = client.get(reverse("admin:members_user_change", args=[member.pk]))

    form = response.context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields
    assert "groups" in form.fields


def test_superuser_can_grant_everything(client, world):
    login(client, world, "superuser")

    form = client.get(reverse("admin:members_user_change", args=[world["user"].pk])).context["adminform"].form

    assert {"is_superuser", "user_permissions", "groups"} <= set(form.fields)


# Moderation


def test_bulk_publish_sends_every_organiser_an_email(client, world, django_capture_on_commit_callbacks):
    second = EventFactory(hub=world["hub"], status=Event.Status.SUBMITTED)
    login(client, world, "manager_a")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:events_eventforreview_changelist"),
            {"action": "publish_events", ACTION_CHECKBOX_NAME: [world["event"].pk, second.pk]},
        )

    assert response.status_code == 302
    assert (
        Event.objects.filter(pk__in=[world["event"].pk, second.pk], status=Event.Status.PUBLISHED).count()
        == 2
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [world["event"].organiser.email, second.organiser.email]
    )


def test_bulk_reject_asks_for_the_reason_first(client, world, django_capture_on_commit_callbacks):
    login(client, world, "agency")
    url = reverse("admin:events_eventforreview_changelist")
    selection = {"action": "reject_events", ACTION_CHECKBOX_NAME: [world["event"].pk]}

    confirmation = client.post(url, selection)
    assert confirmation.status_code == 200
    assert world["event"].title in confirmation.content.decode()

    missing_reason = client.post(url, {**selection, "apply": "1", "reason": ""})
    assert missing_reason.status_code == 200
    world["event"].refresh_from_db()
    assert world["event"].status == Event.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**selection, "apply": "1", "reason": "Bitte mit Programm einreichen."})

    world["event"].refresh_from_db()
    assert world["event"].status == Event.Status.REJECTED
    assert "Bitte mit Programm einreichen." in mail.outbox[0].body


def test_queue_holds_only_submitted_events(client, world):
    EventFactory(hub=world["hub"], status=Event.Status.PUBLISHED)
    login(client, world, "manager_a")

    response = client.get(reverse("admin:events_eventforreview_changelist"))

    assert list(response.context["cl"].result_list) == [world["event"]]


@pytest.mark.parametrize(("role", "expected"), [("manager_a", 1), ("manager_b", 0), ("agency", 1)])
def test_admin_index_counts_the_events_awaiting_the_users_review(client, world, role, expected):
    login(client, world, role)

    content = client.get(reverse("admin:index")).content.decode()

    assert ("1 Veranstaltung wartet auf Ihre Prüfung" in content) is bool(expected)


# Exports


def test_event_export_respects_the_hub_boundary(client, world, other_hub):
    EventFactory(hub=other_hub, title_de="Fremdes Event")
    login(client, world, "manager_a")
    everything = Event.objects.values_list("pk", flat=True)

    response = client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_events", ACTION_CHECKBOX_NAME: list(everything)},
    )

    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert world["event"].title in text
    assert "Fremdes Event" not in text


def test_membership_export_lists_the_hubs_members(client, world):
    login(client, world, "manager_a")

    response = client.post(
        reverse("admin:members_membership_changelist"),
        {
            "action": "export_memberships",
            ACTION_CHECKBOX_NAME: list(Membership.objects.values_list("pk", flat=True)),
        },
    )

    rows = response.content.decode("utf-8-sig").strip().splitlines()
    assert rows[0].startswith("Hub;Name;E-Mail-Adresse;")
    assert len(rows) == 1 + Membership.objects.filter(hub=world["hub"]).count()
    assert world["membership"].user.email in rows[-1] or any(
        world["membership"].user.email in row for row in rows
    )


# Audit trail


def test_changes_are_recorded_with_who_and_when(client, world):
    login(client, world, "manager_a")
    hub = world["hub"]
    data = {
        "website": "https://hub-a.example.org",
        "contact_email": "",
        "tagline_de": "Neu formuliert",
        "description_de": hub.description_de,
        "tagline_en": "",
        "description_en": "",
        "cities-TOTAL_FORMS": "0",
        "cities-INITIAL_FORMS": "0",
        "focus_areas-TOTAL_FORMS": "0",
        "focus_areas-INITIAL_FORMS": "0",
    }

    response = client.post(reverse("admin:hubs_hub_change", args=[hub.pk]), data)

    assert response.status_code == 302
    latest = hub.history.latest()
    assert latest.history_user == world["users"]["manager_a"]
    assert latest.tagline_de == "Neu formuliert"
    assert "Neu formuliert" in client.get(reverse("admin:hubs_hub_history", args=[hub.pk])).content.decode()


def test_front_end_moderation_is_recorded_too(client, world):
    login(client, world, "manager_a")

    client.post(reverse("events:publish", args=[world["event"].slug]))

    latest = world["event"].history.latest()
    assert latest.status == Event.Status.PUBLISHED
    assert latest.history_user == world["users"]["manager_a"]


# grant_role


def grant(*args):
    output = StringIO()
    call_command("grant_role", *args, stdout=output)
    return output.getvalue()


def test_grant_role_appoints_and_revokes_agency_staff_idempotently():
    user = UserFactory(email="anna@example.org")

    grant("anna@example.org", "agency")
    grant("ANNA@example.org", "agency")
    user.refresh_from_db()
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [AGENCY_GROUP]
    assert is_agency(user)

    grant("anna@example.org", "agency", "--revoke")
    user = type(user).objects.get(pk=user.pk)
    assert not user.is_staff
    assert not user.groups.exists()


def test_grant_role_appoints_a_hub_manager(world):
    user = UserFactory(email="ben@example.org")

    grant("ben@example.org", "manager", "--hub", "hamburg")
    grant("ben@example.org", "manager", "--hub", "hamburg")

    membership = Membership.objects.get(user=user)
    assert membership.role == Membership.Role.MANAGER
    user.refresh_from_db()
    assert user.is_staff

    grant("ben@example.org", "manager", "--hub", "hamburg", "--revoke")
    membership.refresh_from_db()
    user.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER
    assert not user.is_staff


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["niemand@example.org", "agency"], "No account"),
        (["anna@example.org", "manager"], "--hub"),
        (["anna@example.org", "manager", "--hub", "atlantis"], "No hub"),
        (["anna@example.org", "agency", "--hub", "hamburg"], "manager role"),
    ],
)
def test_grant_role_explains_bad_input(world, arguments, message):
    UserFactory(email="anna@example.org")

    with pytest.raises(CommandError, match=message):
        grant(*arguments)


def test_agency_promotes_a_manager_in_the_admin_and_staff_status_follows(client, world):
    login(client, world, "agency")
    membership = world["membership"]

    client.post(
        reverse("admin:members_membership_change", args=[membership.pk]),
        {"user": membership.user_id, "hub": membership.hub_id, "role": Membership.Role.MANAGER},
    )

    membership.refresh_from_db()
    membership.user.refresh_from_db()
    assert membership.role == Membership.Role.MANAGER
    assert membership.user.is_staff


def test_a_member_of_one_hub_finds_it_chosen_in_the_event_form(client, world):
    client.force_login(world["user"])

    form = client.get(reverse("events:create")).context["form"]

    assert form["hub"].value() == world["hub"].pk
