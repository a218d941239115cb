"""Figures a ministry can sign: for any network and any period, the numbers shown side by side
agree. A part is never larger than its whole, breakdowns add up to their total, and the hubs'
numbers add up to the network's where each thing belongs to one hub. Hypothesis draws the
networks (30 a run; FIGURES_EXAMPLES=300 searches deeper); each is made in a transaction that
is rolled back after it is counted."""

import os
from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desks.models import BookingStatus
from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory
from events.models import Event, Registration
from events.tests.factories import EventFactory
from figures.measures import Scope, count
from figures.tables import headline, tables
from formats.models import Outcome as EventOutcome
from hubs.tests.factories import HubFactory
from introductions.models import OPEN_STATUSES, Introduction, OutcomeAnswer
from introductions.models import Outcome as IntroductionOutcome
from introductions.tests.factories import IntroductionFactory
from members.models import Profile
from members.tests.factories import ProfileFactory
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory, PartnershipFactory

from .conftest import at, joins

pytestmark = pytest.mark.django_db

HUBS, PEOPLE = 3, 6
DAY_ONE = date(2026, 1, 1)
days = st.integers(min_value=-60, max_value=200)
hubs = st.integers(min_value=0, max_value=HUBS - 1)
people = st.integers(min_value=0, max_value=PEOPLE - 1)

networks = st.fixed_dictionaries(
    {
        "memberships": st.dictionaries(st.tuples(people, hubs), days, max_size=12),
        "events": st.lists(
            st.tuples(
                hubs,
                days,
                st.sampled_from([Event.Status.PUBLISHED, Event.Status.CANCELLED, Event.Status.DRAFT]),
                st.dictionaries(people, st.sampled_from(list(Registration.Status)), max_size=PEOPLE),
                st.none() | st.integers(min_value=0, max_value=60),
            ),
            max_size=6,
        ),
        "desk_days": st.dictionaries(
            st.tuples(people, days),
            st.tuples(hubs, st.sampled_from(list(BookingStatus))),
            max_size=8,
        ),
        "introductions": st.lists(
            st.tuples(
                people,
                people,
                st.none() | hubs,
                days,
                st.sampled_from(list(Introduction.Status)),
                st.none() | st.sampled_from(list(OutcomeAnswer)),
            ),
            max_size=6,
        ),
        "partnerships": st.dictionaries(
            st.tuples(st.integers(min_value=0, max_value=2), hubs),
            st.tuples(days, st.booleans()),
            max_size=6,
        ),
        "period": st.tuples(st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=150)),
    }
)


def day(offset: int) -> date:
    return DAY_ONE + timedelta(days=offset)


def moment(offset: int):
    when = day(offset)
    return at(when.year, when.month, when.day)


def make(network) -> tuple[list, Scope]:
    """The drawn network in the database, and the period drawn for it."""
    hub_rows = [HubFactory() for _number in range(HUBS)]
    users = [
        ProfileFactory(member_type=list(Profile.MemberType)[number % len(Profile.MemberType)]).user
        for number in range(PEOPLE)
    ]
    for (person, hub), joined in network["memberships"].items():
        joins(users[person], hub_rows[hub], moment(joined))
    for hub, start, status, registrations, attendance in network["events"]:
        begins = moment(start)
        event = EventFactory(
            hub=hub_rows[hub], start=begins, end=begins + timedelta(hours=2), status=status, organiser=None
        )
        for person, registration_status in registrations.items():
            Registration.objects.create(event=event, user=users[person], status=registration_status)
        if attendance is not None:
            EventOutcome.objects.create(
                event=event, attendance=attendance, summary_de="Gut.", format_type="meetup", effort="small"
            )
    spaces = [DeskSpaceFactory(hub=hub) for hub in hub_rows]
    for (person, on), (hub, status) in network["desk_days"].items():
        DeskBookingFactory(space=spaces[hub], user=users[person], day=day(on), status=status)
    open_pairs = set()
    for requester, recipient, hub, created, status, answer in network["introductions"]:
        pair = frozenset((requester, recipient))
        if requester == recipient or (status in OPEN_STATUSES and pair in open_pairs):
            continue  # nobody asks themselves, and a pair has one open request at a time
        if status in OPEN_STATUSES:
            open_pairs.add(pair)
        introduction = IntroductionFactory(
            requester=users[requester],
            recipient=users[recipient],
            hub=None if hub is None else hub_rows[hub],
            status=status,
            created=moment(created),
        )
        if answer is not None:
            IntroductionOutcome.objects.create(
                introduction=introduction, member=users[requester], answer=answer
            )
    organisations = [OrganisationFactory(hub=hub_rows[0]) for _number in range(3)]
    for (organisation, hub), (since, published) in network["partnerships"].items():
        if not published:
            Organisation.objects.filter(pk=organisations[organisation].pk).update(
                status=Organisation.Status.SUBMITTED
            )
        PartnershipFactory(organisation=organisations[organisation], hub=hub_rows[hub], since=day(since))
    first, length = network["period"]
    return hub_rows, Scope(hubs=(), start=day(first), end=day(first + length))


def total(monthly: dict, index: int | None = None) -> int:
    return sum(value if index is None else value[index] for value in monthly.values())


def assert_parts_within_wholes(numbers: dict):
    assert total(numbers["new_members"]) <= numbers["members"]
    assert numbers["cross_hub_registrations"] <= total(numbers["registrations"])
    for booked, used in numbers["desk_days"].values():
        assert used <= booked
    for requested, accepted, with_outcome in numbers["introductions"].values():
        assert with_outcome <= accepted <= requested
    assert numbers["partner_organisations"] <= total(numbers["partners"])
    events = total(numbers["events"])
    assert total(numbers["events_by_type"]) == total(numbers["events_by_format"]) == events
    assert total(numbers["events_by_hub"]) == events
    assert sum(numbers["members_by_type"].values()) >= numbers["members"]  # memberships, a hub each


def assert_headline_is_what_the_tables_say(numbers: dict, scope: Scope):
    """Each number at a glance leads to a table on the page, and the tables' totals are the
    numbers at a glance."""
    shown = {table.key: table for table in tables(scope, numbers)}
    figures = headline(numbers)
    assert all(figure.table in shown for figure in figures)
    by_label = {str(figure.label): figure.number for figure in figures}
    if shown["new_members"].rows:
        assert shown["new_members"].totals == [by_label["davon im Zeitraum neu"]]
    if shown["registrations"].rows:
        assert shown["registrations"].totals == [
            by_label["Anmeldungen"],
            by_label["Teilnehmende (Zählung der Veranstaltenden)"],
        ]


@settings(
    max_examples=int(os.environ.get("FIGURES_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(network=networks)
def test_parts_are_never_larger_than_their_wholes(network):
    with transaction.atomic():
        hub_rows, period = make(network)
        whole = count(period)
        assert_parts_within_wholes(whole)
        assert_headline_is_what_the_tables_say(whole, period)
        parts = [count(Scope(hubs=(hub.pk,), start=period.start, end=period.end)) for hub in hub_rows]
        for part in parts:
            assert_parts_within_wholes(part)
            assert part["members"] <= whole["members"]
            assert part["cross_hub_registrations"] <= whole["cross_hub_registrations"]
        # What belongs to one hub adds up to the network's.
        assert sum(total(part["events"]) for part in parts) == total(whole["events"])
        assert sum(total(part["registrations"]) for part in parts) == total(whole["registrations"])
        assert sum(total(part["attendance"]) for part in parts) == total(whole["attendance"])
        assert sum(part["cross_hub_registrations"] for part in parts) == whole["cross_hub_registrations"]
        assert sum(total(part["desk_days"], 0) for part in parts) == total(whole["desk_days"], 0)
        transaction.set_rollback(True)
