"""Events in German and English: each visitor reads the event in their language, or in the
other one with a note saying so; lists, search, feeds, calendars and search engines follow."""

import json
import re

import icalendar
import pytest
from django.db import IntegrityError
from django.urls import reverse

from events.models import Event

from .factories import EventFactory
from .test_workflow import event_data

pytestmark = pytest.mark.django_db

BOTH = {
    "title_de": "Gründerabend",
    "description_de": "Ein Abend für **Gründerinnen**.",
    "title_en": "Founders' evening",
    "description_en": "An evening for **founders**.",
}
ENGLISH_ONLY = {
    "title_de": "",
    "description_de": "",
    "title_en": "Demo night",
    "description_en": "Pitches in English.",
}


def h1(response) -> str:
    return re.search(r"<h1[^>]*>.*?</h1>", response.content.decode(), re.S).group(0)


@pytest.mark.parametrize(
    ("prefix", "title", "description"),
    [("", "Gründerabend", "Gründerinnen"), ("/en", "Founders&#x27; evening", "founders")],
)
def test_each_visitor_reads_the_event_in_their_language(client, prefix, title, description):
    event = EventFactory(slug="abend", **BOTH)

    response = client.get(f"{prefix}{event.get_absolute_url()}")

    assert response.status_code == 200
    assert title in h1(response)
    assert f"<strong>{description}</strong>" in response.content.decode()
    assert "lang=" not in h1(response)
    assert "only" not in response.content.decode() and "nur auf" not in response.content.decode()


def test_a_text_in_the_other_language_is_shown_with_a_note_and_marked_for_screen_readers(client):
    event = EventFactory(slug="demo", **ENGLISH_ONLY)

    response = client.get(event.get_absolute_url())

    assert h1(response) == '<h1 lang="en">Demo night</h1>'
    assert '<div lang="en"><p>Pitches in English.</p>' in response.content.decode()
    assert "Die Veranstalter beschreiben diese Veranstaltung nur auf Englisch." in response.content.decode()
    listed = client.get(reverse("events:list")).content.decode()
    assert '<span lang="en">Demo night</span>' in listed


def test_an_english_visitor_is_told_when_an_event_is_described_in_german_only(client):
    event = EventFactory(slug="nur-deutsch", title_de="Stammtisch")

    response = client.get(f"/en{event.get_absolute_url()}")

    assert h1(response) == '<h1 lang="de">Stammtisch</h1>'
    assert "The organisers describe this event in German only." in response.content.decode()


def test_a_member_posts_an_event_in_english_only(client, member, hub):
    client.force_login(member)

    response = client.post(reverse("events:create"), event_data(hub, **ENGLISH_ONLY))

    event = Event.objects.get(title_en="Demo night")
    assert response.status_code == 302
    assert (event.title_de, event.slug.startswith("demo-night")) == ("", True)


@pytest.mark.parametrize(
    ("texts", "field", "message"),
    [
        (
            {"title_de": "", "description_de": ""},
            "title_de",
            "Bitte geben Sie der Veranstaltung einen Titel, auf Deutsch oder auf Englisch.",
        ),
        ({"title_en": "Founders' evening"}, "description_en", "Bitte beschreiben Sie die Veranstaltung auch"),
        ({"description_en": "Only a description"}, "title_en", "Bitte geben Sie den Titel auch in dieser"),
        ({"title_de": ""}, "title_de", "Bitte geben Sie den Titel auch in dieser Sprache an."),
        ({"title_en": "x" * 201, "description_en": "Long"}, "title_en", "höchstens 200 Zeichen"),
    ],
)
def test_an_incomplete_language_version_is_a_form_error_that_keeps_the_text(
    client, member, hub, texts, field, message
):
    client.force_login(member)
    data = event_data(hub, **texts)

    response = client.post(reverse("events:create"), data)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    for name, value in texts.items():
        assert response.context["form"][name].value() == value
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "texts",
    [
        {"title_de": "", "description_de": ""},
        {"title_en": "Half", "description_en": ""},
        {"title_de": "", "description_de": "Ohne Titel"},
    ],
)
def test_the_database_refuses_events_without_a_whole_text(texts):
    with pytest.raises(IntegrityError):
        EventFactory(**texts)


def test_the_organiser_adds_an_english_version_later(client, member, hub):
    event = EventFactory(hub=hub, organiser=member, status=Event.Status.DRAFT)
    client.force_login(member)

    client.post(
        reverse("events:edit", args=[event.slug]),
        event_data(hub, title_en="Logistics meetup", description_en="Data in the port."),
    )

    event.refresh_from_db()
    assert (event.title_de, event.title_en) == ("Logistik-Meetup", "Logistics meetup")
    assert (event.description_de, event.description_en) == ("Daten im Hafen.", "Data in the port.")


def test_the_list_search_finds_either_language(client):
    EventFactory(**ENGLISH_ONLY)
    EventFactory(title_de="Stammtisch")

    found = client.get(reverse("events:list"), {"q": "pitches"}).context["events"]

    assert [event.title for event in found] == ["Demo night"]


def test_calendars_give_the_text_in_the_calendars_language_and_say_which(client):
    EventFactory(slug="abend", **BOTH)
    EventFactory(**ENGLISH_ONLY)

    german = icalendar.Calendar.from_ical(client.get("/events/calendar.ics").content)
    english = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics").content)

    def summaries(calendar):
        return {
            str(entry["SUMMARY"]): entry["SUMMARY"].params["LANGUAGE"] for entry in calendar.walk("VEVENT")
        }

    assert summaries(german) == {"Gründerabend": "de", "Demo night": "en"}
    assert summaries(english) == {"Founders' evening": "en", "Demo night": "en"}
    single = icalendar.Calendar.from_ical(client.get("/en/events/abend/calendar.ics").content)
    assert str(single.walk("VEVENT")[0]["DESCRIPTION"]) == BOTH["description_en"]


def test_the_feed_speaks_the_language_of_its_address(client):
    EventFactory(**BOTH)

    german = client.get("/events/feed/").content.decode()
    english = client.get("/en/events/feed/").content.decode()

    assert "<title>Gründerabend</title>" in german
    assert "<title>Founders' evening</title>" in english
    assert "founders" in english and "Gründerinnen" not in english


def test_search_engines_read_the_pages_language_and_the_events_spoken_language(client):
    event = EventFactory(slug="abend", language=Event.Language.BOTH, **BOTH)

    page = client.get(f"/en{event.get_absolute_url()}").content.decode()

    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S).group(1)
    )
    assert data["name"] == "Founders' evening"
    assert data["description"].startswith("An evening for founders")
    assert data["inLanguage"] == ["de", "en"]


def test_the_agency_edits_both_languages_in_the_admin(client, agency, hub):
    event = EventFactory(hub=hub)
    client.force_login(agency)

    page = client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()

    for field in ("title_de", "description_de", "title_en", "description_en"):
        assert f'name="{field}"' in page
    found = client.get(reverse("admin:events_event_changelist"), {"q": "Netzwerk"}).context["cl"].result_count
    assert found == 1
