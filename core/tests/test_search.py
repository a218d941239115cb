"""Searching events and members: PostgreSQL's full-text search, in German and English, each word
also the start of one, answered from the GIN indexes."""

import pytest
from django.db import connection
from django.urls import reverse

from core.search import matching
from events.models import Event
from events.tests.factories import EventFactory
from members.models import Profile
from members.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def found_events(client, text) -> set[str]:
    response = client.get(reverse("events:list"), {"q": text})
    assert response.status_code == 200
    return {event.title for event in response.context["events"]}


def found_members(client, text) -> set[str]:
    response = client.get(reverse("members:directory"), {"q": text})
    assert response.status_code == 200
    return {profile.display_name for profile in response.context["profiles"]}


@pytest.fixture
def programme():
    EventFactory(title_de="Treffen für Gründerinnen", description_de="Austausch am Abend.")
    EventFactory(title_de="Fintech-Frühstück", description_de="Zahlungsverkehr und Banken.")
    EventFactory(title_de="Data Workshop", description_de="Hands-on with pipelines.", venue="Speicherstadt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fintech", {"Fintech-Frühstück"}),
        ("fin", {"Fintech-Frühstück"}),  # the start of a word
        ("Gründerin", {"Treffen für Gründerinnen"}),
        ("speicherstadt", {"Data Workshop"}),  # the venue
        ("banken", {"Fintech-Frühstück"}),  # the description
        ("treffen gründerin", {"Treffen für Gründerinnen"}),  # every word
        ("gründerin workshop", set()),
    ],
)
def test_event_search_finds_words_and_their_beginnings(client, programme, text, expected):
    assert found_events(client, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("workshops", {"Data Workshop"}),  # English forms
        ("Bank", {"Fintech-Frühstück"}),  # German forms: Banken
        ("pipeline", {"Data Workshop"}),
    ],
)
def test_event_search_knows_german_and_english_word_forms(client, programme, text, expected):
    assert found_events(client, text) == expected


@pytest.mark.parametrize("text", ["a:* | b", "' OR 1=1 --", "&&&", "()", "!", "fin:*", "x <-> y", "\\"])
def test_search_operators_in_the_text_are_just_characters(client, programme, text):
    assert client.get(reverse("events:list"), {"q": text}).status_code == 200
    assert client.get(reverse("members:directory"), {"q": text}).status_code == 200


def test_member_search_looks_in_name_organisation_start_up_and_city(client):
    ProfileFactory(display_name="Anna Gründerin", organisation="Hafenlogistik GmbH")
    ProfileFactory(display_name="Ben Angel", startup_name="Quantenwerk", city="Dresden")

    assert found_members(client, "gründ") == {"Anna Gründerin"}
    assert found_members(client, "hafenlogistik") == {"Anna Gründerin"}
    assert found_members(client, "quanten") == {"Ben Angel"}
    assert found_members(client, "dresden angel") == {"Ben Angel"}
    assert found_members(client, "berlin") == set()


@pytest.mark.parametrize(
    ("model", "indexes"),
    [
        (Event, ("event_search_german", "event_search_english")),
        (Profile, ("profile_search_german", "profile_search_english")),
    ],
    ids=["events", "members"],
)
def test_search_is_answered_from_the_gin_indexes(model, indexes):
    found = matching(model.objects.order_by(), "fintech", model.SEARCHED_FIELDS)
    with connection.cursor() as cursor:
        # The tables are tiny here: could the search be answered from its indexes?
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = found.explain()

    assert all(index in plan for index in indexes), plan
