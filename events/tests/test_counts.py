"""The counts cards show (an event's seats taken and waiting, a hub's members) are stored, and
follow every way registrations and memberships change."""

import pytest

from events import services
from events.models import Event, Registration
from members import services as member_services
from members.models import Membership
from members.tests.factories import ProfileFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def counts(event):
    event.refresh_from_db()
    return event.attendee_count, event.waitlist_count


def test_registering_and_giving_up_a_seat_keep_the_counts(member, other_member):
    event = EventFactory(capacity=1, waitlist=True)

    services.register_for_event(event=event, user=member)
    services.register_for_event(event=event, user=other_member)
    assert counts(event) == (1, 1)

    services.unregister_from_event(event=event, user=member)  # the waiting member moves up
    assert counts(event) == (1, 0)


def test_the_admin_and_deleted_accounts_keep_the_counts_too(member):
    event = EventFactory()
    registration = RegistrationFactory(event=event, user=member)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    assert counts(event) == (1, 1)

    registration.delete()  # as the admin's inline does
    assert counts(event) == (0, 1)

    Event.objects.get(pk=event.pk).registrations.get().user.delete()  # an account deleted
    assert counts(event) == (0, 0)


def test_a_hubs_member_count_follows_joining_leaving_and_deleted_accounts(hub):
    newcomer = ProfileFactory().user

    member_services.join_hub(user=newcomer, hub=hub)
    hub.refresh_from_db()
    assert hub.member_count == 1

    other = ProfileFactory().user
    Membership.objects.create(user=other, hub=hub)  # as the admin adds one
    member_services.leave_hub(user=newcomer, hub=hub)
    hub.refresh_from_db()
    assert hub.member_count == 1

    other.delete()
    hub.refresh_from_db()
    assert hub.member_count == 0


def test_the_event_page_shows_the_stored_counts(client):
    event = EventFactory(capacity=10)
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "3 von 10 Plätzen belegt" in content
    assert "1 wartet" in content
