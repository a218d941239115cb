from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from events.tests.factories import EventFactory
from hubs.tests.factories import HubFactory
from pages.models import News

pytestmark = pytest.mark.django_db


def news(slug, **fields):
    defaults = {"title_de": f"Titel {slug}", "teaser_de": "Kurz gesagt", "body_de": "## Mehr\n\nText"}
    return News.objects.create(slug=slug, **{**defaults, **fields})


def test_news_list_shows_published_news_newest_first(client):
    news("alt", published_at=timezone.now() - timedelta(days=5))
    news("neu", published_at=timezone.now() - timedelta(hours=1))
    news("geplant", published_at=timezone.now() + timedelta(days=2))

    response = client.get(reverse("news:list"))

    assert [item.slug for item in response.context["news_items"]] == ["neu", "alt"]


def test_scheduled_news_is_not_found_yet(client):
    scheduled = news("geplant", published_at=timezone.now() + timedelta(days=2))

    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_news_page_renders_markdown_and_names_the_hubs(client):
    item = news("programm", body_de="## Programm\n\n<script>alert(1)</script>")
    item.hubs.set([HubFactory(name_de="Hamburg")])

    content = client.get(item.get_absolute_url()).content.decode()

    assert "<h2>Programm</h2>" in content
    assert "<script>alert(1)" not in content
    assert "Hamburg" in content


def test_news_in_english_falls_back_to_german(client):
    news("beides", title_de="Deutsch", title_en="English")
    news("nur-deutsch", title_de="Nur Deutsch")

    content = client.get("/en/news/").content.decode()

    assert "English" in content
    assert "Nur Deutsch" in content


def test_news_feed(client):
    news("eins", title_de="Erste Nachricht")
    news("geplant", title_de="Geplant", published_at=timezone.now() + timedelta(days=1))

    response = client.get(reverse("news:feed"))

    atom = "{http://www.w3.org/2005/Atom}"
    titles = [
        entry.find(f"{atom}title").text
        for entry in ElementTree.fromstring(response.content).iter(f"{atom}entry")
    ]
    assert titles == ["Erste Nachricht"]


def test_home_shows_latest_news_featured_hubs_and_featured_events_first(client):
    news("start", title_de="Neuigkeit auf der Startseite")
    HubFactory(name_de="Hervorgehoben", featured=True)
    soon = EventFactory(
        title_de="Bald",
        start=timezone.now() + timedelta(days=1),
        end=timezone.now() + timedelta(days=1, hours=2),
    )
    EventFactory(
        title_de="Später, aber hervorgehoben",
        featured=True,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=2),
    )
    EventFactory.create_batch(3)

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert "Neuigkeit auf der Startseite" in content
    assert "Im Fokus" in content
    assert content.index("Später, aber hervorgehoben") < content.index(soon.title)


def test_unknown_news_is_not_found(client):
    assert client.get(reverse("news:detail", args=["gibt-es-nicht"])).status_code == 404


def test_agency_writes_news_in_the_admin(client):
    from members.tests.factories import AgencyStaffFactory

    author = AgencyStaffFactory()
    client.force_login(author)

    response = client.post(
        reverse("admin:pages_news_add"),
        {
            "slug": "aufruf",
            "published_at_0": timezone.localdate().isoformat(),
            "published_at_1": "08:00:00",
            "title_de": "Aufruf",
            "teaser_de": "Jetzt bewerben",
            "body_de": "Text",
            "title_en": "",
            "teaser_en": "",
            "body_en": "",
        },
    )

    assert response.status_code == 302
    assert News.objects.get(slug="aufruf").author == author


def test_news_feed_gives_the_teaser_as_text_not_markup(client):
    News.objects.create(
        slug="x",
        title_de="X",
        teaser_de="<script>alert(1)</script> Neu",
        body_de="B",
        published_at=timezone.now(),
    )

    feed = client.get(reverse("news:feed")).content.decode()

    assert "&lt;script" not in feed  # would be markup to the feed reader
    assert "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; Neu" in feed
