"""The whole journey in a real Chromium, in both languages, walked with the mouse, by touch on a
phone and with the keyboard, with nothing to trip over at every step: a founder sees an
explained match, asks for an introduction, the shared hub's manager approves, the investor
accepts, both receive the other's contacts, and a month later the founder says what came of
it. An investor starts from the member directory: filters it to FinTech founders, opens a
profile and asks from there. Hiding a suggestion works from the card the same three ways."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.browser import WAYS, Journey
from hubportal.tests.test_accessibility import log_in
from hubportal.tests.test_journeys import SCREENSHOTS, open_menu_item
from hubportal.tests.test_journeys import WORDS as MENU_WORDS
from hubs.tests.factories import FocusThemeFactory, HubFactory
from introductions.models import Introduction, Outcome
from members.models import Membership, Profile
from members.tests.factories import MembershipFactory, ProfileFactory

from .conftest import make_founder, make_investor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "": {
        "reason": "Investiert in der Phase Seed in FinTech; Sie suchen eine Seed-Finanzierung",
        "ask": re.compile(r"Um eine Vorstellung bitten\W+Ines Investorin"),
        "note": "Ihre Nachricht",
        "send": "Anfrage senden",
        "sent": "Vielen Dank! Der Hub prüft Ihre Anfrage",
        "waiting": "1 Anfrage wartet auf Ihre Prüfung",
        "queue": "Anfragen für Vorstellungen",
        "approve": "Freigeben und das Mitglied fragen",
        "approved": "Freigegeben: Das Mitglied wurde gefragt.",
        "answer_needed": "Ihre Antwort wird gebraucht",
        "accept": "Vorstellung annehmen",
        "accepted": "Angenommen: Sie erhalten beide die Kontaktdaten",
        "met": "Wir haben uns getroffen",
        "thanks": "Vielen Dank! Ihre Antwort wurde gespeichert.",
    },
    "/en": {
        "reason": "Invests at Seed stage in FinTech; you look for Seed funding",
        "ask": re.compile(r"Ask for an introduction\W+Ines Investorin"),
        "note": "Your note",
        "send": "Send the request",
        "sent": "Thank you! The hub reviews your request",
        "waiting": "1 request awaits your review",
        "queue": "Introduction requests",
        "approve": "Approve and ask the member",
        "approved": "Approved: the member has been asked.",
        "answer_needed": "Your answer is needed",
        "accept": "Accept the introduction",
        "accepted": "Accepted: you will both receive each other's contact details",
        "met": "We met",
        "thanks": "Thank you! Your answer has been saved.",
    },
}


@pytest.fixture
def people():
    hamburg = HubFactory(slug="hamburg", name_de="Hamburg")
    fintech = FocusThemeFactory(slug="fintech", name_de="FinTech", name_en="FinTech")
    founder = ProfileFactory(display_name="Anna Gründerin").user
    investor = ProfileFactory(display_name="Ines Investorin", visibility=Profile.Visibility.MEMBERS).user
    manager = ProfileFactory(display_name="Maria Managerin").user
    for user in (founder, investor):
        MembershipFactory(user=user, hub=hamburg)
    MembershipFactory(user=manager, hub=hamburg, role=Membership.Role.MANAGER)
    make_founder(founder, themes=[fintech])
    make_investor(investor, themes=[fintech])
    return {"founder": founder, "investor": investor, "manager": manager}


def switch_to(page, user):
    page.context.clear_cookies()
    log_in(page, user)


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["", "/en"])
def test_the_whole_journey_of_an_introduction(page, hand, way, people, page_problems, language):
    words = WORDS[language]
    journey = Journey(page, f"introduction{language.replace('/', '-')}-{way}", page_problems, SCREENSHOTS)

    # The founder sees the investor among the suggestions, with the reason in words.
    log_in(page, people["founder"])
    page.goto(f"{language}/members/me/")
    expect(page.get_by_text(words["reason"])).to_be_visible()
    journey.check("suggestions")
    hand.use(page.get_by_role("link", name=words["ask"]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ines Investorin")
    journey.check("ask")
    page.get_by_label(words["note"]).fill("Wir schließen unsere Seed-Runde und suchen einen Lead.")
    hand.use(page.get_by_role("button", name=words["send"]))
    expect(page.get_by_text(words["sent"])).to_be_visible()
    journey.check("sent")
    introduction = Introduction.objects.get()

    # Hamburg's manager finds it waiting and approves it beside the two profiles.
    switch_to(page, people["manager"])
    page.goto(f"{language}/members/me/")
    hand.use(page.get_by_role("link", name=words["waiting"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["queue"])
    journey.check("queue")
    hand.use(page.get_by_role("link", name=re.compile("Anna Gründerin")))
    expect(page.get_by_role("heading", level=3, name="Ines Investorin")).to_be_visible()
    journey.check("request")
    hand.use(page.get_by_role("button", name=words["approve"]))
    expect(page.get_by_text(words["approved"])).to_be_visible()

    # The investor answers; only now do both receive the other's address.
    assert not any(people["founder"].email in message.body for message in mail.outbox)
    switch_to(page, people["investor"])
    page.goto(f"{language}/members/me/")
    expect(page.get_by_text(words["answer_needed"])).to_be_visible()
    page.goto(f"{language}{introduction.get_absolute_url()}")
    journey.check("answer")
    hand.use(page.get_by_role("button", name=words["accept"]))
    expect(page.get_by_text(words["accepted"])).to_be_visible()
    to_founder = [message for message in mail.outbox if message.to == [people["founder"].email]][-1]
    to_investor = [message for message in mail.outbox if message.to == [people["investor"].email]][-1]
    assert people["investor"].email in to_founder.body
    assert people["founder"].email in to_investor.body

    # A month later both are asked; the founder answers from the email's link in one click.
    Introduction.objects.update(answered=timezone.now() - timedelta(days=31))
    call_command("run_introduction_schedule", stdout=StringIO())
    question = [message for message in mail.outbox if message.to == [people["founder"].email]][-1]
    link = re.search(r"https?://\S+#outcome", question.body).group(0)
    switch_to(page, people["founder"])
    page.goto(link.replace("/introductions/", f"{language}/introductions/", 1) if language else link)
    journey.check("outcome")
    hand.use(page.get_by_role("button", name=words["met"]))
    expect(page.get_by_text(words["thanks"])).to_be_visible()
    assert Outcome.objects.get().answer == Outcome.Answer.MET


INVESTOR_WORDS = {
    "": {
        "members": "Mitglieder",
        "filter": "Filter",
        "member_type": "Art des Mitglieds",
        "theme": "Fokusthema",
        "show": "Mitglieder anzeigen",
        "ask": "Um eine Vorstellung bitten",
    },
    "/en": {
        "members": "Members",
        "filter": "Filter",
        "member_type": "Member type",
        "theme": "Focus theme",
        "show": "Show members",
        "ask": "Ask for an introduction",
    },
}


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["", "/en"])
def test_an_investor_finds_a_founder_in_the_directory_and_asks_to_be_introduced(
    page, hand, way, people, page_problems, language
):
    words = {**MENU_WORDS["en" if language else "de"], **WORDS[language], **INVESTOR_WORDS[language]}
    journey = Journey(page, f"investor{language.replace('/', '-')}-{way}", page_problems, SCREENSHOTS)
    ProfileFactory(display_name="Otto Obstbau", member_type=Profile.MemberType.CORPORATE)  # filtered out
    log_in(page, people["investor"])
    page.goto(f"{language}/")

    open_menu_item(hand, page, way, words, words["members"])
    if way == "touch":  # on a phone the filters fold behind their button
        hand.use(page.get_by_role("button", name=words["filter"]))
    page.get_by_label(words["member_type"], exact=True).select_option(Profile.MemberType.FOUNDER)
    page.get_by_label(words["theme"], exact=True).select_option("fintech")
    hand.use(page.get_by_role("button", name=words["show"]))
    expect(page.get_by_role("link", name="Anna Gründerin")).to_be_visible()
    expect(page.get_by_role("link", name="Otto Obstbau")).to_have_count(0)
    journey.check("directory")

    hand.use(page.get_by_role("link", name="Anna Gründerin"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Gründerin")
    journey.check("profile")
    hand.use(page.get_by_role("main").get_by_role("link", name=words["ask"], exact=True))
    page.get_by_label(words["note"]).fill("We lead seed rounds in FinTech and would like to hear your plans.")
    hand.use(page.get_by_role("button", name=words["send"]))
    expect(page.get_by_text(words["sent"])).to_be_visible()
    journey.check("sent")

    introduction = Introduction.objects.get()
    assert (introduction.requester, introduction.recipient) == (people["investor"], people["founder"])
    assert introduction.status == Introduction.Status.REQUESTED


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", ["", "/en"])
def test_a_suggestion_is_hidden_from_its_card(page, hand, people, page_problems, language):
    hide = {"": "Ausblenden", "/en": "Hide"}[language]
    log_in(page, people["founder"])
    page.goto(f"{language}/introductions/")
    card = page.locator(".match-card", has_text="Ines Investorin")
    assert page_problems(page) == []

    hand.use(card.get_by_role("button", name=re.compile(hide)))

    expect(page.locator(".match-card", has_text="Ines Investorin")).to_have_count(0)
    assert page.url.endswith(f"{language}/introductions/")
