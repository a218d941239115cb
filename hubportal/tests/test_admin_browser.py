"""A hub manager moderates in the admin, in a real Chromium."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Event
from events.tests.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_publishes_and_rejects_in_the_admin(page, live_server, world):
    manager = world["users"]["manager_a"]
    to_reject = EventFactory(hub=world["hub"], status=Event.Status.SUBMITTED, title_de="Zu knapp beschrieben")
    other_hub = EventFactory(hub__slug="hub-c", status=Event.Status.SUBMITTED, title_de="Fremder Hub")

    page.goto("/admin/")
    page.get_by_role("textbox", name="E-Mail-Adresse").fill(manager.email)
    page.get_by_role("textbox", name="Passwort").fill("correct horse battery staple")
    page.get_by_role("button", name="Anmelden").click()

    page.get_by_role("link", name="2 Veranstaltungen warten auf Ihre Prüfung.").click()
    expect(page.get_by_role("link", name="Fremder Hub")).to_have_count(0)

    page.get_by_role("row", name=world["event"].title).get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Aktion").select_option(
        label="Ausgewählte Veranstaltungen veröffentlichen"
    )
    page.get_by_role("button", name="Ausführen").click()
    expect(page.get_by_text("1 Veranstaltung veröffentlicht")).to_be_visible()

    page.get_by_role("row", name="Zu knapp beschrieben").get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Aktion").select_option(
        label="Ausgewählte Veranstaltungen mit Begründung ablehnen"
    )
    page.get_by_role("button", name="Ausführen").click()
    page.get_by_role("textbox", name="Begründung für die Veranstalter").fill("Bitte das Programm ergänzen.")
    page.get_by_role("button", name="Ablehnen").click()
    expect(page.get_by_text("1 Veranstaltung abgelehnt")).to_be_visible()

    world["event"].refresh_from_db()
    to_reject.refresh_from_db()
    other_hub.refresh_from_db()
    assert world["event"].status == Event.Status.PUBLISHED
    assert to_reject.status == Event.Status.REJECTED
    assert other_hub.status == Event.Status.SUBMITTED
    assert {message.to[0] for message in mail.outbox} == {
        world["event"].organiser.email,
        to_reject.organiser.email,
    }
