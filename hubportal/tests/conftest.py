"""The worlds of the project-wide tests: the admin's (two hubs, their managers, a member, agency
staff) and a small site with one of each kind of page."""

import pytest
from django.contrib.auth.models import Group

from events.models import Event
from events.tests.factories import EventFactory
from hubs.models import Hub
from hubs.tests.factories import FocusThemeFactory, HubFactory
from members.models import AGENCY_GROUP, Membership
from members.tests.factories import AgencyStaffFactory, MembershipFactory, ProfileFactory, StaffFactory
from pages.models import News, Page


@pytest.fixture
def world():
    hub_a, hub_b = HubFactory(slug="hub-a"), HubFactory(slug="hub-b")
    manager_a, manager_b = ProfileFactory().user, ProfileFactory().user
    for user, hub in [(manager_a, hub_a), (manager_b, hub_b)]:
        MembershipFactory(user=user, hub=hub, role=Membership.Role.MANAGER)
        user.is_staff = True
        user.save()
    member = ProfileFactory().user
    membership_a = MembershipFactory(user=member, hub=hub_a)
    event_a = EventFactory(hub=hub_a, status=Event.Status.SUBMITTED)
    return {
        "users": {
            "anonymous": None,
            "member": member,
            "manager_a": manager_a,
            "manager_b": manager_b,
            "agency": AgencyStaffFactory(),
            "superuser": StaffFactory(),
        },
        "hub": hub_a,
        "event": event_a,
        "eventforreview": event_a,
        "membership": membership_a,
        "profile": member.profile,
        "focustheme": FocusThemeFactory(),
        "page": Page.objects.get(slug=Page.Slug.IMPRESSUM),
        "news": News.objects.create(slug="n", title_de="N", teaser_de="T", body_de="B"),
        "user": member,
        "group": Group.objects.get_or_create(name=AGENCY_GROUP)[0],
    }


@pytest.fixture
def hub_b(world):
    """The world's other hub."""
    return Hub.objects.get(slug="hub-b")


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
