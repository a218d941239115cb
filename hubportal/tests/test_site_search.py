"""The portal's search, from the home page: hubs, coming events, partners and formats for the
words asked for, a few of each with the way to all of them in their list."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.tests.factories import EventFactory
from formats.models import Format
from formats.services import publish_format
from formats.tests.factories import past_outcome
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def harbour(hub, other_hub, member):
    """Hamburg's harbour in every kind of content, and content that does not mention it."""
    hamburg = hub
    hamburg.description_de = "Logistik am Hafen."
    hamburg.save()
    EventFactory(hub=hamburg, title_de="Hafen-Meetup", slug="hafen-meetup")
    EventFactory(hub=hamburg, title_de="Vorbei am Hafen", **past())
    EventFactory(hub=hamburg, title_de="Entwurf am Hafen", status=Event.Status.DRAFT)
    EventFactory(hub=hamburg, title_de="Pitch Night")
    OrganisationFactory(name="Hafenwerk", slug="hafenwerk", hub=hamburg)
    OrganisationFactory(name="Bergwerk", hub=hamburg)
    outcome = past_outcome(hamburg, member)
    Format.objects.filter(pk=publish_format(outcome=outcome, user=member).pk).update(
        title_de="Hafen-Pitch", slug="hafen-pitch"
    )
    return hamburg


def past():
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() - timedelta(days=10)
    return {"start": start, "end": start + timedelta(hours=2)}


def found_titles(response) -> dict[str, list[str]]:
    return {
        str(found.title): [
            str(getattr(item, "title", None) or getattr(item, "name", "")) for item in found.items
        ]
        for found in response.context["results"]
    }


def test_the_home_page_searches_the_whole_portal(client, harbour):
    home = client.get("/").content.decode()
    assert re.search(r'<form class="hero-search" action="/search/"', home)

    response = client.get("/search/", {"q": "Hafen"})

    assert response.status_code == 200
    assert found_titles(response) == {
        "Hubs": ["Hamburg"],  # the harbour is in Hamburg's description
        "Veranstaltungen": ["Hafen-Meetup"],  # coming and published only
        "Partner": ["Hafenwerk"],
        "Formate": ["Hafen-Pitch"],
    }


@pytest.mark.parametrize(
    ("kind", "list_page"),
    [
        ("Veranstaltungen", "/events/?q=Hafen"),
        ("Partner", "/partners/?q=Hafen"),
        ("Formate", "/formats/?q=Hafen"),
    ],
)
def test_each_kind_leads_to_its_list_with_the_same_results(client, harbour, kind, list_page):
    response = client.get("/search/", {"q": "Hafen"})
    found = next(found for found in response.context["results"] if str(found.title) == kind)

    assert found.more_url == list_page
    listed = client.get(list_page)
    assert listed.status_code == 200
    assert listed.context["paginator"].count == found.count


def test_an_empty_search_says_what_is_missing(client):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()


def test_the_search_page_without_words_offers_the_form(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert response.context["results"] == []
    assert 'name="q"' in response.content.decode()


def test_a_search_costs_the_same_queries_for_one_result_of_each_kind_and_for_fifty(client, harbour, member):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": "Hafen"}).status_code == 200
        return len(captured)

    queries()  # the first request reads the network into the process's cache
    one = queries()
    for number in range(49):
        EventFactory(hub=harbour, title_de=f"Hafen-Abend {number}")
        OrganisationFactory(name=f"Hafenbetrieb {number}", hub=harbour)

    assert queries() == one == 8  # a page of results and a count for each kind
