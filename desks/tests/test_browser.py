"""A founder books a desk in another hub, in both languages, with the mouse, by touch on a
phone and with the keyboard; a founder whose profile lacks the start-up follows the refusal's
link, completes the profile and comes back to book."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.browser import WAYS
from desks.models import DeskBooking
from hubportal.tests.test_accessibility import log_in
from hubs.models import Hub
from members.models import Profile

from .factories import DeskSpaceFactory, founder_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    call_command("seed_hubs", stdout=StringIO())
    hamburg, berlin = Hub.objects.get(slug="hamburg"), Hub.objects.get(slug="berlin")
    DeskSpaceFactory(hub=hamburg, name_de="Hafen Desks", slug="hafen-desks")
    DeskSpaceFactory(hub=berlin, name_de="Spree Desks", name_en="Spree Desks", slug="spree-desks")
    return {"founder": founder_in(hamburg)}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_founder_books_a_desk_in_another_hub(page, hand, way, content, page_problems, language):
    labels = {
        "de": {"menu": "Menü", "navigation": "Hauptnavigation", "desks": "Schreibtische", "filter": "Filter", "hub": "Hub", "show": "Räume anzeigen", "from": "Von", "until": "Bis", "book": "Buchen",
               "booked": "Ihr Schreibtisch ist für 2 Tage gebucht", "mine": "Meine Schreibtischbuchungen",
               "cancel": "Stornieren", "cancelled": "Ihre Buchung ist storniert"},
        "en": {"menu": "Menu", "navigation": "Main navigation", "desks": "Desks", "filter": "Filter", "hub": "Hub", "show": "Show spaces", "from": "From", "until": "Until", "book": "Book",
               "booked": "Your desk is booked for 2 days", "mine": "My desk bookings",
               "cancel": "Cancel", "cancelled": "Your booking is cancelled"},
    }[language]  # fmt: skip
    prefix = "" if language == "de" else "/en"
    log_in(page, content["founder"])
    page.goto(f"{prefix}/")
    if way == "touch":  # on a phone the main menu opens from its button
        hand.use(page.get_by_role("button", name=labels["menu"]))
    hand.use(
        page.get_by_role("navigation", name=labels["navigation"]).get_by_role("link", name=labels["desks"])
    )

    if way == "touch":  # on a phone the filters are folded away behind a button
        hand.use(page.get_by_role("button", name=labels["filter"]))
    page.get_by_label(labels["hub"], exact=True).select_option("berlin")
    hand.use(page.get_by_role("button", name=labels["show"]))
    hand.use(page.get_by_role("link", name="Spree Desks"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Spree Desks")
    assert page_problems(page) == []

    first = timezone.localdate() + timedelta(days=2)
    last = first + timedelta(days=1)
    # The dates go in as the browser's date picker takes them (fill types into the focused
    # field); the buttons are pressed the test's way.
    page.get_by_label(labels["from"]).fill(first.isoformat())
    page.get_by_label(labels["until"]).fill(last.isoformat())
    hand.use(page.get_by_role("button", name=labels["book"], exact=True))

    expect(page.get_by_text(labels["booked"])).to_be_visible()
    assert list(DeskBooking.objects.values_list("day", flat=True)) == [first, last]
    assert [message.to for message in mail.outbox] == [[content["founder"].email]]
    assert page_problems(page) == []

    page.goto(f"{prefix}/members/me/")
    expect(page.get_by_role("heading", name=labels["mine"])).to_be_visible()
    hand.use(page.get_by_role("button", name=labels["cancel"]).first)
    expect(page.get_by_text(labels["cancelled"])).to_be_visible()
    assert DeskBooking.objects.holding().count() == 1


@pytest.mark.parametrize("way", WAYS)
def test_a_founder_without_a_start_up_is_led_to_the_profile_and_back(page, hand, content, page_problems):
    Profile.objects.filter(user=content["founder"]).update(startup_name="")
    log_in(page, content["founder"])
    page.goto("/desks/spree-desks/")
    expect(page.get_by_text("Die Start-up Card ist für Gründerinnen und Gründer")).to_be_visible()
    expect(page.locator(".free-days__pick")).to_have_count(0)  # nothing to pick before one may book
    assert page_problems(page) == []

    hand.use(page.get_by_role("link", name="Profil vervollständigen"))
    page.get_by_label("Name des Start-ups").fill("Hafenbits")
    hand.use(page.get_by_role("button", name="Profil speichern"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Spree Desks")
    first_free = page.locator(".free-days__pick").first
    day = first_free.locator("time").get_attribute("datetime")
    hand.use(first_free)
    expect(page.get_by_label("Von")).to_have_value(day)
    hand.use(page.get_by_role("button", name="Buchen", exact=True))
    expect(page.get_by_text("Ihr Schreibtisch ist für 1 Tag gebucht")).to_be_visible()
    assert [booking.day.isoformat() for booking in DeskBooking.objects.all()] == [day]
