"""The Format Library in a real Chromium on a phone, in German and in English: Hamburg's manager
records how a pitch night went and publishes it; a Berlin member finds it by theme and runs it
as a new event of Berlin."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event
from events.tests.test_browser import log_in
from formats.models import Format, Run
from formats.tests.factories import past_outcome
from hubs.tests.factories import FocusThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "": {
        "record": "Ergebnis festhalten",
        "attendance": "Teilnehmende",
        "summary": "Zusammenfassung (englisch)",
        "worked": "Was gut funktioniert hat",
        "save": "Ergebnis speichern",
        "publish": "Als Format veröffentlichen",
        "theme": "Fokusthema",
        "show": "Formate anzeigen",
        "run": "wie in Hamburg durchführen",
        "start": "Beginn",
        "end": "Ende",
        "hub": "ausrichtender Hub",
        "address": "Adresse",
        "draft": "Als Entwurf speichern",
        "saved": "Die Veranstaltung wurde gespeichert.",
    },
    "/en": {
        "record": "Record the outcome",
        "attendance": "Attendance",
        "summary": "Summary (English)",
        "worked": "What worked",
        "save": "Save the outcome",
        "publish": "Publish as a format",
        "theme": "Focus theme",
        "show": "Show formats",
        "run": "as in Hamburg",
        "start": "Start",
        "end": "End",
        "hub": "Hosting hub",
        "address": "Address",
        "draft": "Save as draft",
        "saved": "The event has been saved.",
    },
}


@pytest.mark.parametrize("language", ["", "/en"])
def test_a_format_goes_from_one_hub_to_another(
    page, hub, other_hub, manager, other_member, phone_problems, language
):
    words = WORDS[language]
    page.set_viewport_size({"width": 360, "height": 740})
    theme = FocusThemeFactory(name_de="Logistik", name_en="Logistics", slug="logistik")
    event = past_outcome(hub, manager).event
    event.outcome.delete()
    event.focus_themes.set([theme])

    log_in(page, None, manager)
    page.goto(f"{language}{event.get_absolute_url()}")
    page.get_by_role("link", name=words["record"]).click()
    page.get_by_role("spinbutton", name=words["attendance"]).fill("48")
    page.get_by_role("textbox", name=words["summary"]).fill(
        "Five start-ups, five minutes, a jury from the port."
    )
    page.get_by_role("textbox", name=words["worked"], exact=True).fill("Short slots, then time at the bar.")
    page.get_by_role("radio", name=re.compile("^(Klein|Small)")).check()
    assert phone_problems(page) == []
    page.get_by_role("button", name=words["save"]).click()
    page.get_by_role("button", name=words["publish"]).click()
    expect(page).to_have_url(re.compile(r"/formats/[\w-]+/$"))
    format = Format.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(format.title)
    assert phone_problems(page) == []

    log_in(page, None, other_member)
    page.goto(f"{language}/formats/")
    page.get_by_role("button", name=re.compile("^Filter")).click()  # folded on a phone
    page.get_by_role("combobox", name=words["theme"]).select_option(value="logistik")
    page.get_by_role("button", name=words["show"]).click()
    expect(page).to_have_url(re.compile(r"theme=logistik"))
    assert phone_problems(page) == []
    page.get_by_role("link", name=format.title).click()
    page.get_by_role("link", name=words["run"]).click()
    day = (timezone.localtime() + timezone.timedelta(days=30)).strftime("%Y-%m-%d")
    page.get_by_role("textbox", name=words["start"], exact=True).fill(f"{day}T18:00")
    page.get_by_role("textbox", name=words["end"], exact=True).fill(f"{day}T21:00")
    page.get_by_role("textbox", name=words["address"]).fill("Spreeufer 5, Berlin")
    assert phone_problems(page) == []
    page.get_by_role("button", name=words["draft"]).click()
    expect(page.get_by_text(words["saved"])).to_be_visible()

    copy = Event.objects.exclude(pk=event.pk).get()
    assert (copy.hub, copy.status, copy.title_de, copy.format) == (
        other_hub,
        Event.Status.DRAFT,
        event.title_de,
        event.format,
    )
    assert Run.objects.get(event=copy).format == format
