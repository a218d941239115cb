"""WCAG 2.1 AA in a real Chromium: axe-core on every kind of page in both languages, a
keyboard-only journey, and layouts that fit a 360 pixel wide screen."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from desks.tests.factories import DeskSpaceFactory
from events.models import Event
from events.tests.factories import EventFactory
from formats.models import Format
from formats.services import publish_format
from formats.tests.factories import past_outcome
from hubs.models import Hub
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from pages.models import News
from partners.tests.factories import AffiliationFactory, OrganisationFactory, PartnershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def content():
    call_command("seed_hubs", stdout=StringIO())
    hamburg = Hub.objects.get(slug="hamburg")
    event = EventFactory(title_de="Hafen-Meetup", hub=hamburg, slug="hafen-meetup")
    News.objects.create(
        slug="aufruf",
        title_de="Aufruf",
        title_en="Call",
        teaser_de="Jetzt bewerben",
        body_de="## Text\n\nMehr",
    )
    profile = ProfileFactory(
        display_name="Anna Beispiel", slug="anna-beispiel", visibility=Profile.Visibility.PUBLIC
    )
    MembershipFactory(user=profile.user, hub=hamburg)
    partner = OrganisationFactory(
        name="Hafenwerk",
        slug="hafenwerk",
        hub=hamburg,
        description_en="Port works",
        focus_themes=hamburg.focus_themes.all(),
    )
    PartnershipFactory(organisation=partner, hub=hamburg)
    AffiliationFactory(organisation=partner, user=profile.user)
    DeskSpaceFactory(hub=Hub.objects.get(slug="berlin"), slug="spree-desks", name_de="Spree Desks")
    outcome = past_outcome(hamburg, profile.user)
    Event.objects.filter(pk=outcome.event_id).update(slug="vorbei")
    Format.objects.filter(pk=publish_format(outcome=outcome, user=profile.user).pk).update(slug="hafen-pitch")
    return {"event": event, "member": profile.user}


PUBLIC_PAGES = [
    "/",
    "/hubs/",
    "/hubs/?theme=logistics&state=HH",
    "/hubs/hamburg/",
    "/events/",
    "/events/hafen-meetup/",
    "/news/",
    "/news/aufruf/",
    "/members/",
    "/members/anna-beispiel/",
    "/partners/",
    "/partners/?kind=mittelstand&hub=hamburg",
    "/partners/hafenwerk/",
    "/desks/",
    "/desks/spree-desks/",
    "/embed/hubs/hamburg/events/",
    "/formats/",
    "/formats/hafen-pitch/",
    "/search/?q=Hafen",
    "/embed/events/",
    "/accounts/signup/",
    "/accounts/login/",
    "/impressum/",
    "/barrierefreiheit/",
    "/api/docs/",
    "/netzwerk-in-zahlen/",
    "/hubs/gibt-es-nicht/",
]
MEMBER_PAGES = [
    "/members/me/",
    "/members/me/profile/",
    "/events/new/",
    "/partners/propose/",
    "/partners/hafenwerk/",
    "/introductions/",
    "/formats/outcomes/vorbei/",
    "/formats/hafen-pitch/run/",
    "/introductions/ask/anna-beispiel/",  # one's own profile: the reason instead of the form
]


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_role("textbox", name="E-Mail-Adresse").fill(user.email)
    page.get_by_role("textbox", name="Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    # Members land on their dashboard, agency staff in the admin, hub managers at the queue.
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


@pytest.mark.parametrize("language", ["", "/en"])
def test_public_pages_have_no_page_problems(page, content, page_problems, language):
    for path in PUBLIC_PAGES:
        page.goto(language + path)
        assert page_problems(page) == [], f"{language}{path}"


@pytest.mark.parametrize("language", ["", "/en"])
def test_member_pages_have_no_page_problems(page, content, page_problems, language):
    log_in(page, content["member"])
    for path in MEMBER_PAGES:
        page.goto(language + path)
        assert page_problems(page) == [], f"{language}{path}"


def test_form_errors_have_no_page_problems_and_are_linked(page, content, page_problems):
    log_in(page, content["member"])
    page.goto("/events/new/")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Bitte korrigieren Sie Folgendes")
    summary.get_by_role("link").first.click()
    expect(page.get_by_role("textbox", name="Titel (deutsch)")).to_be_focused()
    assert page.get_by_role("textbox", name="Titel (deutsch)").get_attribute("aria-invalid") == "true"
    assert page_problems(page) == []


def tab_to(page, locator, presses=80):
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never received the focus")


def test_keyboard_only_visitor_finds_an_event_by_filter_and_opens_it(page, content):
    EventFactory(title_de="Berliner Abend", hub=Hub.objects.get(slug="berlin"))
    page.goto("/")

    tab_to(
        page,
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Veranstaltungen"),
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltungen")

    hub_filter = page.get_by_role("combobox", name="Hub")
    tab_to(page, hub_filter)
    outline = hub_filter.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "the focused control must show a visible focus"
    for _ in range(Hub.objects.filter(name_de__lt="Hamburg").count() + 1):
        page.keyboard.press("ArrowDown")
    expect(hub_filter).to_have_value("hamburg")
    tab_to(page, page.get_by_role("button", name="Veranstaltungen anzeigen"))
    page.keyboard.press("Enter")

    expect(page.get_by_text("1 Veranstaltung gefunden")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Hafen-Meetup"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hafen-Meetup")


@pytest.mark.parametrize(
    "path",
    [
        "/events/",
        "/events/hafen-meetup/",
        "/members/",
        "/members/anna-beispiel/",
        "/news/",
        "/accounts/signup/",
        "/en/hubs/nuernberg-erlangen/",
    ],
)
def test_more_pages_fit_a_360_pixel_screen(page, content, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
