"""The network in numbers in a real Chromium: the public page on a phone in both languages, the
dashboard in the admin for a hub manager, and agency staff's way to the quarterly report and its
PDF, walked three ways in both languages."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.tests.browser import WAYS, Journey
from events.tests.test_browser import log_in
from hubportal.tests.test_journeys import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "heading"), [("", "Das Netzwerk in Zahlen"), ("/en", "The network in numbers")]
)
def test_the_public_numbers_read_on_a_phone(page, counted, phone_problems, language, heading):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{language}/netzwerk-in-zahlen/")

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("img").first).to_be_visible()
    assert phone_problems(page) == []


def test_a_manager_reads_and_filters_the_dashboard(page, live_server, manager, counted, page_problems):
    log_in(page, live_server, manager)
    page.goto("/admin/figures/")

    page.get_by_label("Von").fill("2026-01-01")
    page.get_by_label("Bis").fill("2026-03-31")
    page.get_by_role("button", name="Anzeigen").click()

    table = page.get_by_role("table", name="Anmeldungen und Teilnahme")
    expect(table.get_by_role("row", name="Januar 2026")).to_contain_text("25")
    assert page_problems(page) == []


AGENCY_WORDS = {
    "": {
        "numbers": "Mitglieder, Veranstaltungen, Schreibtisch-Tage",
        "quarter": "Quartalsbericht für das Ministerium",
        "open": "Bericht öffnen",
        "pdf": "Als PDF herunterladen (A4)",
    },
    "/en": {
        "numbers": "Members, events, desk-days",
        "quarter": "Quarterly report for the ministry",
        "open": "Open the report",
        "pdf": "Download as PDF (A4)",
    },
}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["", "/en"])
def test_agency_staff_open_the_quarterly_report_and_download_its_pdf(
    page, hand, way, language, agency, counted, page_problems
):
    """From the admin's home to the report of the first quarter of 2026, on the screen and as the
    PDF for the ministry (the report itself is German, whatever the admin's language)."""
    words = AGENCY_WORDS[language]
    journey = Journey(page, f"agency{language.replace('/', '-')}-{way}", page_problems, SCREENSHOTS)
    log_in(page, None, agency)  # agency staff land in the admin
    page.goto(f"{language}/admin/")

    hand.use(page.get_by_role("link", name=re.compile(words["numbers"])))
    journey.check("dashboard")
    page.get_by_label(words["quarter"]).select_option("2026-1")
    with page.expect_download() as download:
        hand.use(page.get_by_role("button", name=words["pdf"]))
    assert download.value.suggested_filename == "quartalsbericht-2026-1-netzwerk.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    hand.use(page.get_by_role("button", name=words["open"]))
    expect(page.get_by_role("heading", level=2, name="Auf einen Blick")).to_be_visible()
    expect(page.get_by_text("Quartalsbericht 1/2026")).to_be_visible()
    journey.check("report")
