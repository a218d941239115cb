"""Demo guest desks for development: spaces in several hubs with bookings by demo founders of
other hubs, so that the desks, the check-in list and the counts show something at once.

The founders book through the service, under the fair-use rules; a booking for a day that has
passed is made two weeks ahead (the same weekday) and then moved back, because the service
rightly books from today on."""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from core.audit import record
from hubs.models import Hub
from members.demo import demo_agency
from members.models import Profile

from .models import DeskBooking, DeskSpace
from .services import DeskError, book_desks, mark_no_show

AHEAD = timedelta(days=14)

SPACES = [
    ("hamburg", "Hafenkante Coworking", "Beispielkai 1, 20457 Hamburg", 6),
    ("berlin", "Spree Desks", "Musterstraße 12, 10115 Berlin", 8),
    ("muenchen", "Isar Werkbank", "Beispielplatz 3, 80331 München", 4),
    ("karlsruhe", "Fächer Lab", "Demoallee 7, 76131 Karlsruhe", 3),
]
HOUSE_RULES_DE = (
    "Bitte melden Sie sich am Empfang mit Ihrer Buchungsbestätigung. WLAN: „Gast“, das Passwort "
    "hängt aus. Schreibtische bitte am Abend frei räumen."
)
HOUSE_RULES_EN = (
    "Please sign in at the reception with your booking confirmation. Wi-Fi: “Gast”, the password is "
    "on display. Please clear your desk in the evening."
)


@transaction.atomic
def create_demo_desks() -> int:
    """Create the demo spaces that do not exist yet, with bookings; returns how many were created."""
    created = 0
    founders = list(
        Profile.objects.filter(member_type=Profile.MemberType.FOUNDER)
        .exclude(startup_name="")
        .select_related("user")
        .prefetch_related("user__memberships")
        .order_by("pk")
    )
    agency = demo_agency()
    today = timezone.localdate()
    for slug, name, address, desks in SPACES:
        hub = Hub.objects.filter(slug=slug).first()
        if hub is None or DeskSpace.objects.filter(hub=hub, name_de=name).exists():
            continue
        space = DeskSpace(
            hub=hub,
            name_de=name,
            name_en=name,
            slug=f"demo-{slug}-desks",
            address=address,
            opening_days=[0, 1, 2, 3, 4],
            opens_at=time(8, 30),
            closes_at=time(18),
            desk_count=desks,
            description_de=f"Gastschreibtische des Hubs {hub.name_de} für Gründerinnen und Gründer aus dem Netzwerk.",
            description_en=f"Guest desks of the {hub.name_en or hub.name_de} hub for founders from the network.",
            house_rules_de=HOUSE_RULES_DE,
            house_rules_en=HOUSE_RULES_EN,
        )
        record(space, action="deskspace.created", by=agency)
        created += 1
        guests = [
            profile.user
            for profile in founders
            if hub.pk not in {membership.hub_id for membership in profile.user.memberships.all()}
            and profile.user.memberships.all()
        ]
        # From a week ago to next week, so that today's check-in list and the counts show guests.
        for index, user in enumerate(guests[:4]):
            first, last = space.open_days(
                first=today - timedelta(days=7) + timedelta(days=index * 3), number=2
            )
            if DeskBooking.objects.holding().filter(user=user, day__in=[first, last]).exists():
                continue  # a desk elsewhere on those days
            ahead = AHEAD if first < today else timedelta()
            try:
                bookings = book_desks(space=space, user=user, first=first + ahead, last=last + ahead)
            except DeskError:
                continue  # the month's desk-days used: the rules hold
            for booking in bookings:
                DeskBooking.objects.filter(pk=booking.pk).update(day=booking.day - ahead)
                if index == 0 and booking.day - ahead < today:
                    mark_no_show(booking=booking, manager=agency)
    return created
