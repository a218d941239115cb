"""The portal on a phone (360 by 740 pixels, touch) in a real Chromium: lists show their results on the
first screen with the filters one tap away, the navigation is a menu button, the journeys
work with a thumb, nothing moves while a page loads, and without JavaScript everything stays
usable. Screenshots of each journey go to test-results/phone/ (CI keeps them)."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from core.tests.support import PROJECT
from desks.tests.factories import DeskSpaceFactory
from events.tests.factories import EventFactory
from hubs.models import Hub
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from pages.models import News
from partners.tests.factories import AffiliationFactory, OrganisationFactory, PartnershipFactory

from .test_accessibility import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
SCREENSHOTS = PROJECT / "test-results" / "phone"
PUBLIC_PAGES = [
    "/",
    "/hubs/",
    "/hubs/hamburg/",
    "/events/",
    "/events/hafen-meetup/",
    "/members/",
    "/members/anna-beispiel/",
    "/news/",
    "/news/aufruf/",
    "/partners/",
    "/partners/hafenwerk/",
    "/desks/",
    "/desks/spree-desks/",
    "/accounts/signup/",
    "/en/events/",
]


@pytest.fixture
def content():
    call_command("seed_hubs", stdout=StringIO())
    hamburg = Hub.objects.get(slug="hamburg")
    berlin = Hub.objects.get(slug="berlin")
    for number in range(4):
        EventFactory(title_de=f"Berliner Abend {number}", hub=berlin)
    event = EventFactory(title_de="Hafen-Meetup", hub=hamburg, slug="hafen-meetup", capacity=20)
    News.objects.create(
        slug="aufruf", title_de="Aufruf", teaser_de="Jetzt bewerben", body_de="## Text\n\nMehr"
    )
    profile = ProfileFactory(
        display_name="Anna Beispiel", slug="anna-beispiel", visibility=Profile.Visibility.PUBLIC
    )
    MembershipFactory(user=profile.user, hub=hamburg)
    partner = OrganisationFactory(name="Hafenwerk", slug="hafenwerk", hub=hamburg)
    PartnershipFactory(organisation=partner, hub=hamburg)
    AffiliationFactory(organisation=partner, user=profile.user)
    DeskSpaceFactory(hub=berlin, slug="spree-desks", name_de="Spree Desks")
    return {"event": event, "member": profile.user}


@pytest.fixture
def phone(browser, live_server, settings, request):
    """A tab on a phone; fails the test on any Content-Security-Policy refusal and keeps a
    screenshot of where the test ended."""
    settings.PORTAL_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="de-DE", **PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{request.node.name}.png", full_page=True)
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def on_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] < 740


def test_a_visitor_finds_an_event_with_the_filters_one_tap_away(phone, content, page_problems):
    phone.goto("/events/")
    filters = phone.get_by_role("button", name="Filtern")
    count = phone.get_by_role("heading", name="5 Veranstaltungen gefunden")

    expect(phone.get_by_role("search")).to_be_hidden()
    assert on_first_screen(count)
    assert on_first_screen(phone.locator(".card-grid > li").first)
    expect(filters).to_have_attribute("aria-expanded", "false")
    screenshot(phone, "event-list")

    filters.tap()
    expect(filters).to_have_attribute("aria-expanded", "true")
    phone.get_by_role("combobox", name="Hub").select_option(label="Hamburg")
    phone.get_by_role("button", name="Veranstaltungen anzeigen").tap()

    expect(phone.get_by_role("heading", name="1 Veranstaltung gefunden")).to_be_visible()
    expect(phone.get_by_role("search")).to_be_hidden()
    expect(phone.get_by_role("button", name="Filtern 1 Filter aktiv")).to_be_visible()
    assert page_problems(phone) == []
    phone.get_by_role("link", name="Filter zurücksetzen").tap()
    expect(phone.get_by_role("heading", name="5 Veranstaltungen gefunden")).to_be_visible()


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("/hubs/", "12 Hubs gefunden"),
        ("/members/", "1 Mitglied gefunden"),
        ("/partners/", "1 Organisation gefunden"),
        ("/en/events/", "5 events found"),
    ],
)
def test_every_list_shows_its_first_results_on_the_first_screen(phone, content, path, found):
    phone.goto(path)

    expect(phone.get_by_role("search")).to_be_hidden()
    assert on_first_screen(phone.get_by_role("heading", name=found))
    assert on_first_screen(phone.get_by_role("main").get_by_role("listitem").first)


def test_the_navigation_is_a_menu_button(phone, content, page_problems):
    phone.goto("/events/")
    menu = phone.get_by_role("button", name="Menü")
    navigation = phone.get_by_role("navigation", name="Hauptnavigation")

    expect(navigation).to_be_hidden()
    menu.tap()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(navigation).to_be_visible()
    for link in navigation.get_by_role("link").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    assert page_problems(phone) == []
    screenshot(phone, "menu")

    phone.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    expect(menu).to_be_focused()
    menu.tap()
    navigation.get_by_role("link", name="Hubs").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Die Digital Hubs")


def test_a_member_registers_for_an_event_on_the_phone(phone, content):
    log_in(phone, content["member"])
    phone.goto("/events/hafen-meetup/")
    phone.get_by_role("button", name="Anmelden", exact=True).tap()

    expect(phone.get_by_text("Sie sind angemeldet.").first).to_be_visible()
    assert content["event"].registrations.filter(user=content["member"]).exists()


def test_a_newcomer_signs_up_and_joins_a_hub_on_the_phone(phone, content):
    phone.goto("/")
    phone.get_by_role("button", name="Menü").tap()
    phone.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Registrieren").tap()
    email = phone.get_by_role("textbox", name="E-Mail-Adresse")
    expect(email).to_have_attribute("autocomplete", "email")
    email.fill("neu@example.org")
    phone.get_by_role("textbox", name="Passwort", exact=True).fill("Hub-Portal 2026 safe!")
    phone.get_by_role("textbox", name="Passwort (Wiederholung)").fill("Hub-Portal 2026 safe!")
    phone.get_by_role("main").get_by_role("button", name="Registrieren").tap()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Bestätigen Sie Ihre E-Mail-Adresse")

    phone.goto(re.search(r"https?://\S+", mail.outbox[-1].body).group(0))
    phone.get_by_role("button", name="Bestätigen").tap()
    phone.get_by_role("textbox", name="Anzeigename").fill("Nora Neu")
    phone.get_by_role("combobox", name="Ich bin").select_option(label="Wissenschaft / Forschung")
    phone.get_by_role("button", name="Profil speichern").tap()
    expect(phone.get_by_text("Ihr Profil wurde gespeichert.")).to_be_visible()
    phone.goto("/hubs/hamburg/")
    phone.get_by_role("button", name="Hamburg beitreten").tap()

    expect(phone.get_by_text("Willkommen im Hub Hamburg!")).to_be_visible()


def test_without_javascript_the_menu_and_the_filters_stay_open(browser, live_server, content):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False, **PHONE
    )
    page = context.new_page()
    page.goto("/events/")

    expect(page.get_by_role("navigation", name="Hauptnavigation")).to_be_visible()
    expect(page.get_by_role("button", name="Menü")).to_be_hidden()
    expect(page.get_by_role("search")).to_be_visible()
    page.get_by_role("combobox", name="Hub").select_option(label="Hamburg")
    page.get_by_role("button", name="Veranstaltungen anzeigen").click()
    expect(page.get_by_role("heading", name="1 Veranstaltung gefunden")).to_be_visible()
    context.close()


LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let shift = 0;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) if (!entry.hadRecentInput) shift += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  document.fonts.ready.then(() => setTimeout(() => resolve(shift), 300));
})"""


def test_public_pages_fit_the_phone_and_nothing_moves_while_they_load(phone, content):
    for path in PUBLIC_PAGES:
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert phone.evaluate(LAYOUT_SHIFT) < 0.05, path
        for control in phone.locator(".site-header button, .filters button, .pagination a").all():
            if control.is_visible():
                assert control.bounding_box()["height"] >= 44, f"{path}: {control.inner_text()}"
