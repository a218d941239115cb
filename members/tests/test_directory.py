import pytest
from django.urls import reverse

from hubs.tests.factories import FocusThemeFactory, HubFactory
from members.models import Profile

from .factories import MembershipFactory, ProfileFactory, UserFactory

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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "investor"}, ["Ben Angel", "Clara Fonds"]),
        ({"hub": "hamburg"}, ["Anna Gründerin", "Ben Angel"]),
        ({"hub": "berlin", "type": "investor"}, ["Ben Angel", "Clara Fonds"]),
        ({"theme": "fintech"}, ["Ben Angel"]),
        ({"stage": "seed"}, ["Ben Angel"]),
        ({"ticket": "100000"}, ["Ben Angel"]),
        ({"ticket": "5000000"}, ["Clara Fonds"]),
        ({"ticket": "10"}, []),
        ({"q": "angel invest"}, ["Ben Angel"]),
        ({"q": "dresden"}, ["Dora Forschung"]),
    ],
)
def test_directory_filters(client, people, query, expected):
    response = client.get(reverse("members:directory"), query)

    assert listed(response) == expected


def test_a_member_in_two_hubs_is_listed_once(client, people):
    MembershipFactory(user=Profile.objects.get(display_name="Anna Gründerin").user, hub=HubFactory())

    response = client.get(reverse("members:directory"))

    assert len(response.context["profiles"]) == 4


@pytest.mark.parametrize(
    "query",
    [
        {"type": "astronaut"},
        {"hub": "atlantis"},
        {"theme": "<script>alert(1)</script>"},
        {"stage": "series_z"},
        {"ticket": "viel"},
        {"ticket": "-5"},
        {"q": "x" * 200},
    ],
)
def test_bad_filter_values_are_form_errors(client, people, query):
    response = client.get(reverse("members:directory"), query)

    assert response.status_code == 200
    assert response.context["filter"].errors
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["999999", "abc"])
def test_impossible_pages_are_not_found(client, people, page):
    assert client.get(reverse("members:directory"), {"page": page}).status_code == 404


def test_email_addresses_are_never_shown(client, people):
    ProfileFactory(user=UserFactory(email="privat@example.org"), display_name="Eva Privat")
    client.force_login(UserFactory())

    response = client.get(reverse("members:directory"))

    assert "Eva Privat" in response.content.decode()
    assert "@example.org" not in response.content.decode()


@pytest.mark.django_db(transaction=True)  # the count is made anew once a change commits
def test_the_directory_counts_once_and_again_after_any_change(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("members:directory")
    client.get(url, {"type": "investor"})  # fills the other caches, counts another list
    with CaptureQueriesContext(connection) as first:
        assert client.get(url).context["paginator"].count == 4
    with CaptureQueriesContext(connection) as second:
        assert client.get(url).context["paginator"].count == 4
    assert len(second) == len(first) - 1  # the total from the cache

    ProfileFactory(display_name="Emil Neu")
    assert client.get(url).context["paginator"].count == 5
    Profile.objects.filter(display_name="Ben Angel").update(visibility=Profile.Visibility.HIDDEN)
    Profile.objects.get(display_name="Clara Fonds").save()  # any saved change counts anew
    assert client.get(url).context["paginator"].count == 4
