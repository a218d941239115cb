import threading
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, Registration
from members.tests.factories import UserFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def register(client, event):
    return client.post(reverse("events:register", args=[event.slug]))


def unregister(client, event):
    return client.post(reverse("events:unregister", args=[event.slug]))


def test_member_registers_and_gets_a_calendar_entry_by_email(client, django_capture_on_commit_callbacks):
    event = EventFactory(title_de="Pitch Night")
    user = UserFactory()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event)

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.user, registration.status) == (user, Registration.Status.CONFIRMED)
    message = mail.outbox[0]
    assert message.to == [user.email]
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert [str(component["summary"]) for component in calendar.walk("VEVENT")] == ["Pitch Night"]


def test_registering_twice_keeps_one_seat(client):
    event = EventFactory()
    client.force_login(UserFactory())

    register(client, event)
    register(client, event)

    assert event.registrations.count() == 1


def test_a_full_event_puts_members_on_the_waitlist(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, waitlist=True)
    RegistrationFactory(event=event)
    client.force_login(UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)

    assert event.registrations.waitlisted().count() == 1
    assert not mail.outbox[0].attachments


def test_a_full_event_without_waitlist_turns_members_away(client):
    event = EventFactory(capacity=1, waitlist=False)
    RegistrationFactory(event=event)
    client.force_login(UserFactory())

    response = register(client, event)

    assert response.status_code == 302
    assert event.registrations.count() == 1


def test_a_freed_seat_goes_to_the_first_waiting_member_who_is_emailed(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status="waitlisted")
    second = RegistrationFactory(event=event, status="waitlisted")
    client.force_login(seated.user)

    with django_capture_on_commit_callbacks(execute=True):
        unregister(client, event)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITLISTED
    assert [message.to for message in mail.outbox] == [[first.user.email]]
    assert mail.outbox[0].attachments


def test_leaving_the_waitlist_promotes_nobody(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    later = RegistrationFactory(event=event, status="waitlisted")
    client.force_login(waiting.user)

    unregister(client, event)

    later.refresh_from_db()
    assert later.status == Registration.Status.WAITLISTED


def test_unregistering_without_a_registration_is_a_message(client):
    event = EventFactory()
    client.force_login(UserFactory())

    response = unregister(
        client,
        event,
    )

    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Sie sind für diese Veranstaltung nicht angemeldet."]


@pytest.mark.parametrize(
    "event_kwargs",
    [
        {
            "registration_mode": Event.RegistrationMode.EXTERNAL,
            "capacity": None,
            "registration_url": "https://x.example.org",
        },
        {"start": timezone.now() - timedelta(days=2), "end": timezone.now() - timedelta(days=1)},
    ],
    ids=["external registration", "past event"],
)
def test_events_that_take_no_registrations_refuse_them(client, event_kwargs):
    event = EventFactory(**event_kwargs)
    client.force_login(UserFactory())

    register(client, event)

    assert not event.registrations.exists()


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED, Event.Status.REJECTED])
def test_unpublished_events_are_not_found_for_registration(client, status):
    event = EventFactory(status=status)
    client.force_login(UserFactory())

    assert register(client, event).status_code == 404


def test_a_cancelled_event_takes_no_registrations(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    client.force_login(UserFactory())

    register(client, event)

    assert not event.registrations.exists()


def test_anonymous_visitors_log_in_to_register(client):
    event = EventFactory()

    response = register(client, event)

    assert response.url.startswith(reverse("account_login"))
    assert client.get(reverse("events:register", args=[event.slug])).status_code == 405


def register_simultaneously(event, users):
    """Let every user register at the same moment, each on their own database connection.
    Returns the users turned away because the event was full, and any unexpected errors."""
    barrier = threading.Barrier(len(users))
    turned_away, errors = [], []

    def register_at_once(user):
        try:
            barrier.wait()
            services.register_for_event(event=event, user=user)
        except services.EventError:
            turned_away.append(user)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_at_once, args=[user]) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return turned_away, errors


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_overbook():
    event = EventFactory(capacity=3, waitlist=True)

    turned_away, errors = register_simultaneously(event, [UserFactory() for _ in range(12)])

    assert (turned_away, errors) == ([], [])
    assert event.registrations.confirmed().count() == 3
    assert event.registrations.waitlisted().count() == 9


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_without_waitlist_fill_exactly_the_seats():
    event = EventFactory(capacity=2, waitlist=False)

    turned_away, errors = register_simultaneously(event, [UserFactory() for _ in range(8)])

    assert errors == []
    assert event.registrations.count() == 2
    assert len(turned_away) == 6
