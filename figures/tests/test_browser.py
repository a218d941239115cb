"""The network in numbers in a real Chromium: the public page on a phone in both languages, the
dashboard in the admin for a hub manager."""

import pytest
from playwright.sync_api import expect

from events.tests.test_browser import log_in

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
