"""Submission, moderation, cancellation: every transition by every role."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Event

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def event_data(hub, **overrides):
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "title_de": "Logistik-Meetup",
        "hub": hub.pk,
        "event_type": Event.Type.MEETUP,
        "format": Event.Format.ON_SITE,
        "start": start.strftime("%Y-%m-%dT18:00"),
        "end": start.strftime("%Y-%m-%dT21:00"),
        "venue": "Hafenforum",
        "address": "Am Kai 1, Hamburg",
        "online_url": "",
        "language": Event.Language.GERMAN,
        "description_de": "Daten im Hafen.",
        "free_of_charge": "on",
        "registration_mode": Event.RegistrationMode.PORTAL,
        "capacity": "40",
        "waitlist": "on",
        "registration_url": "",
    }
    data.update(overrides)
    return data


def login(client, user):
    if user is not None:
        client.force_login(user)


# Submission


def test_member_submits_an_event_for_their_hub_and_managers_are_told(
    client, member, manager, hub, django_capture_on_commit_callbacks
):
    login(client, member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:create"), {**event_data(hub), "submit": "1"})

    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == event.get_absolute_url()
    assert event.status == Event.Status.SUBMITTED
    assert event.organiser == member
    assert mail.outbox[0].to == [manager.email]
    assert "Logistik-Meetup" in mail.outbox[0].subject


def test_member_saves_a_draft_that_only_they_and_moderators_see(client, member, manager, hub):
    login(client, member)
    client.post(reverse("events:create"), {**event_data(hub), "draft": "1"})
    event = Event.objects.get()

    assert event.status == Event.Status.DRAFT
    assert client.get(event.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404
    login(client, manager)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_organiser_submits_a_draft(client, member, hub):
    event = EventFactory(hub=hub, organiser=member, status=Event.Status.DRAFT)
    login(client, member)

    client.post(reverse("events:submit", args=[event.slug]))

    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


def test_nobody_else_submits_someone_elses_draft(client, member, hub, manager):
    event = EventFactory(hub=hub, status=Event.Status.DRAFT)
    login(client, manager)

    client.post(reverse("events:submit", args=[event.slug]))

    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT


def test_member_cannot_submit_for_a_hub_they_do_not_belong_to(client, member, other_hub):
    login(client, member)

    response = client.post(reverse("events:create"), {**event_data(other_hub), "submit": "1"})

    assert response.status_code == 200
    assert response.context["form"].errors["hub"]
    assert not Event.objects.exists()


def test_member_without_hubs_is_asked_to_join_one(client):
    from members.tests.factories import ProfileFactory

    login(client, ProfileFactory().user)

    response = client.get(reverse("events:create"))

    assert response.status_code == 302
    assert response.url == reverse("hubs:list")


def test_anonymous_visitors_must_log_in_to_post(client, hub):
    response = client.post(reverse("events:create"), event_data(hub))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Event.objects.exists()


def test_agency_posts_for_any_hub(client, agency, other_hub):
    login(client, agency)

    response = client.post(reverse("events:create"), {**event_data(other_hub), "submit": "1"})

    assert response.status_code == 302
    assert Event.objects.get().hub == other_hub


# Publishing and rejecting

PUBLISH_MATRIX = [
    ("anonymous", 302, Event.Status.SUBMITTED),
    ("organiser", 403, Event.Status.SUBMITTED),
    ("member", 404, Event.Status.SUBMITTED),
    ("other_member", 404, Event.Status.SUBMITTED),
    ("other_manager", 404, Event.Status.SUBMITTED),
    ("manager", 302, Event.Status.PUBLISHED),
    ("agency", 302, Event.Status.PUBLISHED),
]


@pytest.mark.parametrize(("role", "status_code", "resulting_status"), PUBLISH_MATRIX)
def test_who_publishes_a_submitted_event(client, request, hub, role, status_code, resulting_status):
    from members.tests.factories import MembershipFactory, ProfileFactory

    organiser = ProfileFactory().user
    MembershipFactory(user=organiser, hub=hub)
    event = EventFactory(hub=hub, organiser=organiser, status=Event.Status.SUBMITTED)
    user = (
        {"anonymous": None, "organiser": organiser}.get(role)
        if role in ("anonymous", "organiser")
        else request.getfixturevalue(role)
    )
    login(client, user)

    response = client.post(reverse("events:publish", args=[event.slug]))

    assert response.status_code == status_code
    event.refresh_from_db()
    assert event.status == resulting_status


def test_publishing_emails_the_organiser(client, manager, hub, django_capture_on_commit_callbacks):
    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED, title_de="Pitch Night")
    login(client, manager)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:publish", args=[event.slug]))

    assert [message.to for message in mail.outbox] == [[event.organiser.email]]
    assert "Pitch Night" in mail.outbox[0].subject


def test_a_manager_publishes_their_own_event_but_a_member_cannot(client, manager, member, hub):
    own = EventFactory(hub=hub, organiser=manager, status=Event.Status.SUBMITTED)
    members_own = EventFactory(hub=hub, organiser=member, status=Event.Status.SUBMITTED)

    login(client, manager)
    client.post(reverse("events:publish", args=[own.slug]))
    login(client, member)
    response = client.post(reverse("events:publish", args=[members_own.slug]))

    own.refresh_from_db()
    members_own.refresh_from_db()
    assert own.status == Event.Status.PUBLISHED
    assert response.status_code == 403
    assert members_own.status == Event.Status.SUBMITTED


def test_rejection_needs_a_reason_and_tells_the_organiser(
    client, manager, hub, django_capture_on_commit_callbacks
):
    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED)
    login(client, manager)

    client.post(reverse("events:reject", args=[event.slug]), {"reason": "   "})
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:reject", args=[event.slug]), {"reason": "Bitte Programm ergänzen."})

    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED
    assert event.rejection_reason == "Bitte Programm ergänzen."
    assert mail.outbox[0].to == [event.organiser.email]
    assert "Bitte Programm ergänzen." in mail.outbox[0].body


def test_the_organiser_sees_the_reason_and_can_resubmit(client, hub):
    event = EventFactory(hub=hub, status=Event.Status.REJECTED, rejection_reason="Zu kurz beschrieben.")
    login(client, event.organiser)

    assert "Zu kurz beschrieben." in client.get(event.get_absolute_url()).content.decode()
    client.post(reverse("events:submit", args=[event.slug]))

    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


def test_publishing_twice_is_a_message_not_an_error(client, manager, hub):
    event = EventFactory(hub=hub, status=Event.Status.PUBLISHED)
    login(client, manager)

    response = client.post(reverse("events:publish", args=[event.slug]), follow=True)

    assert response.status_code == 200
    assert "Nur Veranstaltungen, die auf Prüfung warten" in response.content.decode()


def test_moderation_page_lists_only_the_managers_hubs(client, manager, hub, other_hub):
    own = EventFactory(hub=hub, status=Event.Status.SUBMITTED, title_de="Hamburger Thema")
    EventFactory(hub=other_hub, status=Event.Status.SUBMITTED, title_de="Berliner Thema")
    EventFactory(hub=hub, status=Event.Status.PUBLISHED, title_de="Schon veröffentlicht")
    login(client, manager)

    response = client.get(reverse("events:moderation"))

    assert [event for event, _form in response.context["queue"]] == [own]


@pytest.mark.parametrize(
    ("role", "status_code"), [("member", 403), ("other_member", 403), ("agency", 200), ("manager", 200)]
)
def test_moderation_page_is_for_managers_and_agency(client, request, role, status_code):
    login(client, request.getfixturevalue(role))

    assert client.get(reverse("events:moderation")).status_code == status_code


def test_agency_sees_every_hubs_submissions(client, agency, hub, other_hub):
    EventFactory(hub=hub, status=Event.Status.SUBMITTED)
    EventFactory(hub=other_hub, status=Event.Status.SUBMITTED)
    login(client, agency)

    assert len(client.get(reverse("events:moderation")).context["queue"]) == 2


# Editing


def test_organisers_change_to_a_published_event_goes_back_to_review(client, member, hub):
    event = EventFactory(hub=hub, organiser=member, status=Event.Status.PUBLISHED)
    RegistrationFactory(event=event)
    login(client, member)

    client.post(reverse("events:edit", args=[event.slug]), event_data(hub, title_de="Neuer Titel"))

    event.refresh_from_db()
    assert event.title == "Neuer Titel"
    assert event.status == Event.Status.SUBMITTED
    assert event.registrations.count() == 1
    assert event.revision == 1


def test_moderators_change_keeps_the_event_published(client, manager, hub):
    event = EventFactory(hub=hub, status=Event.Status.PUBLISHED)
    login(client, manager)

    client.post(reverse("events:edit", args=[event.slug]), event_data(hub, title_de="Korrigiert"))

    event.refresh_from_db()
    assert event.title == "Korrigiert"
    assert event.status == Event.Status.PUBLISHED


@pytest.mark.parametrize(
    ("role", "status_code"), [("member", 403), ("other_manager", 403), ("other_member", 403)]
)
def test_others_cannot_edit_an_event(client, request, hub, role, status_code):
    event = EventFactory(hub=hub, title_de="Original")
    login(client, request.getfixturevalue(role))

    assert client.get(reverse("events:edit", args=[event.slug])).status_code == status_code
    client.post(reverse("events:edit", args=[event.slug]), event_data(hub, title_de="Gekapert"))
    event.refresh_from_db()
    assert event.title == "Original"


# Cancelling


def test_organiser_cancels_and_everyone_registered_is_told(client, hub, django_capture_on_commit_callbacks):
    event = EventFactory(hub=hub, capacity=1)
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    login(client, event.organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:cancel", args=[event.slug]))

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [confirmed.user.email, waiting.user.email]
    )
    assert all(message.attachments for message in mail.outbox)
    # Still shown, as cancelled.
    client.logout()
    assert "Diese Veranstaltung wurde abgesagt." in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("role", "status_code"), [("member", 403), ("other_manager", 403), ("manager", 302), ("agency", 302)]
)
def test_who_cancels_a_published_event(client, request, hub, role, status_code):
    event = EventFactory(hub=hub)
    login(client, request.getfixturevalue(role))

    response = client.post(reverse("events:cancel", args=[event.slug]))

    assert response.status_code == status_code
    event.refresh_from_db()
    assert (event.status == Event.Status.CANCELLED) is (status_code == 302)


def test_a_draft_cannot_be_cancelled(client, hub):
    event = EventFactory(hub=hub, status=Event.Status.DRAFT)
    login(client, event.organiser)

    client.post(reverse("events:cancel", args=[event.slug]))

    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT


def test_deleting_the_organisers_account_keeps_the_event(client, hub):
    from members.services import delete_account

    event = EventFactory(hub=hub)
    delete_account(user=event.organiser)

    event.refresh_from_db()
    assert event.organiser is None
    assert client.get(event.get_absolute_url()).status_code == 200


def test_emails_speak_the_language_the_member_uses(client, manager, hub, django_capture_on_commit_callbacks):
    from members.tests.factories import PASSWORD

    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED, title_de="Pitch Night")
    client.post("/en/accounts/login/", {"login": event.organiser.email, "password": PASSWORD})
    event.organiser.refresh_from_db()
    assert event.organiser.language == "en"

    login(client, manager)  # the manager works in German
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:publish", args=[event.slug]))

    message = mail.outbox[-1]
    assert message.subject == "[Digital Hubs] Your event is published: Pitch Night"
    assert f"/en/events/{event.slug}/" in message.body


def test_members_without_a_known_language_are_written_to_in_german(
    client, manager, hub, django_capture_on_commit_callbacks
):
    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED, title_de="Pitch Night")
    login(client, manager)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:publish", args=[event.slug]))

    assert mail.outbox[-1].subject == "[Digital Hubs] Ihre Veranstaltung ist veröffentlicht: Pitch Night"
