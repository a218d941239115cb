"""Sitemap, robots.txt, titles, canonical and alternate addresses, OpenGraph, JSON-LD, error pages."""

import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.test import override_settings
from django.urls import reverse

from events.models import Event
from events.tests.factories import EventFactory
from hubs.models import Hub
from pages.models import News

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_files(client):
    """The sitemap index's files, as paths on this server."""
    index = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    return [urlsplit(loc.text)._replace(scheme="", netloc="").geturl() for loc in index.iter(f"{SITEMAP}loc")]


def sitemap_entries(client):
    """Every address the sitemap's files list, with its language versions."""
    entries = {}
    for path in sitemap_files(client):
        root = ElementTree.fromstring(client.get(path).content)
        for url in root.iter(f"{SITEMAP}url"):
            links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            entries[url.find(f"{SITEMAP}loc").text] = links
    return entries


def test_sitemap_lists_public_pages_in_both_languages_with_alternates(client, network):
    published = EventFactory(title_de="Öffentlich", hub=Hub.objects.get(slug="berlin"))
    draft = EventFactory(title_de="Entwurf", status=Event.Status.DRAFT, hub=published.hub)
    News.objects.create(slug="aufruf", title_de="Aufruf", teaser_de="T", body_de="B")

    entries = sitemap_entries(client)

    base = "https://digital-hubs.example.org"
    assert entries[f"{base}/hubs/berlin/"] == {
        "de": f"{base}/hubs/berlin/",
        "en": f"{base}/en/hubs/berlin/",
        "x-default": f"{base}/hubs/berlin/",
    }
    assert f"{base}/en/hubs/berlin/" in entries
    assert f"{base}{published.get_absolute_url()}" in entries
    assert f"{base}{draft.get_absolute_url()}" not in entries
    assert f"{base}/news/aufruf/" in entries
    assert f"{base}/impressum/" in entries
    assert f"{base}/en/" in entries
    assert len([url for url in entries if re.search(r"/hubs/[^/]+/$", url)]) == 24  # 12 hubs in 2 languages


def test_the_sitemap_is_an_index_of_files_each_listing_every_address_once(client, network, monkeypatch):
    from hubportal.sitemaps import EventSitemap

    monkeypatch.setattr(EventSitemap, "limit", 3)  # 500 in production; 3 here, for 5 events
    events = [EventFactory(hub=Hub.objects.get(slug="berlin")) for _ in range(5)]

    files = sitemap_files(client)
    event_files = [path for path in files if path.startswith("/sitemap-events.xml")]

    # 5 events in 2 languages are 10 addresses: 4 files, a file's end cutting an event's pair
    assert event_files == [
        "/sitemap-events.xml",
        "/sitemap-events.xml?p=2",
        "/sitemap-events.xml?p=3",
        "/sitemap-events.xml?p=4",
    ]
    listed = []
    for path in event_files:
        root = ElementTree.fromstring(client.get(path).content)
        listed += [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
    base = "https://digital-hubs.example.org"
    expected = [f"{base}{prefix}/events/{event.slug}/" for event in events for prefix in ("", "/en")]
    assert sorted(listed) == sorted(expected)
    index = ElementTree.fromstring(client.get(reverse("sitemap")).content)
    event_entries = [
        entry for entry in index.iter(f"{SITEMAP}sitemap") if "events" in entry.find(f"{SITEMAP}loc").text
    ]
    assert all(entry.find(f"{SITEMAP}lastmod") is not None for entry in event_entries)


def test_a_sitemap_file_beyond_the_last_is_a_404(client, network):
    EventFactory(hub=Hub.objects.get(slug="berlin"))

    assert client.get("/sitemap-events.xml?p=2").status_code == 404
    assert client.get("/sitemap-events.xml?p=zwei").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_private_areas(client):
    response = client.get("/robots.txt")

    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: https://digital-hubs.example.org/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /members/me/" in text


@pytest.mark.parametrize(
    "path",
    ["/", "/hubs/", "/hubs/berlin/", "/events/", "/news/", "/members/", "/impressum/", "/en/hubs/koeln/"],
)
def test_every_page_has_canonical_and_language_alternates(client, network, path):
    content = client.get(path).content.decode()

    assert f'<link rel="canonical" href="https://digital-hubs.example.org{path}">' in content
    german = path.removeprefix("/en")
    assert f'<link rel="alternate" hreflang="de" href="https://digital-hubs.example.org{german}">' in content
    assert (
        f'<link rel="alternate" hreflang="en" href="https://digital-hubs.example.org/en{german}">' in content
    )
    assert 'hreflang="x-default"' in content
    assert '<meta property="og:title"' in content


def test_titles_and_descriptions_differ_from_page_to_page(client, network):
    pages = [
        "/",
        "/hubs/",
        "/hubs/berlin/",
        "/hubs/hamburg/",
        "/events/",
        "/news/",
        "/members/",
        "/impressum/",
    ]
    titles, descriptions = set(), set()
    for path in pages:
        content = client.get(path).content.decode()
        titles.add(re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip())
        descriptions.add(
            re.search(r'<meta name="description" content="(.*?)">', content, re.S).group(1).strip()
        )

    assert len(titles) == len(pages)
    assert len(descriptions) >= len(pages) - 2  # the legal pages share the generic description


def json_ld(content):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )


def test_hub_page_describes_the_hub_as_an_organization(client, network):
    data = json_ld(client.get("/hubs/frankfurt-darmstadt/").content.decode())

    assert data["@type"] == "Organization"
    assert data["name"] == "Digital Hub Frankfurt/Darmstadt"
    assert {place["name"] for place in data["location"]} == {"Frankfurt am Main", "Darmstadt"}
    assert data["url"] == "https://digital-hubs.example.org/hubs/frankfurt-darmstadt/"


def test_event_page_describes_the_event(client, network):
    event = EventFactory(
        title_de="Hybrid-Workshop",
        hub=Hub.objects.get(slug="hamburg"),
        format=Event.Format.HYBRID,
        online_url="https://meet.example.org/geheim",
        capacity=10,
        free_of_charge=True,
    )

    data = json_ld(client.get(event.get_absolute_url()).content.decode())

    assert data["@type"] == "Event"
    assert data["name"] == "Hybrid-Workshop"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    assert "geheim" not in json.dumps(data)  # the link is for registered members only
    assert data["organizer"][0]["name"] == "Digital Hub Hamburg"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["isAccessibleForFree"] is True
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == (0, "EUR")
    assert data["startDate"].endswith(("+01:00", "+02:00"))


def test_json_ld_cannot_break_out_of_its_script_element(client, network):
    event = EventFactory(title_de="</script><script>alert(1)</script>")

    content = client.get(event.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in content
    assert json_ld(content)["name"] == "</script><script>alert(1)</script>"


def test_accessibility_statement_in_both_languages(client):
    url = reverse("pages:accessibility")

    german = client.get(url).content.decode()
    english = client.get("/en" + url).content.decode()

    assert "Erklärung zur Barrierefreiheit" in german
    assert "barrierefreiheit@" in german
    assert "Accessibility statement" in english
    assert f'href="{url}"' in client.get("/").content.decode()


def test_forbidden_page_is_styled_in_both_languages(client):
    from members.tests.factories import ProfileFactory

    event = EventFactory()
    client.force_login(ProfileFactory().user)

    german = client.get(reverse("events:edit", args=[event.slug]))
    english = client.get("/en" + reverse("events:edit", args=[event.slug]))

    assert german.status_code == english.status_code == 403
    assert "Zugriff verweigert" in german.content.decode()
    assert "Access denied" in english.content.decode()
    assert "skip-link" in german.content.decode()


def test_server_error_page_needs_no_database(django_assert_num_queries):
    from django.template.loader import get_template

    with django_assert_num_queries(0):
        html = get_template("500.html").render()

    assert "Ein Fehler ist aufgetreten" in html
    assert "Something went wrong" in html


@override_settings(DEBUG=False)
def test_a_crash_shows_the_server_error_page(client, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr("hubs.views.HomeView.get_context_data", crash)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.content.decode()


def test_detail_pages_say_what_they_are_when_shared(client, network):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from events.tests.factories import EventFactory
    from hubs.models import Hub
    from members.tests.factories import ProfileFactory
    from pages.models import News

    event = EventFactory(
        title_de="Pitch Night",
        hub=Hub.objects.get(slug="hamburg"),
        event_type="pitch",
        start=datetime(2031, 5, 6, 18, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        end=datetime(2031, 5, 6, 21, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    profile = ProfileFactory(display_name="Anna Beispiel", member_type="investor")
    news = News.objects.create(slug="neu", title_de="Neu im Netz", teaser_de="Kurz gesagt.", body_de="B")
    expected = {
        "/hubs/hamburg/": ("website", "Digital Hub Hamburg", Hub.objects.get(slug="hamburg").tagline_de),
        event.get_absolute_url(): (
            "website",
            "Pitch Night",
            "Pitch / Demo Day am 6. Mai 2031 18:00, ausgerichtet von Hamburg",
        ),
        profile.get_absolute_url(): ("profile", "Anna Beispiel", "Investor"),
        news.get_absolute_url(): ("article", "Neu im Netz", "Kurz gesagt."),
    }

    for path, (kind, title, description) in expected.items():
        content = client.get(path).content.decode()
        assert f'<meta property="og:type" content="{kind}">' in content, path
        assert f'<meta property="og:title" content="{title}">' in content, path
        assert f'<meta property="og:description" content="{description}">' in content, path
        assert 'aria-current="page"' in content.split('class="breadcrumbs"')[1].split("</nav>")[0], path


@pytest.mark.parametrize(
    ("path", "feeds"),
    [
        ("/events/", {("application/atom+xml", "/events/feed/"), ("text/calendar", "/events/calendar.ics")}),
        (
            "/events/archive/",
            {("application/atom+xml", "/events/feed/"), ("text/calendar", "/events/calendar.ics")},
        ),
        (
            "/en/events/",
            {("application/atom+xml", "/en/events/feed/"), ("text/calendar", "/en/events/calendar.ics")},
        ),
        ("/news/", {("application/atom+xml", "/news/feed/")}),
        ("/hubs/hamburg/", {("text/calendar", "/hubs/hamburg/calendar.ics")}),
    ],
)
def test_list_pages_advertise_their_feeds(client, network, path, feeds):
    content = client.get(path).content.decode()

    advertised = set(re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', content))
    assert advertised == feeds
    for _type, feed in feeds:
        assert client.get(feed).status_code == 200


def test_browsers_find_the_icon_where_they_look_for_it(client):
    response = client.get("/favicon.ico", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/static/img/favicon.ico"
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file


def test_admin_pages_name_the_icon(client, agency):
    client.force_login(agency)

    assert "img/favicon.svg" in client.get("/admin/").content.decode()
