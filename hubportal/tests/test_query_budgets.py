"""Query budgets of the public pages: a list costs at most 4 queries, a page of one thing at
most 3, and a logged-in member at most 2 more (the session and the account). Two pages are made
of parts: the sitemap index reads one summary per section, and a hub page adds its partners
and its guest desks (the spaces, and their free days) to its events and members. That a list
costs the same at any length is each app's test_query_counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from desks.tests.factories import DeskSpaceFactory
from events.models import Event
from events.tests.factories import EventFactory, RegistrationFactory
from formats.models import Format
from formats.services import publish_format
from formats.tests.factories import past_outcome
from hubportal.sitemaps import SITEMAPS, ModelSitemap
from hubs.tests.factories import FocusThemeFactory
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from pages.models import News
from partners.tests.factories import OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

LIST, DETAIL, LOGGED_IN = 4, 3, 2
SITEMAP_INDEX = sum(issubclass(section, ModelSitemap) for section in SITEMAPS.values())
HUB_PAGE = DETAIL + 3

PAGES = [
    ("home", {}, LIST),
    ("hubs:list", {}, LIST),
    ("events:list", {}, LIST),
    ("events:archive", {}, LIST),
    ("members:directory", {}, LIST),
    ("news:list", {}, LIST),
    ("events:feed", {}, LIST),
    ("news:feed", {}, LIST),
    ("events:calendar", {}, LIST),
    ("hub_calendar", {"slug": "hamburg"}, LIST),
    ("sitemap", {}, SITEMAP_INDEX),
    ("sitemap_section", {"section": "events"}, LIST),
    ("hubs:detail", {"slug": "hamburg"}, HUB_PAGE),
    ("events:detail", {"slug": "pitch-night"}, DETAIL),
    ("events:ics", {"slug": "pitch-night"}, DETAIL),
    ("members:profile", {"slug": "ada"}, DETAIL),
    ("news:detail", {"slug": "aufruf"}, DETAIL),
    ("pages:impressum", {}, DETAIL),
    ("partners:directory", {}, LIST),
    ("partners:detail", {"slug": "hafenwerk"}, DETAIL + 1),  # and its people
    ("desks:list", {}, LIST),
    ("desks:detail", {"slug": "hafen-desks"}, DETAIL + 1),  # and its free days
    ("formats:list", {}, LIST),
    ("formats:detail", {"slug": "hafen-pitch"}, DETAIL + 1),  # and its runs
    ("events:detail", {"slug": "vorbei"}, DETAIL + 1),  # and the format it was published as
    ("embed:hub_events", {"slug": "hamburg"}, LIST),
    ("embed:network_events", {}, LIST),
]


@pytest.fixture
def content(hub, other_hub, member):
    """Something of everything the pages show: events with co-hosts, themes and registrations,
    members with themes, news, a partner and guest desks of Hamburg."""
    themes = FocusThemeFactory.create_batch(2)
    soon = timezone.now() + timezone.timedelta(days=3)
    event = EventFactory(
        slug="pitch-night",
        hub=hub,
        cohosts=[other_hub],
        focus_themes=themes,
        organiser=member,
        capacity=20,
        start=soon,
        end=soon + timezone.timedelta(hours=2),
    )
    RegistrationFactory(event=event, user=member)
    EventFactory(
        hub=other_hub, start=soon - timezone.timedelta(days=30), end=soon - timezone.timedelta(days=29)
    )
    ada = ProfileFactory(slug="ada", focus_themes=themes, visibility=Profile.Visibility.PUBLIC)
    MembershipFactory(user=ada.user, hub=hub)
    news = News.objects.create(
        slug="aufruf", title_de="Aufruf", teaser_de="T", body_de="B", published_at=timezone.now()
    )
    news.hubs.set([hub])
    partner = OrganisationFactory(hub=hub, slug="hafenwerk")
    PartnershipFactory(organisation=partner, hub=hub)
    DeskSpaceFactory(hub=hub, slug="hafen-desks")
    outcome = past_outcome(hub, member)
    Event.objects.filter(pk=outcome.event_id).update(slug="vorbei")
    Format.objects.filter(pk=publish_format(outcome=outcome, user=member).pk).update(slug="hafen-pitch")


def queries_of_a_visit(client, url) -> int:
    """The queries of a visit after the first, which fills the caches."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize(("name", "arguments", "budget"), PAGES, ids=[name for name, _a, _b in PAGES])
@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_a_public_page_keeps_to_its_query_budget(client, member, name, arguments, budget, visitor):
    if visitor == "member":
        client.force_login(member)
        budget += LOGGED_IN

    queries = queries_of_a_visit(client, reverse(name, kwargs=arguments))

    assert queries <= budget


# A member's own pages are made of parts. The suggestions: the member's profile, the people (the
# shortlists by theme and by hub, their cards) and the organisations (the ranking, their cards).
SUGGESTIONS = 1 + 3 + 2
# The dashboard: the profile and the hubs, the events (calendar link, registrations, organised),
# the organisations (links, proposals), the desks, the suggestions without the profile, the
# introductions (and, for reviewers, how many wait).
DASHBOARD = 2 + 3 + 2 + 1 + (SUGGESTIONS - 1) + 1


@pytest.mark.parametrize(
    ("name", "budget"), [("introductions:matches", SUGGESTIONS), ("members:dashboard", DASHBOARD)]
)
def test_a_members_own_page_keeps_to_its_query_budget(client, hub, fintech_founder, name, budget):
    client.force_login(fintech_founder)

    assert queries_of_a_visit(client, reverse(name)) <= budget + LOGGED_IN


@pytest.fixture
def fintech_founder(hub, member):
    """A founder looking for funding, with an investor and an investor organisation that fit."""
    from introductions.tests.conftest import make_founder, make_investor

    theme = FocusThemeFactory()
    make_founder(member, themes=[theme])
    investor = make_investor(ProfileFactory().user, themes=[theme])
    MembershipFactory(user=investor, hub=hub)
    OrganisationFactory(kind="investor", focus_themes=[theme])
    return member
