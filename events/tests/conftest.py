import pytest

from hubs.tests.factories import HubFactory
from members.models import Membership
from members.tests.factories import AgencyStaffFactory, MembershipFactory, ProfileFactory


@pytest.fixture
def hub():
    return HubFactory(slug="hamburg", name_de="Hamburg")


@pytest.fixture
def other_hub():
    return HubFactory(slug="berlin", name_de="Berlin")


@pytest.fixture
def member(hub):
    """A member of the Hamburg hub, with a profile."""
    user = ProfileFactory(display_name="Anna Mitglied").user
    MembershipFactory(user=user, hub=hub)
    return user


@pytest.fixture
def manager(hub):
    user = ProfileFactory(display_name="Maria Managerin").user
    MembershipFactory(user=user, hub=hub, role=Membership.Role.MANAGER)
    return user


@pytest.fixture
def other_manager(other_hub):
    user = ProfileFactory(display_name="Bernd Anderer").user
    MembershipFactory(user=user, hub=other_hub, role=Membership.Role.MANAGER)
    return user


@pytest.fixture
def other_member(other_hub):
    user = ProfileFactory(display_name="Otto Anderswo").user
    MembershipFactory(user=user, hub=other_hub)
    return user


@pytest.fixture
def agency():
    return AgencyStaffFactory()
