"""A visitor's journey through the public hub pages in a real Chromium."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_follows_a_hub_from_the_home_page(page, live_server, network):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Das Netzwerk der Digital Hubs in Deutschland")
    page.get_by_role("link", name="Hamburg", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/hubs/hamburg/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital Hub Hamburg")
    expect(page.get_by_text("Digitale Logistik am Tor zur Welt")).to_be_visible()
    # DSGVO: fonts, styles and the map come from the portal itself, nothing from third parties.
    assert requested_hosts == {urlsplit(live_server.url).netloc}


def test_visitor_opens_a_hub_from_the_map(page, live_server, network):
    page.goto("/")
    page.get_by_role("link", name="Karlsruhe").first.focus()
    page.get_by_role("link", name="6. Karlsruhe").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Digital Hub Karlsruhe")


def test_visitor_narrows_the_list_with_the_filters(page, live_server, network):
    page.goto("/hubs/")
    expect(page.get_by_text("12 Hubs gefunden")).to_be_visible()

    page.get_by_label("Fokusthema").select_option(label="Logistik")
    page.get_by_role("button", name="Hubs anzeigen").click()

    expect(page.get_by_text("2 Hubs gefunden")).to_be_visible()
    expect(page.get_by_role("heading", level=3)).to_have_text(["Dortmund", "Hamburg"])

    page.get_by_label("Bundesland").select_option(label="Hamburg")
    page.get_by_role("button", name="Hubs anzeigen").click()
    expect(page.get_by_role("heading", level=3)).to_have_text(["Hamburg"])


def test_skip_link_is_the_first_stop_for_keyboard_users(page, live_server, network):
    page.goto("/")
    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


@pytest.mark.parametrize("path", ["/", "/hubs/", "/hubs/ludwigshafen-mannheim/", "/impressum/"])
def test_pages_fit_a_360_pixel_screen(page, live_server, network, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_visitor_switches_to_english_and_stays_on_the_page(page, live_server, network):
    page.goto("/hubs/muenchen/")
    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/en/hubs/muenchen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital Hub Munich")
