"""The world of the project-wide tests as a dictionary for the access matrices, and a small
site with one of each kind of page."""

import pytest
from django.contrib.auth.models import Group

from events.models import Event
from events.tests.factories import EventFactory
from hubs.tests.factories import FocusThemeFactory, HubFactory
from members.models import AGENCY_GROUP, Membership
from members.tests.factories import MembershipFactory, ProfileFactory, StaffFactory
from pages.models import News, Page


@pytest.fixture
def world(hub, other_hub, member, manager, other_manager, agency, superuser):
    """The one world (conftest.py) as the access matrices use it: every role by name, and one
    object of each admin model, in the Hamburg hub where it belongs to one."""
    event = EventFactory(hub=hub, status=Event.Status.SUBMITTED)
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
    }


@pytest.fixture
def site_content():
    """One of each kind of page: the hub "hamburg", the event "pitch-night", the profile "anna",
    the news item "neu"; a member of the hub and a superuser to visit them."""
    hub = HubFactory(slug="hamburg")
    EventFactory(hub=hub, slug="pitch-night")
    ProfileFactory(slug="anna")
    News.objects.create(slug="neu", title_de="Neu", teaser_de="T", body_de="B")
    member = ProfileFactory().user
    MembershipFactory(user=member, hub=hub)
    return {"member": member, "staff": StaffFactory()}
