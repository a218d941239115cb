"""An event's way in a real Chromium: a member submits it, the hub's manager publishes it,
a visitor finds it with the filters and takes it into their calendar."""

from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event
from hubportal.tests.test_accessibility import log_in as log_in_once

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user):
    """Log in afresh as `user`, whoever was logged in before."""
    page.context.clear_cookies()
    log_in_once(page, user)


def test_member_submits_manager_publishes_visitor_finds_and_downloads(
    page, live_server, hub, other_hub, member, manager
):
    day = (timezone.localtime() + timedelta(days=12)).strftime("%Y-%m-%d")

    log_in(page, live_server, member)
    page.get_by_role("link", name="Veranstaltung einstellen").click()
    page.get_by_role("textbox", name="Titel (deutsch)").fill("Hafen-Hackathon")
    page.get_by_role("combobox", name="Art").select_option(label="Hackathon")
    page.get_by_role("textbox", name="Beschreibung (deutsch)").fill("Zwei Tage **Daten** im Hafen.")
    page.get_by_role("combobox", name="Sprache").select_option(label="Deutsch")
    page.get_by_role("combobox", name="ausrichtender Hub").select_option(label="Hamburg")
    page.get_by_role("textbox", name="Beginn").fill(f"{day}T09:00")
    page.get_by_role("textbox", name="Ende").fill(f"{day}T18:00")
    page.get_by_role("combobox", name="Format").select_option(label="Vor Ort")
    page.get_by_role("textbox", name="Veranstaltungsort").fill("Speicherstadt")
    page.get_by_role("textbox", name="Adresse").fill("Am Sandtorkai 1, Hamburg")
    page.get_by_role("spinbutton", name="Plätze").fill("30")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_text("wartet auf die Prüfung durch den Hub")).to_be_visible()
    assert Event.objects.get().status == Event.Status.SUBMITTED

    log_in(page, live_server, manager)  # a hub manager lands at the events awaiting review
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen zur Prüfung")
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_text("1 Veranstaltung veröffentlicht")).to_be_visible()

    page.context.clear_cookies()
    page.goto("/events/")
    page.get_by_role("combobox", name="Art").select_option(label="Hackathon")
    page.get_by_role("combobox", name="Hub").select_option(label="Hamburg")
    page.get_by_role("button", name="Veranstaltungen anzeigen").click()
    expect(page.get_by_text("1 Veranstaltung gefunden")).to_be_visible()
    page.get_by_role("link", name="Hafen-Hackathon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hafen-Hackathon")

    with page.expect_download() as download:
        page.get_by_role("link", name="In meinen Kalender (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    (component,) = calendar.walk("VEVENT")
    assert str(component["summary"]) == "Hafen-Hackathon"
    assert component.decoded("dtstart").strftime("%Y-%m-%d %H:%M") == f"{day} 09:00"
