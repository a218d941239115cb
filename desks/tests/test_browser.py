"""A founder books a desk in another hub with the keyboard alone, on a phone, in both languages."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from desks.models import DeskBooking
from hubportal.tests.test_accessibility import log_in
from hubs.models import Hub

from .factories import DeskSpaceFactory, founder_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    call_command("seed_hubs", stdout=StringIO())
    hamburg, berlin = Hub.objects.get(slug="hamburg"), Hub.objects.get(slug="berlin")
    DeskSpaceFactory(hub=hamburg, name_de="Hafen Desks", slug="hafen-desks")
    DeskSpaceFactory(hub=berlin, name_de="Spree Desks", name_en="Spree Desks", slug="spree-desks")
    return {"founder": founder_in(hamburg)}


def press(page, locator, key="Enter"):
    locator.focus()
    page.keyboard.press(key)


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_founder_books_a_desk_in_another_hub_with_the_keyboard(page, content, axe_violations, language):
    labels = {
        "de": {"filter": "Filter", "hub": "Hub", "show": "Räume anzeigen", "from": "Von", "until": "Bis", "book": "Buchen",
               "booked": "Ihr Schreibtisch ist für 2 Tage gebucht", "mine": "Meine Schreibtischbuchungen",
               "cancel": "Stornieren", "cancelled": "Ihre Buchung ist storniert"},
        "en": {"filter": "Filter", "hub": "Hub", "show": "Show spaces", "from": "From", "until": "Until", "book": "Book",
               "booked": "Your desk is booked for 2 days", "mine": "My desk bookings",
               "cancel": "Cancel", "cancelled": "Your booking is cancelled"},
    }[language]  # fmt: skip
    prefix = "" if language == "de" else "/en"
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, content["founder"])
    page.goto(f"{prefix}/desks/")

    press(page, page.get_by_role("button", name=labels["filter"]))
    hub = page.get_by_label(labels["hub"], exact=True)
    hub.focus()
    hub.select_option("berlin")
    press(page, page.get_by_role("button", name=labels["show"]))
    press(page, page.get_by_role("link", name="Spree Desks"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Spree Desks")
    assert axe_violations(page) == []

    first = timezone.localdate() + timedelta(days=2)
    last = first + timedelta(days=1)
    # The dates go in as the browser's date picker takes them (fill types into the focused
    # field, no pointer involved); the buttons are reached and pressed with the keyboard.
    page.get_by_label(labels["from"]).fill(first.isoformat())
    page.get_by_label(labels["until"]).fill(last.isoformat())
    press(page, page.get_by_role("button", name=labels["book"], exact=True))

    expect(page.get_by_text(labels["booked"])).to_be_visible()
    assert list(DeskBooking.objects.values_list("day", flat=True)) == [first, last]
    assert [message.to for message in mail.outbox] == [[content["founder"].email]]
    assert axe_violations(page) == []

    page.goto(f"{prefix}/members/me/")
    expect(page.get_by_role("heading", name=labels["mine"])).to_be_visible()
    press(page, page.get_by_role("button", name=labels["cancel"]).first)
    expect(page.get_by_text(labels["cancelled"])).to_be_visible()
    assert DeskBooking.objects.holding().count() == 1
