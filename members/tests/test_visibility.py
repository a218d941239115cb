"""Who sees which profile: the visibility matrix, enforced on the server."""

import pytest
from django.urls import reverse

from members.models import Profile

from .factories import AgencyStaffFactory, ProfileFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, HIDDEN = Profile.Visibility.PUBLIC, Profile.Visibility.MEMBERS, Profile.Visibility.HIDDEN


@pytest.fixture
def owner():
    return UserFactory()


def viewer_for(role, owner):
    if role == "anonymous":
        return None
    if role == "member":
        return UserFactory()
    if role == "owner":
        return owner
    if role == "agency":
        return AgencyStaffFactory()
    if role == "superuser":
        return StaffFactory()
    if role == "staff without agency role":  # e.g. a hub manager
        return UserFactory(is_staff=True)
    raise ValueError(role)


MATRIX = [
    # role, visibility, can see
    ("anonymous", PUBLIC, True),
    ("anonymous", MEMBERS, False),
    ("anonymous", HIDDEN, False),
    ("member", PUBLIC, True),
    ("member", MEMBERS, True),
    ("member", HIDDEN, False),
    ("owner", PUBLIC, True),
    ("owner", MEMBERS, True),
    ("owner", HIDDEN, True),
    ("agency", PUBLIC, True),
    ("agency", MEMBERS, True),
    ("agency", HIDDEN, True),
    ("superuser", HIDDEN, True),
    ("staff without agency role", MEMBERS, True),
    ("staff without agency role", HIDDEN, False),
]


@pytest.mark.parametrize(("role", "visibility", "can_see"), MATRIX)
def test_profile_page_follows_the_visibility(client, owner, role, visibility, can_see):
    profile = ProfileFactory(user=owner, visibility=visibility, display_name="Anna Sichtbar")
    viewer = viewer_for(role, owner)
    if viewer:
        client.force_login(viewer)

    response = client.get(profile.get_absolute_url())

    assert response.status_code == (200 if can_see else 404)


@pytest.mark.parametrize(("role", "visibility", "can_see"), MATRIX)
def test_directory_follows_the_visibility(client, owner, role, visibility, can_see):
    ProfileFactory(user=owner, visibility=visibility, display_name="Anna Sichtbar")
    viewer = viewer_for(role, owner)
    if viewer:
        client.force_login(viewer)

    response = client.get(reverse("members:directory"))

    assert ("Anna Sichtbar" in response.content.decode()) is can_see


def test_deactivated_accounts_are_not_shown(client):
    profile = ProfileFactory(user=UserFactory(is_active=False), display_name="Anna Inaktiv")

    assert client.get(profile.get_absolute_url()).status_code == 404
    assert "Anna Inaktiv" not in client.get(reverse("members:directory")).content.decode()
