"""Guest desks and bookings, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from datetime import timedelta

from django.utils import timezone

from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory, founder_in


def desk_spaces(world, number):
    for _ in range(number):
        space = DeskSpaceFactory(hub=world["hub"])
        DeskBookingFactory(space=space, day=timezone.localdate())


def desk_bookings(world, number):
    """Bookings of Hamburg's space today, by founders of Berlin; and the member's own elsewhere."""
    for _ in range(number):
        DeskBookingFactory(
            space=world["space"], user=founder_in(world["other_hub"]), day=timezone.localdate()
        )
        own = world["member"].desk_bookings.count()
        DeskBookingFactory(
            space=DeskSpaceFactory(hub=world["other_hub"]),
            user=world["member"],
            day=timezone.localdate() + timedelta(days=own + 1),
        )


def desk_months(world, number):
    """A booking in each of `number` hubs (the counts have a row per hub and month)."""
    for _ in range(number):
        DeskBookingFactory(space=DeskSpaceFactory(), day=timezone.localdate())
