"""A year of demo history, so that the network in numbers shows something after `make run`:
memberships that joined over the last twelve months, past events of every hub with
registrations (some from other hubs) and recorded attendance, desk-days booked and used, and
introductions in every state. Idempotent: what it made once it does not make again.

Everything goes through the services, as members, hubs and the agency would have done it: the
services work at the present moment, so what happened in the past is made now (or, where they
refuse the past, ahead) and then moved back to its day, with its history (events.demo,
desks.demo, introductions.demo)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone, translation

from desks.models import DeskBooking, DeskSpace
from desks.services import DeskError, book_desks, mark_no_show
from events.demo import move_to_the_past
from events.models import Event
from events.services import create_event, publish_event, register_for_event
from formats.models import Outcome as EventOutcome
from formats.services import record_outcome as record_event_outcome
from hubs.models import Hub
from introductions.demo import move_back, take_steps_to
from introductions.models import IntroductionStatus, OutcomeAnswer
from introductions.services import IntroductionError, record_outcome, request_introduction, run_schedule
from members.demo import demo_agency
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
    made_at = start + timedelta(days=30 * months_ago + 7 * index + 30)  # ahead, then moved back
    with translation.override("de"):
        title = f"Rückblick: {Event.Type(event_type).label} in {hub.name_de} ({start:%m/%Y})"
    with translation.override("en"):
        title_en = (
            f"Looking back: {Event.Type(event_type).label} in {hub.name_en or hub.name_de} ({start:%m/%Y})"
        )
    online = FORMATS.get(event_type) == "online"
    hosts = [membership.user for membership in memberships if membership.hub_id == hub.pk]
    organiser = hosts[0] if hosts else demo_agency()
    event = create_event(
        event=Event(
            title_de=title,
            description_de=f"Eine erfundene vergangene Demo-Veranstaltung des Hubs {hub.name_de}.",
            title_en=title_en,
            description_en=f"A made-up past demo event of the {hub.name_en or hub.name_de} hub.",
            slug=f"{PREFIX}-{hub.slug}-{months_ago}-{index}",
            hub=hub,
            event_type=event_type,
            format=FORMATS.get(event_type, "on_site"),
            venue="" if online else f"Demo-Forum {hub.name_de}",
            address="" if online else f"Beispielstraße 1, {hub.cities.all()[0].name_de}",
            online_url="https://meet.example.org/rueckblick" if event_type in FORMATS else "",
            start=made_at,
            end=made_at + timedelta(hours=3),
            language="de",
            registration_mode=Event.RegistrationMode.PORTAL,
            capacity=200,
        ),
        organiser=organiser,
        submit=True,
    )
    publish_event(event=event, moderator=demo_agency())
    # Guests from the hub and, every third, from others: cross-hub attendance.
    guests = {
        membership.user
        for position, membership in enumerate(memberships)
        if membership.hub_id == hub.pk or (position + months_ago) % 3 == 0
    }
    for guest in sorted(guests, key=lambda user: user.pk)[: 8 + (months_ago * 3) % 14]:
        register_for_event(event=event, user=guest)
    move_to_the_past(event, start=start)
    if index == 0:
        record_event_outcome(
            outcome=EventOutcome(
                event=event,
                attendance=event.registrations.count() + 5 + months_ago % 7,
                worked="Kurze Impulse, dann viel Zeit für Gespräche.",
                summary_de="Ein gut besuchter Abend.",
                format_type=event_type,
                effort="small",
            ),
            user=organiser,
        )
    return 1


def book_past_desks(today) -> None:
    """Founders at other hubs' guest desks (the desks are for guests), now and then a no-show.
    Each booking is made as many weeks ahead as its day lies back (the service books from today
    on), then moved back to its day."""
    hubs_of = {}
    founders = Membership.objects.filter(user__profile__member_type=Profile.MemberType.FOUNDER)
    for user, hub_id in (
        (membership.user, membership.hub_id) for membership in founders.select_related("user")
    ):
        hubs_of.setdefault(user, set()).add(hub_id)
    spaces = list(DeskSpace.objects.order_by("pk"))
    agency = demo_agency()
    for days_ago in range(3, 330, 6):
        day = today - timedelta(days=days_ago)
        if day.weekday() > 4:
            day -= timedelta(days=2)
        ahead = timedelta(weeks=(today - day).days // 7 + 1)
        for position, user in enumerate(sorted(hubs_of, key=lambda user: user.pk)[: 1 + days_ago % 3]):
            guest_at = [space for space in spaces if space.hub_id not in hubs_of[user]]
            if not guest_at or DeskBooking.objects.holding().filter(user=user, day=day).exists():
                continue
            space = guest_at[(days_ago + position) % len(guest_at)]
            try:
                (booking,) = book_desks(space=space, user=user, first=day + ahead, last=day + ahead)
            except DeskError:
                continue  # the space is full that day, or closed: the rules hold
            DeskBooking.objects.filter(pk=booking.pk).update(day=day)
            if (days_ago + position) % 5 == 0:
                mark_no_show(booking=booking, manager=agency)


def introduce_in_the_past(memberships, now) -> None:
    """An introduction a month for the last year, reviewed by the recipient's hub (or the agency),
    answered or left to expire."""
    with_profile = set(Profile.objects.values_list("user_id", flat=True))
    people = list(
        dict.fromkeys(membership.user for membership in memberships if membership.user_id in with_profile)
    )
    hubs_of = {}
    for membership in memberships:
        hubs_of.setdefault(membership.user_id, membership.hub)
    agency = demo_agency()
    for months_ago in range(11, 0, -1):
        requester = people[months_ago % len(people)]
        recipient = people[(months_ago * 5 + 1) % len(people)]
        if requester == recipient:
            continue
        status = INTRODUCTION_STATES[months_ago % len(INTRODUCTION_STATES)]
        shared = Membership.objects.filter(user=requester, hub=hubs_of[recipient.pk]).exists()
        try:
            introduction = request_introduction(
                requester=requester,
                profile=recipient.profile,
                note=HISTORY_NOTE,
                hub=hubs_of[recipient.pk] if shared else None,
            )
        except IntroductionError:
            continue  # the recipient hides from the requester, or takes no requests
        take_steps_to(status, introduction, manager=agency)
        move_back(introduction, timedelta(days=30 * months_ago))
        if status == IntroductionStatus.ACCEPTED:
            record_outcome(
                introduction=introduction, member=requester, answer=ANSWERS[months_ago % len(ANSWERS)]
            )
    run_schedule()  # the schedule expires what was left waiting
