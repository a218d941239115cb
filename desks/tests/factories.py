from datetime import time, timedelta

import factory
from django.utils import timezone

from desks.models import DeskBooking, DeskSpace
from hubs.tests.factories import HubFactory
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory


class DeskSpaceFactory(factory.django.DjangoModelFactory):
    """A bookable space, open every day of the week from 9 to 18 o'clock, with two desks."""

    class Meta:
        model = DeskSpace

    hub = factory.SubFactory(HubFactory)
    name_de = factory.Sequence(lambda n: f"Coworking {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    address = "Beispielweg 1, 20095 Hamburg"
    opening_days = factory.LazyFunction(lambda: list(range(7)))
    opens_at = time(9)
    closes_at = time(18)
    desk_count = 2
    house_rules_de = "Bitte am Empfang melden."


class DeskBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeskBooking

    space = factory.SubFactory(DeskSpaceFactory)
    user = factory.LazyFunction(lambda: ProfileFactory().user)
    day = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=3))


def founder_in(hub, name="Fiona Gründerin", **profile):
    """A founder with a verified address, a start-up and a membership of `hub`."""
    user = ProfileFactory(
        display_name=name, member_type=Profile.MemberType.FOUNDER, startup_name="Hafenbits", **profile
    ).user
    MembershipFactory(user=user, hub=hub)
    return user
