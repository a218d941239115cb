"""DSGVO: members download their data and delete their account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from hubs.tests.factories import FocusThemeFactory, HubFactory
from members.models import Membership, Profile, User

from .factories import PASSWORD, MembershipFactory, ProfileFactory, UserFactory
from .test_profiles import image_upload, profile_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client):
    theme = FocusThemeFactory(name_de="Logistik")
    profile = ProfileFactory(
        user=UserFactory(email="anna@example.org"),
        display_name="Anna Beispiel",
        bio="Meine Geschichte",
        focus_themes=[theme],
    )
    MembershipFactory(user=profile.user, hub=HubFactory(name_de="Hamburg"))
    client.force_login(profile.user)
    return profile.user


def test_export_contains_the_members_data_and_nobody_elses(client, anna):
    other = ProfileFactory(user=UserFactory(email="ben@example.org"), display_name="Ben Fremd")
    MembershipFactory(user=other.user, hub=HubFactory(name_de="Berlin"))

    response = client.get(reverse("members:export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["email_addresses"] == [
        {"email": "anna@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"]["display_name"] == "Anna Beispiel"
    assert data["profile"]["bio"] == "Meine Geschichte"
    assert data["profile"]["text_language"] == "de"
    assert data["profile"]["focus_themes"] == ["Logistik"]
    assert [membership["hub"] for membership in data["memberships"]] == ["Hamburg"]
    text = response.content.decode()
    assert "ben@example.org" not in text
    assert "Ben Fremd" not in text
    assert "Berlin" not in text
    assert "password" not in text


def test_export_contains_the_members_events(client, anna):
    from events.tests.factories import EventFactory, RegistrationFactory

    RegistrationFactory(user=anna, event=EventFactory(title_de="Pitch Night"))
    EventFactory(title_de="Mein Workshop", organiser=anna, status="draft")
    RegistrationFactory(event=EventFactory(title_de="Fremde Anmeldung"))

    data = json.loads(client.get(reverse("members:export")).content)

    assert [registration["event"] for registration in data["event_registrations"]] == ["Pitch Night"]
    assert [event["title"] for event in data["organised_events"]] == ["Mein Workshop"]
    assert "Fremde Anmeldung" not in json.dumps(data)


def test_export_works_without_a_profile(client):
    client.force_login(UserFactory(email="neu@example.org"))

    data = json.loads(client.get(reverse("members:export")).content)

    assert data["profile"] is None
    assert data["memberships"] == []
    assert data["event_registrations"] == []


def test_export_needs_a_login(client):
    response = client.get(reverse("members:export"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_deleting_the_account_removes_all_personal_data(client, anna):
    client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": image_upload()})
    avatar = Profile.objects.get(user=anna).avatar
    other = MembershipFactory()

    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not User.objects.filter(email="anna@example.org").exists()
    assert not Profile.objects.filter(display_name="Anna Beispiel").exists()
    assert not EmailAddress.objects.filter(email="anna@example.org").exists()
    assert list(Membership.objects.all()) == [other]
    assert not avatar.storage.exists(avatar.name)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("password", ["", "falsch"])
def test_deletion_needs_the_right_password(client, anna, password):
    response = client.post(reverse("members:delete_account"), {"password": password})

    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert User.objects.filter(pk=anna.pk).exists()


def test_deletion_page_explains_what_happens(client, anna):
    response = client.get(reverse("members:delete_account"))

    assert response.status_code == 200
    assert reverse("members:export") in response.content.decode()


def test_every_field_that_points_at_a_member_is_in_an_apps_registration():
    """A new model with a user field must say, in its app's registration (members.personal_data),
    how it is exported and erased, or that it only names the curator who did something. The
    history's `history_user` (who made a change) is the curators' throughout."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    from members.personal_data import registered

    pointing = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is get_user_model() and field.name != "history_user"
    }
    accounted = {name for holder in registered() for name in (*holder.holds, *holder.curators)}

    assert pointing - accounted == set()
    assert accounted - pointing == set()  # no registration names a field that is gone


def test_deleting_an_account_in_the_admin_erases_as_the_members_own_deletion_does(client, anna):
    from events.models import EventReport
    from events.tests.factories import EventFactory

    EventReport.objects.create(
        event=EventFactory(), reporter=anna, reason="spam", note="Von Anna geschrieben"
    )
    anna_id = anna.pk
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.post(reverse("admin:members_user_delete", args=[anna_id]), {"post": "yes"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=anna_id).exists()
    assert EventReport.objects.get().note == ""  # the report stays for the moderators
    assert not Membership.history.filter(user_id=anna_id).exists()  # the deletion's own rows too


def test_the_export_names_the_suggestions_the_member_hid(client, anna):
    from introductions.models import HiddenSuggestion

    HiddenSuggestion.objects.create(user=anna, profile=ProfileFactory(display_name="Ben Verborgen"))

    data = json.loads(client.get(reverse("members:export")).content)

    assert [hidden["member"] for hidden in data["hidden_suggestions"]] == ["Ben Verborgen"]
