from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desks.models import BookingStatus
from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory
from events.models import Event, Registration
from events.tests.factories import EventFactory
from figures.measures import Scope
from formats.models import Outcome as EventOutcome
from introductions.models import Introduction, OutcomeAnswer
from introductions.models import Outcome as IntroductionOutcome
from introductions.tests.factories import IntroductionFactory
from members.models import Membership, Profile
from members.tests.factories import ProfileFactory, UserFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory, PartnershipFactory

BERLIN = ZoneInfo("Europe/Berlin")
QUARTER = (date(2026, 1, 1), date(2026, 3, 31))


def at(year, month, day, hour=12):
    return datetime(year, month, day, hour, tzinfo=BERLIN)


def joins(user, hub, when, role=Membership.Role.MEMBER):
    membership = Membership.objects.create(user=user, hub=hub, role=role)
    Membership.objects.filter(pk=membership.pk).update(joined=when)


@pytest.fixture
def counted(hub, other_hub):
    """A first quarter of 2026 counted by hand (figures/tests/test_measures.py says what each
    row adds): Hamburg (A) and Berlin (B), members of both, events in and out of the quarter,
    registrations from the other hub, desk-days, introductions and partnerships."""
    a, b = hub, other_hub
    anna = ProfileFactory(member_type=Profile.MemberType.FOUNDER, display_name="Anna").user
    ben = ProfileFactory(member_type=Profile.MemberType.INVESTOR, display_name="Ben").user
    cleo = ProfileFactory(member_type=Profile.MemberType.SCIENCE, display_name="Cleo").user
    dora = UserFactory()  # without a profile
    joins(anna, a, at(2026, 1, 10))
    joins(ben, b, at(2026, 2, 5))
    joins(cleo, a, at(2025, 12, 1))  # before the quarter: a member, not a new one
    joins(cleo, b, at(2026, 3, 20))
    joins(dora, b, at(2026, 4, 2))  # after the quarter

    def event(hub, start, **options):
        return EventFactory(
            hub=hub, start=start, end=start.replace(hour=start.hour + 2), organiser=None, **options
        )

    e1 = event(a, at(2026, 1, 20, 18), event_type="meetup", format="on_site")
    e2 = event(
        b,
        at(2026, 2, 10, 10),
        event_type="workshop",
        format="online",
        online_url="https://m.example.org",
        cohosts=[a],
    )
    e3 = event(a, at(2026, 3, 5), event_type="meetup", status=Event.Status.CANCELLED)
    event(a, at(2026, 4, 10), event_type="pitch")  # after the quarter
    event(b, at(2026, 2, 15), status=Event.Status.DRAFT)
    for user in (anna, ben, cleo):
        Registration.objects.create(event=e1, user=user, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=e1, user=dora, status=Registration.Status.WAITLISTED)
    for user in (anna, cleo):
        Registration.objects.create(event=e2, user=user, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=e3, user=ben, status=Registration.Status.CONFIRMED)
    EventOutcome.objects.create(
        event=e1,
        attendance=25,
        worked="Viel Zeit für Gespräche.",
        summary_de="Gut.",
        format_type="meetup",
        effort="small",
    )

    space = DeskSpaceFactory(hub=a)
    DeskBookingFactory(space=space, user=anna, day=date(2026, 1, 12))
    DeskBookingFactory(space=space, user=anna, day=date(2026, 1, 13), status=BookingStatus.NO_SHOW)
    DeskBookingFactory(space=space, user=ben, day=date(2026, 2, 3))
    DeskBookingFactory(space=space, user=ben, day=date(2026, 2, 4), status=BookingStatus.CANCELLED)
    DeskBookingFactory(space=space, user=cleo, day=date(2026, 4, 1))

    def introduction(hub, created, status, answer=None):
        found = IntroductionFactory(requester=anna, recipient=ben, hub=hub, status=status, created=created)
        if answer:
            IntroductionOutcome.objects.create(introduction=found, member=anna, answer=answer)

    introduction(a, at(2026, 1, 5), Introduction.Status.ACCEPTED, OutcomeAnswer.MET)
    introduction(a, at(2026, 1, 20), Introduction.Status.ACCEPTED, OutcomeAnswer.NOTHING)
    introduction(a, at(2026, 2, 11), Introduction.Status.DECLINED)
    introduction(b, at(2026, 3, 1), Introduction.Status.EXPIRED)
    introduction(a, at(2026, 4, 1), Introduction.Status.DECLINED)

    partner = OrganisationFactory(hub=a)
    PartnershipFactory(organisation=partner, hub=a, since=date(2025, 6, 1))
    PartnershipFactory(organisation=partner, hub=b, since=date(2026, 2, 1))
    PartnershipFactory(organisation=OrganisationFactory(hub=a), hub=a, since=date(2026, 5, 1))
    PartnershipFactory(
        organisation=OrganisationFactory(hub=b, status=Organisation.Status.SUBMITTED),
        hub=b,
        since=date(2025, 1, 1),
    )
    return {
        "network": Scope(hubs=(), start=QUARTER[0], end=QUARTER[1]),
        "hamburg": Scope(hubs=(a.pk,), start=QUARTER[0], end=QUARTER[1]),
        "a": a.pk,
        "b": b.pk,
    }
