"""A newcomer's journey in a real Chromium: sign up, confirm, build a profile, join a hub."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_newcomer_signs_up_builds_a_profile_and_joins_a_hub(page, live_server):
    call_command("seed_hubs", stdout=StringIO())

    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Registrieren").click()
    page.get_by_role("textbox", name="E-Mail-Adresse").fill("neu@example.org")
    page.get_by_role("textbox", name="Passwort", exact=True).fill("Hub-Portal 2026 safe!")
    page.get_by_role("textbox", name="Passwort (Wiederholung)").fill("Hub-Portal 2026 safe!")
    page.get_by_role("main").get_by_role("button", name="Registrieren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bestätigen Sie Ihre E-Mail-Adresse")

    confirm_link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(confirm_link)
    page.get_by_role("button", name="Bestätigen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Profil vervollständigen")
    page.get_by_role("textbox", name="Anzeigename").fill("Nora Neu")
    page.get_by_role("combobox", name="Ich bin").select_option(label="Gründung / Start-up")
    expect(page.get_by_role("group", name="Angaben für Investoren")).to_be_hidden()
    page.get_by_role("textbox", name="Name des Start-ups").fill("Neu Logistics")
    page.get_by_role("checkbox", name="Finanzierung").check()
    page.get_by_role("radio", name="Öffentlich: Alle können mein Profil sehen").check()
    page.get_by_role("button", name="Profil speichern").click()
    expect(page.get_by_text("Ihr Profil wurde gespeichert.")).to_be_visible()

    page.goto("/hubs/hamburg/")
    page.get_by_role("button", name="Hamburg beitreten").click()

    expect(page.get_by_text("Willkommen im Hub Hamburg!")).to_be_visible()
    expect(page.get_by_text("1 Mitglied gehört zu diesem Hub.")).to_be_visible()
    members = page.get_by_role("region", name="Mitglieder")
    expect(members.get_by_role("link", name="Nora Neu")).to_be_visible()
