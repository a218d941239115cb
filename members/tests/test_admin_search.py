"""The admin's search: each word in any search field, the same for agency staff and hub managers
(within their hubs), answered at the network's size from trigram indexes (bench/RESULTS.md)."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse

from events.models import Event
from events.tests.factories import EventFactory
from members.models import Membership, Profile, User
from members.tests.factories import MembershipFactory, ProfileFactory

pytestmark = pytest.mark.django_db


def found(client, model, words):
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.get(changelist, {"q": words})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.fixture
def people(hub, other_hub):
    greta = ProfileFactory(display_name="Greta Kaffeekultur", organisation="Rösterei Nord").user
    MembershipFactory(user=greta, hub=hub)
    MembershipFactory(user=greta, hub=other_hub)
    otto = ProfileFactory(display_name="Otto Kultur", organisation="Kaffee Süd").user
    MembershipFactory(user=otto, hub=other_hub)
    return {"greta": greta, "otto": otto}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("kultur", {"greta", "otto"}),  # a part of a name
        ("KAFFEEK", {"greta"}),  # any case
        ("kultur rösterei", {"greta"}),  # every word, each in any field
        ('"Otto Kultur"', {"otto"}),  # quoted: the words together
        ("ot", {"otto"}),  # two letters: the search without the trigram index
        ("nobody", set()),
    ],
)
def test_agency_staff_find_profiles_by_any_part_of_any_field(admin_client, people, words, expected):
    names = {profile.user_id for profile in found(admin_client, Profile, words)}

    assert names == {people[name].pk for name in expected}


def test_a_member_in_two_hubs_is_listed_once_and_found_by_address_too(admin_client, people):
    address = people["greta"].email

    assert found(admin_client, User, address[2:-4]) == [people["greta"]]
    assert found(admin_client, User, "kaffeekultur") == [people["greta"]]
    assert len(found(admin_client, Membership, "kaffeekultur")) == 2  # her two memberships


def test_a_hub_manager_finds_only_their_hubs_members(client, manager, people):
    client.force_login(manager)

    memberships = found(client, Membership, "kultur")

    assert {(membership.user_id, membership.hub.slug) for membership in memberships} == {
        (people["greta"].pk, "hamburg")
    }


def test_events_are_found_by_title_description_and_venue(admin_client, hub):
    event = EventFactory(hub=hub, title_de="Hafen-Pitch", venue="Speicherstadt Forum")
    EventFactory(hub=hub, title_de="Anderes")

    assert found(admin_client, Event, "speicherstadt") == [event]
    assert found(admin_client, Event, "hafen-pit") == [event]


@pytest.mark.parametrize(
    ("model", "indexes"),
    [
        (User, ["user_email_trgm", "profile_display_name_trgm"]),
        (Profile, ["profile_display_name_trgm", "profile_organisation_trgm", "user_email_trgm"]),
        (Membership, ["user_email_trgm", "profile_display_name_trgm"]),
        (Event, ["event_title_de_trgm", "event_description_en_trgm", "event_venue_trgm"]),
    ],
    ids=["users", "profiles", "memberships", "events"],
)
def test_the_search_is_answered_from_the_trigram_indexes(admin_user, model, indexes):
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/", {"q": "kultur"})
    request.user = admin_user
    searched, _may_repeat = model_admin.get_search_results(request, model.objects.all(), "kultur")
    with connection.cursor() as cursor:
        # The tables are tiny here: could the search be answered from its indexes?
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = searched.explain()

    assert all(index in plan for index in indexes), plan
