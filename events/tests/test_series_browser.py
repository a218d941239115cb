"""A series in a real Chromium on a phone, in German and in English: a hub manager creates a
monthly series with an exception, publishes it from the queue, moves one date, and a visitor
finds it once in the list, in their language, with its dates."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event, EventSeries

from .test_browser import log_in
from .test_series import first_tuesday

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "": {
        "title": "Titel (deutsch)",
        "description": "Beschreibung (deutsch)",
        "title_en": "Titel (englisch)",
        "description_en": "Beschreibung (englisch)",
        "type": "Art",
        "language": "Sprache",
        "hub": "ausrichtender Hub",
        "start": "Beginn",
        "end": "Ende",
        "format": "Format",
        "on_site": "Vor Ort",
        "venue": "Veranstaltungsort",
        "address": "Adresse",
        "seats": "Plätze",
        "monthly": "Monatlich, am selben Wochentag",
        "count": "Anzahl der Termine",
        "skipped": "Außer am",
        "submit": "Zur Prüfung einreichen",
        "queue": "Veranstaltungen zur Prüfung",
        "publish": "Veröffentlichen",
        "published": "3 Termine veröffentlicht",  # the series, reviewed as one, by its dates
        "rule": "Jeden ersten Dienstag im Monat",
        "shown_title": "Gründer-Sprechstunde",
        "dates": "Termine dieser Serie",
        "edit": "Bearbeiten",
        "only_this": "Nur diesen Termin",
        "save": "Änderungen speichern",
        "moved": "Verlegt vom",
    },
    "/en": {
        "title": "Title (German)",
        "description": "Description (German)",
        "title_en": "Title (English)",
        "description_en": "Description (English)",
        "type": "Type",
        "language": "Language",
        "hub": "Hosting hub",
        "start": "Start",
        "end": "End",
        "format": "Format",
        "on_site": "On site",
        "venue": "Venue",
        "address": "Address",
        "seats": "Capacity",
        "monthly": "Monthly, on the same weekday",
        "count": "Number of dates",
        "skipped": "Except on",
        "submit": "Submit for review",
        "queue": "Events to review",
        "publish": "Publish",
        "published": "3 dates published",
        "rule": "Every first Tuesday of the month",
        "shown_title": "Founders' office hour",
        "dates": "Dates of this series",
        "edit": "Edit",
        "only_this": "Only this date",
        "save": "Save changes",
        "moved": "Moved from",
    },
}


@pytest.mark.parametrize("language", ["", "/en"])
def test_a_manager_runs_a_monthly_series_and_visitors_find_it_once(
    page, hub, manager, phone_problems, language
):
    words = WORDS[language]
    page.set_viewport_size({"width": 360, "height": 740})
    first = first_tuesday()
    third = first_tuesday(4)

    log_in(page, None, manager)
    page.goto(f"{language}/events/new/")
    page.get_by_role("textbox", name=words["title"], exact=True).fill("Gründer-Sprechstunde")
    page.get_by_role("textbox", name=words["description"], exact=True).fill("Fragen an den Hub.")
    page.get_by_role("textbox", name=words["title_en"], exact=True).fill("Founders' office hour")
    page.get_by_role("textbox", name=words["description_en"], exact=True).fill("Questions for the hub.")
    page.get_by_role("combobox", name=words["type"]).select_option(value="meetup")
    page.get_by_role("combobox", name=words["language"], exact=True).select_option(value="both")
    page.get_by_role("combobox", name=re.compile(words["hub"], re.I)).select_option(label="Hamburg")
    page.get_by_role("textbox", name=words["start"], exact=True).fill(f"{first.isoformat()}T17:00")
    page.get_by_role("textbox", name=words["end"], exact=True).fill(f"{first.isoformat()}T18:00")
    page.get_by_role("combobox", name=words["format"]).select_option(label=words["on_site"])
    page.get_by_role("textbox", name=words["venue"]).fill("Hafenforum")
    page.get_by_role("textbox", name=words["address"]).fill("Am Kai 1, Hamburg")
    page.get_by_role("spinbutton", name=words["seats"]).fill("12")
    page.get_by_role("radio", name=re.compile(words["monthly"])).check()
    page.get_by_role("spinbutton", name=words["count"]).fill("4")
    page.get_by_role("textbox", name=words["skipped"]).fill(third.isoformat())
    assert phone_problems(page) == []
    page.get_by_role("button", name=words["submit"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Gründer-Sprechstunde|Founders"))
    series = EventSeries.objects.get()
    assert series.occurrences.count() == 3 and len(series.dates()) == 4

    page.goto(f"{language}/events/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["queue"])
    assert phone_problems(page) == []
    page.get_by_role("button", name=words["publish"]).click()
    expect(page.get_by_text(words["published"])).to_be_visible()
    assert set(series.occurrences.values_list("status", flat=True)) == {Event.Status.PUBLISHED}

    second = series.occurrences.order_by("start")[1]
    page.goto(f"{language}{second.get_absolute_url()}")
    page.get_by_role("link", name=words["edit"]).click()
    moved = timezone.localtime(second.start).date().replace(day=timezone.localtime(second.start).day + 1)
    page.get_by_role("textbox", name=words["start"], exact=True).fill(f"{moved.isoformat()}T17:00")
    page.get_by_role("textbox", name=words["end"], exact=True).fill(f"{moved.isoformat()}T18:00")
    page.get_by_role("radio", name=words["only_this"]).check()
    assert phone_problems(page) == []
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["moved"])).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"{language}/events/")
    expect(page.get_by_text(words["rule"])).to_have_count(1)
    assert phone_problems(page) == []
    page.get_by_role("link", name=words["shown_title"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["shown_title"])
    expect(page.get_by_role("heading", name=words["dates"])).to_be_visible()
    assert phone_problems(page) == []
