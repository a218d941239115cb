"""Desk bookings in the member's data export, and anonymous after the account is deleted."""

import json

import pytest
from django.urls import reverse

from desks.models import DeskBooking
from members.tests.factories import PASSWORD

from .factories import DeskBookingFactory, DeskSpaceFactory, founder_in

pytestmark = pytest.mark.django_db


def test_export_contains_the_members_bookings_and_nobody_elses(client, hub, other_hub):
    founder = founder_in(hub)
    space = DeskSpaceFactory(hub=other_hub, name_de="Spree Desks")
    DeskBookingFactory(space=space, user=founder)
    DeskBookingFactory(space=DeskSpaceFactory(hub=other_hub, name_de="Fremder Raum"))
    client.force_login(founder)

    data = json.loads(client.get(reverse("members:export")).content)

    assert [(booking["space"], booking["hub"], booking["status"]) for booking in data["desk_bookings"]] == [
        ("Spree Desks", "Berlin", "booked")
    ]
    assert "Fremder Raum" not in json.dumps(data)


def test_deleting_the_account_keeps_only_the_count(client, hub, other_hub):
    founder = founder_in(hub)
    booking = DeskBookingFactory(space=DeskSpaceFactory(hub=other_hub), user=founder)
    client.force_login(founder)

    client.post(reverse("members:delete_account"), {"password": PASSWORD})

    booking.refresh_from_db()
    assert booking.user is None
    assert DeskBooking.objects.holding().count() == 1


def test_the_privacy_page_explains_desk_bookings(client):
    german = client.get(reverse("pages:privacy")).content.decode()
    english = client.get("/en" + reverse("pages:privacy")).content.decode()

    assert "Schreibtische mit der Start-up Card" in german and "90 Tage nach dem gebuchten Tag" in german
    assert "Desks with the Start-up Card" in english and "90 days after the booked day" in english
