"""The worlds of the access matrices, for every app's tests (loaded by the root conftest.py):
`world` gives every admin role by name and one object of each admin model, `site` Hamburg's
pages in every state (core/tests/access.py reads both)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory
from events.models import CalendarFeed, CalendarToken, Event, EventReport, EventSeries, PostingSuspension
from events.tests.factories import EventFactory
from formats.models import Format
from formats.services import publish_format
from formats.tests.factories import past_outcome
from hubs.tests.factories import FocusThemeFactory
from introductions.tests.factories import IntroductionFactory
from members.models import AGENCY_GROUP, Membership, Profile
from members.tests.factories import ProfileFactory
from pages.models import News, Page
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory, PartnershipFactory, PartnershipLevelFactory


@pytest.fixture
def world(hub, other_hub, member, manager, other_manager, agency, superuser):
    """The one world (conftest.py) as the access matrices use it: every role by name, and one
    object of each admin model, in the Hamburg hub where it belongs to one."""
    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED)
    organisation = OrganisationFactory(hub=hub, status=Organisation.Status.SUBMITTED, proposed_by=member)
    return {
        "users": {
            "anonymous": None,
            "member": member,
            "manager_a": manager,
            "manager_b": other_manager,
            "agency": agency,
            "superuser": superuser,
        },
        "hub": hub,
        "event": event,
        "eventforreview": event,
        "membership": Membership.objects.get(user=member, hub=hub),
        "profile": member.profile,
        "focustheme": FocusThemeFactory(),
        "page": Page.objects.get(slug=Page.Slug.IMPRESSUM),
        "news": News.objects.create(slug="n", title_de="N", teaser_de="T", body_de="B"),
        "user": member,
        "group": Group.objects.get_or_create(name=AGENCY_GROUP)[0],
        "organisation": organisation,
        "partnership": PartnershipFactory(organisation=OrganisationFactory(hub=other_hub), hub=hub),
        "partnershiplevel": PartnershipLevelFactory(),
        "deskspace": (space := DeskSpaceFactory(hub=hub)),
        "deskbooking": DeskBookingFactory(space=space, day=timezone.localdate()),
        "eventreport": EventReport.objects.create(event=event, reporter=member, reason="spam"),
        "postingsuspension": PostingSuspension.objects.create(user=ProfileFactory().user, reason="Spam"),
        "introduction": IntroductionFactory(requester=member, recipient=ProfileFactory().user, hub=hub),
        "calendarfeed": CalendarFeed.objects.create(hub=hub, url="http://127.0.0.1:9/kalender.ics"),
        "outcome": (outcome := past_outcome(hub, member)),
        "format": publish_format(outcome=outcome, user=member),
    }


@pytest.fixture
def site(hub, member, other_member, manager, other_manager, agency):
    """Hamburg's events in every state, organised by `member`, with a public and a hidden profile;
    a weekly series of two dates (pk 4646); a partner of Hamburg, and an organisation `member` proposed to it; Hamburg's guest desks with
    a booking of `other_member` tomorrow (pk 4242), which no-show marking reaches too; the
    member's request for an introduction (pk 4343), awaiting Hamburg's review."""
    for slug, status in [
        ("published", Event.Status.PUBLISHED),
        ("submitted", Event.Status.SUBMITTED),
        ("draft", Event.Status.DRAFT),
    ]:
        EventFactory(hub=hub, slug=slug, status=status, organiser=member)
    # A past Hamburg event of the member ("past"), its outcome published as the format "hafen-pitch".
    outcome = past_outcome(hub, member)
    Event.objects.filter(pk=outcome.event_id).update(slug="past")
    Format.objects.filter(pk=publish_format(outcome=outcome, user=member).pk).update(slug="hafen-pitch")
    # A weekly series (pk 4646) of two published dates, "series-1" and "series-2".
    first = timezone.now().replace(second=0, microsecond=0) + timedelta(days=14)
    series = EventSeries.objects.create(
        pk=4646, frequency="weekly", interval=1, first_start=first, until=first + timedelta(days=7)
    )
    for number, start in enumerate(series.dates(), start=1):
        EventFactory(
            hub=hub,
            slug=f"series-{number}",
            organiser=member,
            series=series,
            occurrence_start=start,
            start=start,
        )
    Profile.objects.filter(user=member).update(slug="hidden", visibility=Profile.Visibility.HIDDEN)
    Profile.objects.filter(user=other_member).update(slug="public", visibility=Profile.Visibility.PUBLIC)
    News.objects.create(slug="neu", title_de="Neu", teaser_de="T", body_de="B")
    CalendarToken.objects.create(user=member, token="token")
    PartnershipFactory(organisation=OrganisationFactory(hub=hub, slug="partner"), hub=hub)
    OrganisationFactory(hub=hub, slug="proposal", status=Organisation.Status.SUBMITTED, proposed_by=member)
    # Hamburg's guest desks, with the Berlin member's booking 4242 tomorrow and another today.
    space = DeskSpaceFactory(hub=hub, slug="hafen-desks")
    DeskBookingFactory(pk=4242, space=space, user=other_member, day=timezone.localdate() + timedelta(days=1))
    DeskBookingFactory(space=space, day=timezone.localdate())
    # The member's request (pk 4343) for an introduction to a Hamburg investor, awaiting Hamburg.
    IntroductionFactory(pk=4343, requester=member, recipient=ProfileFactory().user, hub=hub)
    return {
        "anonymous": None,
        "member": member,
        "other_member": other_member,
        "manager": manager,
        "other_manager": other_manager,
        "agency": agency,
    }


@pytest.fixture
def lists_world(hub, other_hub, member, manager, agency):
    """The world the lists' query counts add rows to (core/tests/lists.py, `<app>/tests/rows.py`):
    Hamburg's member with an event they organise and a past one published as a format, an
    organisation and a desk space of Hamburg."""
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
