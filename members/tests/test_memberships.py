import pytest
from django.urls import reverse

from hubs.tests.factories import HubFactory
from members.models import Membership, Profile

from .factories import MembershipFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(client):
    """Logged in, with a profile, in no hub yet."""
    profile = ProfileFactory(display_name="Anna Beispiel")
    client.force_login(profile.user)
    return profile.user


def join(client, slug="hamburg"):
    return client.post(reverse("members:join_hub", kwargs={"slug": slug}))


def leave(client, slug="hamburg"):
    return client.post(reverse("members:leave_hub", kwargs={"slug": slug}))


def test_member_joins_a_hub_with_one_click(client, newcomer, hub):
    response = join(client)

    assert response.status_code == 302
    assert response.url == hub.get_absolute_url()
    membership = Membership.objects.get(user=newcomer, hub=hub)
    assert membership.role == Membership.Role.MEMBER
    assert membership.joined


def test_joining_twice_keeps_one_membership(client, newcomer, hub):
    join(client)
    response = join(client)

    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, hub=hub).count() == 1


def test_member_belongs_to_several_hubs(client, newcomer, hub):
    HubFactory(slug="berlin")

    join(client)
    join(client, "berlin")

    assert set(newcomer.memberships.values_list("hub__slug", flat=True)) == {"hamburg", "berlin"}


def test_member_leaves_a_hub(client, newcomer, hub):
    MembershipFactory(user=newcomer, hub=hub)

    response = leave(client)

    assert response.status_code == 302
    assert not Membership.objects.filter(user=newcomer, hub=hub).exists()


def test_leaving_a_hub_you_are_not_in_changes_nothing(client, newcomer, hub):
    other = MembershipFactory(hub=hub)

    response = leave(client)

    assert response.status_code == 302
    assert Membership.objects.filter(pk=other.pk).exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Sie sind kein Mitglied von Hamburg."]


def test_joining_a_hub_that_does_not_exist_is_not_found(client, newcomer):
    assert join(client, "atlantis").status_code == 404
    assert leave(client, "atlantis").status_code == 404


def test_join_and_leave_need_a_post(client, newcomer, hub):
    assert client.get(reverse("members:join_hub", kwargs={"slug": "hamburg"})).status_code == 405
    assert client.get(reverse("members:leave_hub", kwargs={"slug": "hamburg"})).status_code == 405
    assert not Membership.objects.exists()


def test_anonymous_visitors_must_log_in_to_join(client, hub):
    response = join(client)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Membership.objects.exists()


def test_member_without_profile_completes_it_before_joining(client, hub):
    client.force_login(UserFactory())

    response = join(client)

    assert response.url == reverse("members:profile_edit")
    assert not Membership.objects.exists()


def test_leaving_affects_only_ones_own_membership(client, newcomer, hub):
    other = MembershipFactory(hub=hub)
    MembershipFactory(user=newcomer, hub=hub)

    leave(client)

    assert Membership.objects.filter(pk=other.pk).exists()


def test_hub_page_offers_join_or_leave(client, newcomer, hub):
    page = client.get(hub.get_absolute_url()).content.decode()
    assert reverse("members:join_hub", kwargs={"slug": "hamburg"}) in page

    join(client)

    page = client.get(hub.get_absolute_url()).content.decode()
    assert reverse("members:leave_hub", kwargs={"slug": "hamburg"}) in page


def test_hub_page_counts_all_members_and_shows_those_the_visitor_may_see(client, hub):
    for name, visibility in [
        ("Anna Öffentlich", Profile.Visibility.PUBLIC),
        ("Ben Mitglieder", Profile.Visibility.MEMBERS),
        ("Clara Verborgen", Profile.Visibility.HIDDEN),
    ]:
        MembershipFactory(hub=hub, user=ProfileFactory(display_name=name, visibility=visibility).user)

    anonymous = client.get(hub.get_absolute_url()).content.decode()
    client.force_login(ProfileFactory().user)
    logged_in = client.get(hub.get_absolute_url()).content.decode()

    assert "3 Mitglieder gehören zu diesem Hub." in anonymous
    assert "Anna Öffentlich" in anonymous
    assert "Ben Mitglieder" not in anonymous
    assert "Ben Mitglieder" in logged_in
    assert "Clara Verborgen" not in anonymous
    assert "Clara Verborgen" not in logged_in
    # What logging in adds, said so that it does not deny the members shown.
    assert "auch die Mitglieder zu sehen, die ihr Profil nur Mitgliedern zeigen" in anonymous


def test_a_hub_page_without_public_members_asks_visitors_to_log_in_to_see_them(client, hub):
    MembershipFactory(hub=hub, user=ProfileFactory(visibility=Profile.Visibility.MEMBERS).user)

    page = client.get(hub.get_absolute_url()).content.decode()

    assert "um diesem Hub beizutreten und seine Mitglieder zu sehen" in page


def test_dashboard_lists_the_members_hubs(client, newcomer, hub):
    MembershipFactory(user=newcomer, hub=hub)

    response = client.get(reverse("members:dashboard"))

    assert response.status_code == 200
    assert hub.get_absolute_url() in response.content.decode()
