"""The hubs' guest desks at the network's size, for manage.py seed_scale (core/scale.py)."""

from datetime import time as time_of_day
from datetime import timedelta

from core.scale import Scale
from members.models import Membership, Profile

from .models import DeskBooking, DeskSpace


def create_desks(scale: Scale, per_hub: int) -> None:
    """Guest desk spaces in every hub, booked on most weekdays of the past three months and
    the coming month by founders of other hubs (no founder twice on a day)."""
    pick = scale.random
    spaces = [
        DeskSpace(
            hub=hub,
            name_de=f"Coworking {hub.name_de} {number + 1}",
            slug=f"desks-{hub.slug}-{number + 1}",
            address=f"Beispielstraße {number + 1}, {hub.name_de}",
            opening_days=[0, 1, 2, 3, 4],
            opens_at=time_of_day(8),
            closes_at=time_of_day(19),
            desk_count=pick.randrange(2, 7),
            house_rules_de="Bitte am Empfang melden.",
        )
        for hub in scale.hubs
        for number in range(per_hub)
    ]
    scale.write("desk spaces", DeskSpace, spaces)
    spaces = list(DeskSpace.objects.filter(slug__startswith="desks-").select_related("hub"))
    hubs_of = {}
    for user_id, hub_id in Membership.objects.filter(
        user__profile__member_type=Profile.MemberType.FOUNDER
    ).values_list("user_id", "hub_id"):
        hubs_of.setdefault(user_id, set()).add(hub_id)
    founders = sorted(hubs_of)
    if not founders:
        return
    today = scale.now.date()
    bookings = []
    for offset in range(-90, 31):
        day = today + timedelta(days=offset)
        if day.weekday() > 4:
            continue
        booked_today = set()
        for space in spaces:
            for _desk in range(pick.randrange(0, space.desk_count + 1)):
                user_id = pick.choice(founders)
                if space.hub_id in hubs_of[user_id] or user_id in booked_today:
                    continue
                booked_today.add(user_id)
                status = DeskBooking.Status.BOOKED
                if pick.random() < 0.08:
                    status = DeskBooking.Status.CANCELLED
                elif day < today and pick.random() < 0.05:
                    status = DeskBooking.Status.NO_SHOW
                bookings.append(DeskBooking(space=space, user_id=user_id, day=day, status=status))
    scale.write("desk bookings", DeskBooking, bookings)
