"""The coming events on the hubs' own websites: a list only the websites a hub names may frame
(the rest of the portal no website may), a script that places it, and a real browser that
shows it on a named website and refuses it on another."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.tests.support import LocalWebsite
from events.models import Event

from .factories import EventFactory
from .test_series import published_series

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    for directive in response["Content-Security-Policy"].split(";"):
        name, _space, value = directive.strip().partition(" ")
        if name == "frame-ancestors":
            return value
    return ""


@pytest.fixture
def hamburg(hub):
    hub.embed_origins = "https://www.hub-hamburg.de\nhttps://hafen.example.org:8443\n"
    hub.save()
    return hub


def test_a_hubs_list_shows_its_coming_events_and_only_its_websites_may_frame_it(client, hamburg, other_hub):
    EventFactory(hub=hamburg, title_de="Hafen-Meetup")
    EventFactory(hub=other_hub, cohosts=[hamburg], title_de="Gemeinsam")
    EventFactory(hub=other_hub, title_de="Nur Berlin")
    EventFactory(hub=hamburg, title_de="Entwurf", status=Event.Status.DRAFT)

    response = client.get(reverse("embed:hub_events", args=[hamburg.slug]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hafen-Meetup" in page and "Gemeinsam" in page
    assert "Nur Berlin" not in page and "Entwurf" not in page
    assert frame_ancestors(response) == "'self' https://hafen.example.org:8443 https://www.hub-hamburg.de"
    assert "X-Frame-Options" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert not response.cookies


def test_a_hub_without_websites_lets_no_other_website_frame_its_list(client, hub):
    response = client.get(reverse("embed:hub_events", args=[hub.slug]))

    assert frame_ancestors(response) == "'self'"  # the portal's own preview in the admin


def test_the_networks_list_may_be_framed_by_every_hubs_websites_and_the_agencys(
    client, hamburg, other_hub, settings
):
    settings.EMBED_ORIGINS = ["https://www.de-hub.de"]
    other_hub.embed_origins = "https://berlin.example.org"
    other_hub.save()

    response = client.get(reverse("embed:network_events"))

    assert frame_ancestors(response).split() == [
        "'self'",
        "https://berlin.example.org",
        "https://hafen.example.org:8443",
        "https://www.de-hub.de",
        "https://www.hub-hamburg.de",
    ]


@pytest.mark.parametrize("path", ["/", "/events/", "/hubs/hamburg/", "/accounts/login/", "/admin/login/"])
def test_every_other_page_stays_unframeable(client, hamburg, path):
    response = client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "'none'"


def test_the_list_shows_a_series_once_in_the_visitors_language(client, hamburg, manager):
    published_series(client, manager, hamburg)
    client.logout()

    german = client.get(f"/embed/hubs/{hamburg.slug}/events/").content.decode()
    english = client.get(f"/en/embed/hubs/{hamburg.slug}/events/").content.decode()

    assert german.count(">Pitch Night<") == 1
    assert "Jeden ersten Dienstag im Monat" in german
    assert '<html lang="en">' in english and "Every first Tuesday of the month" in english


@pytest.mark.parametrize(("count", "shown"), [("3", 3), ("", 10), ("999", 20), ("-1", 10), ("drei", 10)])
def test_how_many_events_a_list_shows(client, hub, count, shown):
    EventFactory.create_batch(25, hub=hub)

    response = client.get(reverse("embed:hub_events", args=[hub.slug]), {"count": count})

    assert response.status_code == 200
    assert len(response.context["events"]) == shown


def test_an_unknown_hub_has_no_list(client):
    assert client.get("/embed/hubs/gibt-es-nicht/events/").status_code == 404


def test_the_page_cache_keeps_what_a_list_says_of_its_framing(client, hamburg, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("embed:hub_events", args=[hamburg.slug])
    made = client.get(url)

    kept = client.get(url)

    assert kept.content == made.content
    assert frame_ancestors(kept) == frame_ancestors(made)
    assert "X-Frame-Options" not in kept
    assert kept["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_any_website_may_load_the_script(client):
    response = client.get(reverse("embed:script"))

    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert b"hubportalHeight" in response.content


@pytest.mark.parametrize(
    "origins",
    ["www.hub-hamburg.de", "https://www.hub-hamburg.de/events/", "javascript:alert(1)", "https://a b.de"],
)
def test_a_hubs_websites_are_addresses_without_a_path(hub, origins):
    hub.embed_origins = origins

    with pytest.raises(ValidationError) as refused:
        hub.full_clean()

    assert "ohne Pfad" in " ".join(refused.value.message_dict["embed_origins"])


def test_a_manager_names_their_hubs_websites_in_the_admin(client, manager, hub, other_hub):
    client.force_login(manager)

    own = client.get(reverse("admin:hubs_hub_change", args=[hub.pk])).content.decode()
    other = client.get(reverse("admin:hubs_hub_change", args=[other_hub.pk]))

    assert 'name="embed_origins"' in own
    assert other.status_code in (302, 404)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("named", [True, False], ids=["named website", "other website"])
def test_a_browser_shows_the_list_on_a_named_website_only(browser, live_server, settings, hub, named):
    settings.PORTAL_URL = live_server.url
    EventFactory(hub=hub, title_de="Hafen-Meetup")
    host = LocalWebsite()
    host.put(
        "/",
        f'<!DOCTYPE html><html lang="de"><title>Hub Hamburg</title><h1>Unser Hub</h1>'
        f'<script src="{live_server.url}/embed/events.js" data-hub="{hub.slug}" data-count="5" async></script>'.encode(),
        content_type="text/html; charset=utf-8",
    )
    hub.embed_origins = host.url if named else "https://www.hub-hamburg.de"
    hub.save()
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "frame-ancestors" in message.text else None
    )
    try:
        page.goto(host.url)
        frame = page.frame_locator("iframe[title='Kommende Veranstaltungen']")
        if named:
            link = frame.get_by_role("link", name="Hafen-Meetup")
            link.wait_for()
            assert "/events/" in link.get_attribute("href")
            page.wait_for_function("document.querySelector('iframe').style.height !== '24rem'")
            assert refused == []
        else:
            page.wait_for_timeout(1500)
            assert refused, "the browser should have refused to show the list"
            assert page.frame_locator("iframe").get_by_role("link", name="Hafen-Meetup").count() == 0
    finally:
        context.close()
        host.close()


def test_the_hubs_admin_page_explains_embedding_and_offers_the_code_with_a_preview(client, manager, hub):
    client.force_login(manager)

    page = client.get(reverse("admin:hubs_hub_change", args=[hub.pk])).content.decode()

    assert "Noch ist keine Website eingetragen" in page  # the list shows nothing anywhere yet
    code = (
        "&lt;script src=&quot;https://digital-hubs.example.org/embed/events.js&quot; "
        "data-hub=&quot;hamburg&quot; data-count=&quot;5&quot; async&gt;&lt;/script&gt;"
    )
    assert code in page
    assert f'<iframe class="embed-code__preview" src="/embed/hubs/{hub.slug}/events/?count=5"' in page
    assert client.get(f"/embed/hubs/{hub.slug}/events/?count=5").status_code == 200


def test_once_a_website_is_named_the_warning_goes(client, manager, hamburg):
    client.force_login(manager)

    page = client.get(reverse("admin:hubs_hub_change", args=[hamburg.pk])).content.decode()

    assert "Noch ist keine Website eingetragen" not in page
