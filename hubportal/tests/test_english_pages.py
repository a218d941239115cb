"""No German on an English page: every page of the site's access matrix, opened under /en/ by
every role, shows none of the German catalogue's phrases, and the open data API answers a
client that asks for English in English."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from core.tests.access import ROLES
from core.tests.browser import german_in

from .test_site_access import MATRIX

pytestmark = pytest.mark.django_db

PAGES = [(name, arguments) for name, method, arguments, _expected in MATRIX if method == "GET"]
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
READABLE_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


class ReadableText(HTMLParser):
    """What a person reads of a page in the page's language: its text and the words of its
    attributes (labels, titles, placeholders), without scripts, styles, and the content marked
    as written in German (`lang="de"`, an event the organisers describe only in German). The document's
    title cannot say its language and is left out."""

    def __init__(self):
        super().__init__()
        self.words = []
        self.open = []  # the open elements, each with whether its content is skipped

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = bool(self.open and self.open[-1][1]) or tag in {"script", "style", "title"}
        skipped = skipped or (attrs.get("lang") or "").startswith("de")
        if not skipped:
            self.words += [value for name, value in attrs.items() if name in READABLE_ATTRIBUTES and value]
            if attrs.get("type") in {"submit", "button", "reset"}:  # a field's value is what somebody typed
                self.words.append(attrs.get("value") or "")
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.open and self.open[-1][1]):
            self.words.append(data)


def readable(content: str) -> str:
    parser = ReadableText()
    parser.feed(content)
    return " ".join(parser.words)


def english_address(name, arguments):
    with translation.override("en"):
        return reverse(name, kwargs=arguments)


@pytest.mark.parametrize("role", ROLES)
def test_no_english_page_shows_german(client, site, role):
    if site[role]:
        client.force_login(site[role])
    found = {}
    for name, arguments in PAGES:
        url = english_address(name, arguments)
        if not url.startswith("/en/"):
            continue  # not a page of the site's languages (the API and the sitemap are below)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        if german := german_in(readable(response.text)):
            found[url] = german[:3]

    assert found == {}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/events/?date_from=gestern", 400),
        ("/api/v1/events/?cursor=erfunden", 404),
        ("/api/v1/events/999999/", 404),
        ("/api/v1/nirgends/", 404),
    ],
)
def test_the_api_answers_in_english_when_asked(client, site, url, status):
    response = client.get(url, headers={"Accept-Language": "en"})

    assert response.status_code == status
    assert german_in(response.content.decode()) == []
