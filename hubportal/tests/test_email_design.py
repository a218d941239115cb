"""Every email is multipart: the plain text, and the same words as HTML in the portal's design,
in the reader's language, its links absolute addresses of the portal (PORTAL_URL)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.tests.browser import german_in
from events.tests.factories import EventFactory
from members.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db

PORTAL = "https://digital-hubs.example.org"


def html_of(message) -> str:
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def links_in(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "Sie sind für „Pitch Night“ angemeldet."), ("en", "You are registered for “Pitch Night”.")],
)
def test_the_registration_mail_is_text_and_html_in_the_readers_language(client, language, words):
    event = EventFactory(
        title_de="Pitch Night",
        title_en="Pitch Night",
        description_en="An evening of pitches.",
        slug="pitch-night",
    )
    member = ProfileFactory().user
    with translation.override(language):
        client.force_login(member)  # members are written to in the language they log in with

    with translation.override(language):
        client.post(reverse("events:register", kwargs={"slug": event.slug}))

    [message] = mail.outbox
    assert words in message.body
    html = html_of(message)
    assert f'<html lang="{language}">' in html
    assert words in html
    assert all(link.startswith(PORTAL) for link in links_in(html)), links_in(html)
    event_link = re.search(rf"{PORTAL}/\S*events/pitch-night/\S*", message.body).group(0)
    assert f'href="{event_link}"' in html
    if language == "en":
        assert german_in(re.sub(r"<[^>]+>", " ", html)) == []


@pytest.mark.parametrize(("language", "prefix"), [("de", ""), ("en", "/en")])
def test_the_sign_up_mail_of_allauth_is_multipart_too(client, language, prefix):
    client.post(
        f"{prefix}/accounts/signup/",
        {
            "email": "neu@example.org",
            "password1": "Hub-Portal 2026 safe!",
            "password2": "Hub-Portal 2026 safe!",
        },
    )

    [message] = mail.outbox
    html = html_of(message)
    confirmation = re.search(r"https?://\S+", message.body).group(0)
    assert confirmation.startswith(PORTAL)
    assert f'href="{confirmation}"' in html
    assert f'<html lang="{language}">' in html
    if language == "en":
        assert german_in(re.sub(r"<[^>]+>", " ", html)) == []


def test_text_becomes_paragraphs_and_nothing_typed_becomes_markup():
    from core.mail import as_html

    html = as_html(
        "Hallo <b>Anna</b>,\n\nZeile eins\nZeile zwei\n\nhttps://digital-hubs.example.org/x/", subject="Test"
    )

    assert "Hallo &lt;b&gt;Anna&lt;/b&gt;," in html
    assert "Zeile eins<br>Zeile zwei" in html
    assert '<a href="https://digital-hubs.example.org/x/"' in html


def test_the_portals_host_named_in_a_mail_links_to_its_address(settings):
    from core.mail import as_html

    html = as_html("Danke!\ndigital-hubs.example.org", subject="Test")

    assert '<a href="https://digital-hubs.example.org" rel="nofollow">digital-hubs.example.org</a>' in html
