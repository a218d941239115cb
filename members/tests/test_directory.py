import pytest
from django.urls import reverse

from hubs.tests.factories import FocusThemeFactory, HubFactory

from .factories import MembershipFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def listed(response):
    return sorted(profile.display_name for profile in response.context["profiles"])


@pytest.fixture
def people():
    hamburg = HubFactory(slug="hamburg")
    berlin = HubFactory(slug="berlin")
    logistics = FocusThemeFactory(slug="logistics")
    fintech = FocusThemeFactory(slug="fintech")
    anna = ProfileFactory(display_name="Anna Gründerin", member_type="founder", focus_themes=[logistics])
    ben = ProfileFactory(
        display_name="Ben Angel",
        member_type="investor",
        organisation="Angel Invest",
        ticket_min=25_000,
        ticket_max=250_000,
        focus_themes=[fintech],
    )
    ben.investment_stages.set(["pre_seed", "seed"])
    clara = ProfileFactory(
        display_name="Clara Fonds", member_type="investor", ticket_min=1_000_000, ticket_max=None
    )
    clara.investment_stages.set(["growth"])
    ProfileFactory(display_name="Dora Forschung", member_type="science", city="Dresden")
    MembershipFactory(user=anna.user, hub=hamburg)
    MembershipFactory(user=ben.user, hub=hamburg)
    MembershipFactory(user=ben.user, hub=berlin)
    MembershipFactory(user=clara.user, hub=berlin)


def test_directory_lists_visible_members(client, people):
    response = client.get(reverse("members:directory"))

    assert response.status_code == 200
    assert listed(response) == ["Anna Gründerin", "Ben Angel", "Clara Fonds", "Dora Forschung"]
