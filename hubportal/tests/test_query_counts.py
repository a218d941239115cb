"""No query per row: every list of the site and the admin costs the same number of queries for
one row as for fifty, and answers 200."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory, founder_in
from events.models import CalendarFeed, Event, EventReport, EventSeries, Registration
from events.tests.factories import EventFactory, RegistrationFactory
from formats.models import Run
from formats.services import publish_format
from formats.tests.factories import past_outcome
from hubs.tests.factories import FocusThemeFactory, HubFactory
from introductions.models import Outcome
from introductions.tests.conftest import make_founder, make_investor
from introductions.tests.factories import IntroductionFactory
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from pages.models import News
from partners.tests.factories import AffiliationFactory, OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def hubs(world, number):
    themes = FocusThemeFactory.create_batch(2)
    HubFactory.create_batch(number, themes=themes, cities=[{}, {}], featured=True)


def events(world, number, **fields):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        event = EventFactory(hub=world["hub"], cohosts=[world["other_hub"]], focus_themes=themes, **fields)
        RegistrationFactory(event=event)


def series(world, number, status=Event.Status.PUBLISHED):
    """`number` weekly series of Hamburg, three dates each, the second moved a day."""
    first = timezone.now().replace(microsecond=0) + timedelta(days=7)
    for _ in range(number):
        rule = EventSeries.objects.create(
            frequency="weekly", interval=1, first_start=first, until=first + timedelta(days=14)
        )
        for number_in_series, start in enumerate(rule.dates()):
            moved = start + timedelta(days=1 if number_in_series == 1 else 0)
            EventFactory(hub=world["hub"], series=rule, occurrence_start=start, start=moved, status=status)


def submitted_series(world, number):
    series(world, number, status=Event.Status.SUBMITTED)


def formats(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        outcome = past_outcome(world["hub"], world["member"])
        outcome.event.focus_themes.set(themes)
        publish_format(outcome=outcome, user=world["member"])


def calendar_feeds(world, number):
    first = CalendarFeed.objects.count()
    for index in range(first, first + number):
        CalendarFeed.objects.create(hub=world["hub"], url=f"https://kalender.example.org/{index}.ics")


def format_runs(world, number):
    """Runs of the world's format by Hamburg and Berlin, with their outcomes."""
    for index in range(number):
        outcome = past_outcome(world["hub"] if index % 2 else world["other_hub"], world["member"])
        Run.objects.create(format=world["format"], event=outcome.event)


def past_events(world, number):
    start = timezone.now() - timedelta(days=30)
    events(world, number, start=start, end=start + timedelta(hours=2))


def members(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        MembershipFactory(hub=world["hub"], user=ProfileFactory(focus_themes=themes).user)


def news(world, number):
    for _ in range(number):
        item = News.objects.create(
            slug=f"n{News.objects.count()}",
            title_de="N",
            teaser_de="T",
            body_de="B",
            published_at=timezone.now(),
        )
        item.hubs.set([world["hub"], world["other_hub"]])


def submitted_events(world, number):
    events(world, number, status=Event.Status.SUBMITTED)


def registrations(world, number):
    for _ in range(number):
        RegistrationFactory(
            event=world["organised"], user=ProfileFactory().user, status=Registration.Status.CONFIRMED
        )


def my_events(world, number):
    for _ in range(number):
        event = EventFactory(hub=world["hub"], organiser=world["member"])
        RegistrationFactory(event=event, user=world["member"])


def organisations(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        organisation = OrganisationFactory(hub=world["hub"], focus_themes=themes)
        PartnershipFactory(organisation=organisation, hub=world["hub"])
        PartnershipFactory(organisation=organisation, hub=world["other_hub"])
        AffiliationFactory(organisation=organisation, user=world["member"])


def people(world, number):
    for _ in range(number):
        AffiliationFactory(organisation=world["organisation"], user=ProfileFactory().user)


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


def reported_events(world, number):
    """Published Hamburg events, each reported by a member."""
    for _ in range(number):
        event = EventFactory(hub=world["hub"])
        EventReport.objects.create(event=event, reporter=ProfileFactory().user, reason="spam")


def reports(world, number):
    """Reports of one event, as its page shows them to the moderators."""
    for _ in range(number):
        EventReport.objects.create(event=world["organised"], reporter=ProfileFactory().user, reason="spam")


def candidates(world, number):
    """Investors in Hamburg and investor organisations that fit the member, a FinTech founder
    looking for funding: the suggestions' candidates."""
    theme = FocusThemeFactory(slug="fintech")
    make_founder(world["member"], themes=[theme])
    for _ in range(number):
        make_investor(ProfileFactory(focus_themes=[theme]).user, themes=[theme])
        MembershipFactory(hub=world["hub"], user=Profile.objects.latest("pk").user)
        OrganisationFactory(kind="investor", focus_themes=[theme])


def introductions(world, number):
    """Requests awaiting Hamburg's review, and the member's own, made and received."""
    for _ in range(number):
        IntroductionFactory(
            requester=ProfileFactory().user, recipient=ProfileFactory().user, hub=world["hub"]
        )
        IntroductionFactory(requester=world["member"], recipient=ProfileFactory().user, hub=world["hub"])
        IntroductionFactory(
            requester=ProfileFactory().user,
            recipient=world["member"],
            hub=world["hub"],
            approved=timezone.now(),
        )


def introduction_hubs(world, number):
    """An accepted introduction with an outcome in each of `number` hubs (a row per hub)."""
    for _ in range(number):
        introduction = IntroductionFactory(hub=HubFactory(), status="accepted")
        Outcome.objects.create(introduction=introduction, member=introduction.requester, answer="met")


# page, who looks, what makes its rows, how many rows it shows at 50
LISTS = [
    ("home", {}, "anonymous", hubs),
    ("hubs:list", {}, "anonymous", hubs),
    ("hubs:detail", {"slug": "hamburg"}, "member", members),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", events),
    ("events:list", {}, "anonymous", events),
    ("events:list", {}, "member", events),
    ("events:list", {}, "anonymous", series),
    ("formats:list", {}, "anonymous", formats),
    ("formats:list", {}, "member", formats),
    ("formats:detail", lambda world: {"slug": world["format"].slug}, "anonymous", format_runs),
    ("admin:formats_format_changelist", {}, "manager", formats),
    ("admin:formats_format_changelist", {}, "agency", formats),
    ("admin:formats_outcome_changelist", {}, "agency", formats),
    ("admin:events_calendarfeed_changelist", {}, "manager", calendar_feeds),
    ("embed:hub_events", {"slug": "hamburg"}, "anonymous", series),
    ("embed:network_events", {}, "anonymous", events),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", series),
    ("events:calendar", {}, "anonymous", series),
    ("hub_calendar", {"slug": "hamburg"}, "anonymous", series),
    ("events:moderation", {}, "manager", submitted_series),
    ("events:archive", {}, "anonymous", past_events),
    ("members:directory", {}, "member", members),
    ("members:directory", {}, "anonymous", members),
    ("news:list", {}, "anonymous", news),
    ("events:moderation", {}, "manager", submitted_events),
    ("events:attendees", {"slug": "organised"}, "member", registrations),
    ("members:dashboard", {}, "member", my_events),
    ("sitemap", {}, "anonymous", events),
    ("sitemap_section", {"section": "events"}, "anonymous", events),
    ("events:feed", {}, "anonymous", events),
    ("news:feed", {}, "anonymous", news),
    ("events:calendar", {}, "anonymous", events),
    ("admin:events_event_changelist", {}, "manager", events),
    ("admin:events_event_changelist", {}, "agency", events),
    ("admin:events_eventforreview_changelist", {}, "manager", submitted_events),
    ("admin:members_membership_changelist", {}, "manager", members),
    ("admin:members_membership_changelist", {}, "agency", members),
    ("admin:hubs_hub_changelist", {}, "agency", hubs),
    ("admin:members_profile_changelist", {}, "agency", members),
    ("admin:members_user_changelist", {}, "agency", members),
    ("admin:pages_news_changelist", {}, "agency", news),
    ("admin:activity", {}, "agency", events),
    ("partners:directory", {}, "anonymous", organisations),
    ("partners:directory", {}, "member", organisations),
    ("partners:detail", {"slug": "partner"}, "anonymous", people),
    ("partners:detail", {"slug": "partner"}, "member", people),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", organisations),
    ("members:dashboard", {}, "member", organisations),
    ("sitemap_section", {"section": "partners"}, "anonymous", organisations),
    ("admin:partners_organisation_changelist", {}, "manager", organisations),
    ("admin:partners_organisation_changelist", {}, "agency", organisations),
    ("admin:partners_partnership_changelist", {}, "manager", organisations),
    (
        "admin:partners_organisation_change",
        lambda world: {"object_id": world["organisation"].pk},
        "manager",
        people,
    ),
    ("desks:list", {}, "anonymous", desk_spaces),
    ("hubs:detail", {"slug": "hamburg"}, "member", desk_spaces),
    ("sitemap_section", {"section": "desks"}, "anonymous", desk_spaces),
    ("desks:check_in", {"slug": "hafen"}, "manager", desk_bookings),
    ("desks:check_in_csv", {"slug": "hafen"}, "manager", desk_bookings),
    ("members:dashboard", {}, "member", desk_bookings),
    ("desks:counts", {}, "agency", desk_months),
    ("admin:desks_deskspace_changelist", {}, "manager", desk_spaces),
    ("admin:desks_deskbooking_changelist", {}, "manager", desk_bookings),
    ("admin:desks_deskbooking_changelist", {}, "agency", desk_bookings),
    ("events:moderation", {}, "manager", reported_events),
    ("events:detail", {"slug": "organised"}, "manager", reports),
    ("admin:events_eventreport_changelist", {}, "manager", reported_events),
    ("admin:events_eventreport_changelist", {}, "agency", reported_events),
    ("introductions:matches", {}, "member", candidates),
    ("members:dashboard", {}, "member", candidates),
    ("members:dashboard", {}, "member", introductions),
    ("members:dashboard", {}, "manager", introductions),
    ("introductions:queue", {}, "manager", introductions),
    ("introductions:queue", {}, "agency", introductions),
    ("introductions:counts", {}, "agency", introduction_hubs),
    ("introductions:counts_csv", {}, "agency", introduction_hubs),
    ("admin:introductions_introduction_changelist", {}, "manager", introductions),
    ("admin:introductions_introduction_changelist", {}, "agency", introductions),
]


@pytest.fixture
def world(hub, other_hub, member, manager, agency):
    return {
        "hub": hub,
        "other_hub": other_hub,
        "member": member,
        "manager": manager,
        "agency": agency,
        "anonymous": None,
        "organised": EventFactory(hub=hub, slug="organised", organiser=member),
        "organisation": OrganisationFactory(hub=hub, slug="partner"),
        "space": DeskSpaceFactory(hub=hub, slug="hafen", desk_count=100),
        "format": publish_format(outcome=past_outcome(hub, member), user=member),
    }


def page_queries(client, url) -> int:
    """The queries of a visit after the first: the first after a change fills the caches
    (content types, the session, the hub network)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    ("name", "arguments", "role", "add_rows"),
    LISTS,
    ids=[f"{name}-{role}-{add_rows.__name__}" for name, _a, role, add_rows in LISTS],
)
def test_a_list_costs_the_same_queries_for_one_row_and_for_fifty(
    client, world, name, arguments, role, add_rows
):
    if world[role]:
        client.force_login(world[role])
    url = reverse(name, kwargs=arguments(world) if callable(arguments) else arguments)
    add_rows(world, 1)
    one = page_queries(client, url)
    add_rows(world, 49)
    fifty = page_queries(client, url)

    assert fifty == one
