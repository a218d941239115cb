from io import StringIO

import pytest
from django.core.management import call_command

from desks.models import DeskBooking, DeskSpace

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_guest_desks_with_bookings_once(settings):
    settings.DEBUG = True

    call_command("seed_demo", stdout=StringIO())
    counts = (DeskSpace.objects.count(), DeskBooking.objects.count())
    call_command("seed_demo", stdout=StringIO())

    assert (DeskSpace.objects.count(), DeskBooking.objects.count()) == counts
    assert DeskSpace.objects.values("hub").distinct().count() >= 3
    assert DeskBooking.objects.filter(status=DeskBooking.Status.NO_SHOW).exists()
    for booking in DeskBooking.objects.select_related("space"):
        assert not booking.user.memberships.filter(hub=booking.space.hub_id).exists()  # guests of other hubs
