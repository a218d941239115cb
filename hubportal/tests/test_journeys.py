"""People's ways through the portal, as they walk them: with the mouse, by touch on a phone and
with the keyboard, in German and in English. A new founder goes from the start page to an
account, a profile naming the start-up, a hub of their own, a guest desk in another hub picked
from its free days, and a series of events handed in for review; Hamburg's manager reviews such
a series as one and checks in the day's desk guests; a visitor from abroad searches the English
portal, finds an event, its hub's calendar to subscribe to and a partner (the agency's way to the
quarterly report is in figures/tests/test_browser.py). Every step leaves a screenshot in
test-results/journeys/, and on every page nothing trips a person up, no control is inert and
every link answers."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from conftest import person_in
from core.tests.browser import WAYS, Journey
from core.tests.support import PROJECT
from desks.models import DeskBooking
from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory, founder_in
from events.models import Event, EventSeries
from events.tests.factories import EventFactory
from hubs.models import Hub
from members.models import Membership, Profile

from .test_accessibility import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = PROJECT / "test-results" / "journeys"
PASSWORD = "Hub-Portal 2026 safe!"

WORDS = {
    "de": {
        "menu": "Menü",
        "navigation": "Hauptnavigation",
        "sign_up": "Registrieren",
        "email": "E-Mail-Adresse",
        "password": "Passwort",
        "password_again": "Passwort (Wiederholung)",
        "verify": "Bestätigen Sie Ihre E-Mail-Adresse",
        "confirm": "Bestätigen",
        "display_name": "Anzeigename",
        "i_am": "Ich bin",
        "founder": "Gründung / Start-up",
        "startup": "Name des Start-ups",
        "save_profile": "Profil speichern",
        "saved": "Ihr Profil wurde gespeichert.",
        "hubs": "Hubs",
        "join": "Hamburg beitreten",
        "welcome": "Willkommen im Hub Hamburg!",
        "desks": "Schreibtische",
        "book": "Buchen",
        "booked": "Ihr Schreibtisch ist für 1 Tag gebucht",
        "post": "Veranstaltung einstellen",
        "title": "Titel (deutsch)",
        "description": "Beschreibung (deutsch)",
        "type": "Art",
        "language": "Sprache",
        "seats": "Plätze",
        "hub": "ausrichtender Hub",
        "start": "Beginn",
        "end": "Ende",
        "format": "Format",
        "on_site": "Vor Ort",
        "venue": "Veranstaltungsort",
        "address": "Adresse",
        "weekly": "Wöchentlich",
        "count": "Anzahl der Termine",
        "submit": "Zur Prüfung einreichen",
        "submitted": "wartet auf die Prüfung durch den Hub",
    },
    "en": {
        "menu": "Menu",
        "navigation": "Main navigation",
        "sign_up": "Sign up",
        "email": "Email",
        "password": "Password",
        "password_again": "Password (again)",
        "verify": "Verify Your Email Address",
        "confirm": "Confirm",
        "display_name": "Display name",
        "i_am": "I am",
        "founder": "Founder / start-up",
        "startup": "Start-up name",
        "save_profile": "Save profile",
        "saved": "Your profile has been saved.",
        "hubs": "Hubs",
        "join": "Join Hamburg",
        "welcome": "Welcome to the hub Hamburg!",
        "desks": "Desks",
        "book": "Book",
        "booked": "Your desk is booked for 1 day",
        "post": "Post an event",
        "title": "Title (German)",
        "description": "Description (German)",
        "type": "Type",
        "language": "Language",
        "seats": "Capacity",
        "hub": "Hosting hub",
        "start": "Start",
        "end": "End",
        "format": "Format",
        "on_site": "On site",
        "venue": "Venue",
        "address": "Address",
        "weekly": "Weekly",
        "count": "Number of dates",
        "submit": "Submit for review",
        "submitted": "awaits review by the hub",
    },
}


@pytest.fixture
def network_with_desks():
    call_command("seed_hubs", stdout=StringIO())
    DeskSpaceFactory(
        hub=Hub.objects.get(slug="berlin"), name_de="Spree Desks", name_en="Spree Desks", slug="spree-desks"
    )


def open_menu_item(hand, page, way, words, name):
    if way == "touch":  # on a phone the main menu opens from its button
        hand.use(page.get_by_role("button", name=words["menu"]))
    hand.use(
        page.get_by_role("navigation", name=words["navigation"]).get_by_role("link", name=name, exact=True)
    )


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_new_founder_signs_up_books_a_desk_and_posts_a_series(
    page, hand, way, language, network_with_desks, page_problems
):
    words = WORDS[language]
    prefix = "" if language == "de" else "/en"
    journey = Journey(page, f"founder-{language}-{way}", page_problems, SCREENSHOTS)

    # From the start page to an account.
    page.goto(f"{prefix}/")
    journey.check("start")
    open_menu_item(hand, page, way, words, words["sign_up"])
    page.get_by_role("textbox", name=words["email"]).fill("nora@example.org")
    page.get_by_role("textbox", name=words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("textbox", name=words["password_again"]).fill(PASSWORD)
    hand.use(page.get_by_role("main").get_by_role("button", name=words["sign_up"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["verify"])
    journey.check("verify")

    # The link from the email; then the profile, naming the start-up.
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    hand.use(page.get_by_role("button", name=words["confirm"]))
    page.get_by_role("textbox", name=words["display_name"]).fill("Nora Neu")
    page.get_by_role("combobox", name=words["i_am"]).select_option(value=Profile.MemberType.FOUNDER)
    page.get_by_role("textbox", name=words["startup"]).fill("Hafenbits")
    journey.check("profile")
    hand.use(page.get_by_role("button", name=words["save_profile"]))
    expect(page.get_by_text(words["saved"])).to_be_visible()

    # A hub of her own.
    open_menu_item(hand, page, way, words, words["hubs"])
    hand.use(page.get_by_role("link", name="Hamburg", exact=True))
    hand.use(page.get_by_role("button", name=words["join"]))
    expect(page.get_by_text(words["welcome"])).to_be_visible()
    journey.check("joined")

    # A guest desk in Berlin, picked from its free days.
    open_menu_item(hand, page, way, words, words["desks"])
    hand.use(page.get_by_role("link", name="Spree Desks"))
    journey.check("desk")
    free_day = page.locator(".free-days__pick").first
    day = free_day.locator("time").get_attribute("datetime")
    hand.use(free_day)
    hand.use(page.get_by_role("button", name=words["book"], exact=True))
    expect(page.get_by_text(words["booked"])).to_be_visible()
    assert [booking.day.isoformat() for booking in DeskBooking.objects.all()] == [day]
    journey.check("booked")

    # A weekly series of three evenings, handed in for review.
    first = timezone.localdate() + timedelta(days=10)
    page.goto(f"{prefix}/members/me/")
    hand.use(page.get_by_role("link", name=words["post"]))
    page.get_by_role("textbox", name=words["title"], exact=True).fill("Hafenbits-Sprechstunde")
    page.get_by_role("textbox", name=words["description"], exact=True).fill("Fragen an Hafenbits.")
    page.get_by_role("combobox", name=words["type"], exact=True).select_option(value="meetup")
    page.get_by_role("combobox", name=words["language"], exact=True).select_option(value="de")
    page.get_by_role("combobox", name=re.compile(words["hub"], re.I)).select_option(label="Hamburg")
    page.get_by_role("textbox", name=words["start"], exact=True).fill(f"{first.isoformat()}T18:00")
    page.get_by_role("textbox", name=words["end"], exact=True).fill(f"{first.isoformat()}T19:00")
    page.get_by_role("combobox", name=words["format"]).select_option(label=words["on_site"])
    page.get_by_role("textbox", name=words["venue"]).fill("Hafenforum")
    page.get_by_role("textbox", name=words["address"]).fill("Am Kai 1, Hamburg")
    page.get_by_role("spinbutton", name=words["seats"]).fill("15")
    hand.tick(page.get_by_role("radio", name=re.compile(words["weekly"])))
    page.get_by_role("spinbutton", name=words["count"]).fill("3")
    journey.check("event-form")
    hand.use(page.get_by_role("button", name=words["submit"]))
    expect(page.get_by_text(words["submitted"]).first).to_be_visible()
    series = EventSeries.objects.get()
    assert set(series.occurrences.values_list("status", flat=True)) == {Event.Status.SUBMITTED}
    assert series.occurrences.count() == 3
    journey.check("submitted")


MANAGER_WORDS = {
    "de": {
        "queue": "Veranstaltungen zur Prüfung",
        "publish": "Veröffentlichen",
        "published": "3 Termine veröffentlicht",
        "desks": "Schreibtische",
        "check_in": "Check-in-Liste",
        "did_not_come": "Nicht gekommen",
        "came": "Doch gekommen",
    },
    "en": {
        "queue": "Events to review",
        "publish": "Publish",
        "published": "3 dates published",
        "desks": "Desks",
        "check_in": "Check-in list",
        "did_not_come": "Did not come",
        "came": "Came after all",
    },
}


@pytest.fixture
def hamburg_at_work():
    """Hamburg with its manager, a member's weekly series of three evenings awaiting review, and
    guest desks where a founder of Berlin has booked today."""
    call_command("seed_hubs", stdout=StringIO())
    hamburg, berlin = Hub.objects.get(slug="hamburg"), Hub.objects.get(slug="berlin")
    manager = person_in(hamburg, "Maria Managerin", Membership.Role.MANAGER)
    organiser = person_in(hamburg, "Olaf Organisator")
    first = timezone.now().replace(microsecond=0, second=0) + timedelta(days=7)
    series = EventSeries.objects.create(
        frequency="weekly", interval=1, first_start=first, until=first + timedelta(days=14)
    )
    for start in series.dates():
        EventFactory(
            hub=hamburg,
            title_de="Hafen-Sprechstunde",
            organiser=organiser,
            series=series,
            occurrence_start=start,
            start=start,
            end=start + timedelta(hours=1),
            status=Event.Status.SUBMITTED,
        )
    space = DeskSpaceFactory(hub=hamburg, name_de="Hafen Desks", name_en="Harbour Desks", slug="hafen-desks")
    DeskBookingFactory(space=space, user=founder_in(berlin, name="Bea Berlin"), day=timezone.localdate())
    return {"manager": manager, "series": series}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_hub_manager_reviews_a_series_and_checks_in_the_desk_guests(
    page, hand, way, language, hamburg_at_work, page_problems
):
    words = {**WORDS[language], **MANAGER_WORDS[language]}
    prefix = "" if language == "de" else "/en"
    journey = Journey(page, f"manager-{language}-{way}", page_problems, SCREENSHOTS)

    # Logged in, the manager lands at the events awaiting review: the series is one entry.
    log_in(page, hamburg_at_work["manager"])
    page.goto(f"{prefix}/events/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["queue"])
    expect(page.get_by_role("button", name=words["publish"])).to_have_count(1)
    journey.check("queue")
    hand.use(page.get_by_role("button", name=words["publish"]))
    expect(page.get_by_text(words["published"])).to_be_visible()
    assert set(hamburg_at_work["series"].occurrences.values_list("status", flat=True)) == {
        Event.Status.PUBLISHED
    }
    journey.check("published")

    # Today's guests at Hamburg's desks: one did not come after all, then did.
    open_menu_item(hand, page, way, words, words["desks"])
    hand.use(page.get_by_role("link", name=re.compile("Hafen Desks|Harbour Desks")))
    hand.use(page.get_by_role("link", name=words["check_in"]))
    expect(page.get_by_role("cell", name="Hafenbits")).to_be_visible()
    journey.check("check-in")
    hand.use(page.get_by_role("button", name=words["did_not_come"]))
    expect(page.get_by_role("button", name=words["came"])).to_be_visible()
    assert DeskBooking.objects.get().status == DeskBooking.Status.NO_SHOW
    hand.use(page.get_by_role("button", name=words["came"]))
    expect(page.get_by_role("button", name=words["did_not_come"])).to_be_visible()
    assert DeskBooking.objects.get().status == DeskBooking.Status.BOOKED
    journey.check("checked-in")


@pytest.fixture
def network_to_visit():
    """The hub network, an English event of Hamburg in a week, and a partner of Hamburg."""
    from partners.tests.factories import OrganisationFactory, PartnershipFactory

    call_command("seed_hubs", stdout=StringIO())
    hamburg = Hub.objects.get(slug="hamburg")
    start = timezone.now().replace(microsecond=0, second=0) + timedelta(days=7)
    EventFactory(
        hub=hamburg,
        title_de="Logistik-Abend",
        title_en="Logistics evening",
        description_en="Start-ups and forwarders meet at the port.",
        slug="logistics-evening",
        start=start,
        end=start + timedelta(hours=3),
    )
    PartnershipFactory(
        organisation=OrganisationFactory(name="Hafenwerk", slug="hafenwerk", hub=hamburg), hub=hamburg
    )


@pytest.mark.parametrize("way", WAYS)
def test_a_visitor_from_abroad_finds_an_event_and_its_hub_in_english(
    page, hand, way, network_to_visit, page_problems
):
    journey = Journey(page, f"visitor-en-{way}", page_problems, SCREENSHOTS)
    page.goto("/en/")
    journey.check("start")

    page.get_by_role("searchbox", name="Search hubs, events, partners and formats").fill("logistics")
    hand.use(page.get_by_role("search").get_by_role("button", name="Search"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the portal")
    journey.check("search")
    hand.use(page.get_by_role("link", name="Logistics evening"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Logistics evening")
    journey.check("event")

    # Its hub, the hub's calendar to subscribe to, and a partner of the hub.
    hand.use(page.get_by_role("main").get_by_role("link", name="Hamburg", exact=True).first)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hamburg")
    subscribe = page.get_by_text("Subscribe to the hub's calendar")
    hand.use(subscribe)
    expect(page.get_by_role("link", name="Google Calendar")).to_be_visible()
    journey.check("hub")
    hand.use(page.get_by_role("link", name="Hafenwerk"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hafenwerk")
    journey.check("partner")
