"""A small site with one of each kind of page, for the project-wide tests. (The worlds of the
access matrices are in worlds.py, for every app's tests.)"""

import pytest

from events.tests.factories import EventFactory
from hubs.tests.factories import HubFactory
from members.tests.factories import MembershipFactory, ProfileFactory, StaffFactory
from pages.models import News


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
