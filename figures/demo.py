"""A year of demo history, so that the network in numbers shows something after `make run`:
memberships that joined over the last twelve months, past events of every hub with
registrations (some from other hubs) and recorded attendance, desk-days booked and used, and
introductions in every state. Idempotent: what it made once it does not make again."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from desks.models import BookingStatus, DeskBooking, DeskSpace
from events.models import Event, Registration
from formats.models import Outcome as EventOutcome
from hubs.models import Hub
from introductions.models import Introduction, IntroductionStatus, OutcomeAnswer
from introductions.models import Outcome as IntroductionOutcome
from members.models import Membership, Profile

PREFIX = "demo-rueckblick"
TYPES = ["meetup", "workshop", "pitch", "conference", "webinar", "hackathon"]
FORMATS = {"webinar": "online", "hackathon": "hybrid"}
INTRODUCTION_STATES = [
    IntroductionStatus.ACCEPTED,
    IntroductionStatus.ACCEPTED,
    IntroductionStatus.DECLINED,
    IntroductionStatus.EXPIRED,
    IntroductionStatus.ACCEPTED,
    IntroductionStatus.DECLINED_BY_HUB,
]
HISTORY_NOTE = "Eine erfundene Demo-Anfrage aus dem vergangenen Jahr."
ANSWERS = [OutcomeAnswer.MET, OutcomeAnswer.PILOT, OutcomeAnswer.NOTHING, OutcomeAnswer.FOLLOW_UP]


@transaction.atomic
def create_demo_history() -> int:
    """Returns how many past events it created (none when the history is there already)."""
    if Event.objects.filter(slug__startswith=PREFIX).exists():
        return 0
    hubs = list(Hub.objects.order_by("pk").prefetch_related("cities"))
    memberships = list(Membership.objects.select_related("user").order_by("pk"))
    if not hubs or not memberships:
        return 0
    spread_memberships(memberships)
    now = timezone.now()
    created = 0
    for months_ago in range(11, 0, -1):
        for index in range(2):
            hub = hubs[(months_ago * 2 + index) % len(hubs)]
            created += create_past_event(hub, memberships, now, months_ago, index)
    book_past_desks(now.date())
    introduce_in_the_past(memberships, now)
    return created


def spread_memberships(memberships) -> None:
    """Demo members joined over the last year, not all in the minute seed_demo ran."""
    now = timezone.now()
    for membership in memberships:
        if membership.joined > now - timedelta(days=2):
            days = (membership.pk * 37) % 360
            Membership.objects.filter(pk=membership.pk).update(joined=now - timedelta(days=days, hours=3))


def create_past_event(hub, memberships, now, months_ago: int, index: int) -> int:
    event_type = TYPES[(months_ago + index) % len(TYPES)]
    start = timezone.make_aware(
        datetime.combine((now - timedelta(days=30 * months_ago + 7 * index)).date(), time(17))
    )
    title = f"Rückblick: {dict(Event.Type.choices)[event_type]} in {hub.name_de} ({start:%m/%Y})"
    online = FORMATS.get(event_type) == "online"
    event = Event.objects.create(
        title_de=title,
        description_de=f"Eine erfundene vergangene Demo-Veranstaltung des Hubs {hub.name_de}.",
        slug=f"{PREFIX}-{hub.slug}-{months_ago}-{index}",
        hub=hub,
        event_type=event_type,
        format=FORMATS.get(event_type, "on_site"),
        venue="" if online else f"Demo-Forum {hub.name_de}",
        address="" if online else f"Beispielstraße 1, {hub.cities.all()[0].name_de}",
        online_url="https://meet.example.org/rueckblick" if event_type in FORMATS else "",
        start=start,
        end=start + timedelta(hours=3),
        language="de",
        capacity=200,
        status=Event.Status.PUBLISHED,
    )
    # Guests from the hub and, every third, from others: cross-hub attendance.
    guests = {
        membership.user_id
        for position, membership in enumerate(memberships)
        if membership.hub_id == hub.pk or (position + months_ago) % 3 == 0
    }
    guests = sorted(guests)[: 8 + (months_ago * 3) % 14]
    Registration.objects.bulk_create(
        Registration(event=event, user_id=user_id, status=Registration.Status.CONFIRMED) for user_id in guests
    )
    event.count_registrations()
    if index == 0:
        EventOutcome.objects.create(
            event=event,
            attendance=len(guests) + 5 + months_ago % 7,
            worked="Kurze Impulse, dann viel Zeit für Gespräche.",
            summary_de="Ein gut besuchter Abend.",
            format_type=event_type,
            effort="small",
        )
    return 1


def book_past_desks(today) -> None:
    """Founders at other hubs' guest desks (the desks are for guests), now and then a no-show."""
    hubs_of = {}
    founders = Membership.objects.filter(user__profile__member_type=Profile.MemberType.FOUNDER)
    for user_id, hub_id in founders.values_list("user", "hub"):
        hubs_of.setdefault(user_id, set()).add(hub_id)
    spaces = list(DeskSpace.objects.order_by("pk"))
    for days_ago in range(3, 330, 6):
        day = today - timedelta(days=days_ago)
        if day.weekday() > 4:
            day -= timedelta(days=2)
        for position, user_id in enumerate(sorted(hubs_of)[: 1 + days_ago % 3]):
            guest_at = [space for space in spaces if space.hub_id not in hubs_of[user_id]]
            if guest_at:
                DeskBooking.objects.get_or_create(
                    user_id=user_id,
                    day=day,
                    defaults={
                        "space": guest_at[(days_ago + position) % len(guest_at)],
                        "status": BookingStatus.NO_SHOW
                        if (days_ago + position) % 5 == 0
                        else BookingStatus.BOOKED,
                    },
                )


def introduce_in_the_past(memberships, now) -> None:
    people = list(dict.fromkeys(membership.user for membership in memberships))
    hubs_of = {}
    for membership in memberships:
        hubs_of.setdefault(membership.user_id, membership.hub)
    for months_ago in range(11, 0, -1):
        requester = people[months_ago % len(people)]
        recipient = people[(months_ago * 5 + 1) % len(people)]
        if requester == recipient:
            continue
        created = now - timedelta(days=30 * months_ago)
        status = INTRODUCTION_STATES[months_ago % len(INTRODUCTION_STATES)]
        introduction = Introduction.objects.create(
            requester=requester,
            recipient=recipient,
            hub=hubs_of[recipient.pk],
            note=HISTORY_NOTE,
            status=status,
            created=created,
            waiting_since=created,
            approved=created + timedelta(days=2) if status != IntroductionStatus.DECLINED_BY_HUB else None,
            answered=created + timedelta(days=5) if status == IntroductionStatus.ACCEPTED else None,
        )
        if status == IntroductionStatus.ACCEPTED:
            IntroductionOutcome.objects.create(
                introduction=introduction, member=requester, answer=ANSWERS[months_ago % len(ANSWERS)]
            )
