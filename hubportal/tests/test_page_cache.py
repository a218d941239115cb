"""Public pages come from the cache for visitors without a session, and never outlive what
they show; members always get their own page."""

import re

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from core import page_cache
from events.tests.factories import EventFactory, RegistrationFactory
from members.tests.factories import ProfileFactory

from .test_site_access import MATRIX

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_pages(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_public_page_is_made_once_and_then_served_from_the_cache(client, django_assert_num_queries):
    EventFactory(title_de="Pitch Night")
    client.get(reverse("events:list"))

    with django_assert_num_queries(0):
        response = client.get(reverse("events:list"))

    assert response.status_code == 200
    assert "Pitch Night" in response.content.decode()


def test_pages_for_everybody_set_no_cookie_and_do_not_vary_by_cookie(client):
    for _ in range(2):  # made, then from the cache
        response = client.get(reverse("home"))

        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        assert "public" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_any_change_to_what_pages_show_makes_them_anew_once_it_commits(client):
    event = EventFactory(title_de="Pitch Night", capacity=10)
    client.get(event.get_absolute_url())

    with transaction.atomic():
        RegistrationFactory(event=event)
        before_the_commit = client.get(event.get_absolute_url()).content.decode()
    changed = client.get(event.get_absolute_url()).content.decode()

    assert "1 von 10 Plätzen belegt" not in before_the_commit  # the page kept for others meanwhile
    assert "1 von 10 Plätzen belegt" in changed


@pytest.mark.django_db(transaction=True)
def test_a_transaction_changes_the_version_once_however_much_it_changes(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)

    with transaction.atomic(), django_capture_on_commit_callbacks() as callbacks:
        RegistrationFactory(event=event)  # the registration, and the event's counts
        RegistrationFactory(event=event)

    assert callbacks == [page_cache.bump_version]


def test_only_the_portals_own_models_are_watched():
    """Sessions, queued tasks, the admin's log and allauth's addresses change all the time and
    show on no public page: they must not make every page anew."""
    watched = {model._meta.app_label for model in page_cache.watched_models()}

    assert watched == {"members", "hubs", "events", "pages", "partners", "desks", "introductions", "formats"}


def test_every_model_a_cached_page_reads_is_watched(client, site):
    """What a page for everybody reads from the database: a change to any of it must make the
    page anew (page_cache.watched_models)."""
    tables = {model._meta.db_table: model._meta.label for model in apps.get_models(include_auto_created=True)}
    watched = {model._meta.label for model in page_cache.watched_models()}
    watched |= {  # many-to-many tables: their changes are signalled as their models'
        field.remote_field.through._meta.label
        for model in page_cache.watched_models()
        for field in model._meta.many_to_many
    }
    read_by = {}
    for name, method, arguments, _expected in MATRIX:
        address = reverse(name, kwargs=arguments)
        if method != "GET" or not getattr(resolve(address).func, "for_everybody", False):
            continue
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code in (200, 404), address
        for query in queries:
            for table in re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"]):
                if table in tables:
                    read_by.setdefault(tables[table], set()).add(name)

    assert len(read_by) > 10  # the pages read what they show
    unwatched = {label: sorted(names) for label, names in read_by.items() if label not in watched}
    assert unwatched == {}


def test_each_address_and_language_has_its_own_page(client):
    EventFactory(title_de="Pitch Night", event_type="pitch")
    EventFactory(title_de="Code Lab", event_type="workshop")

    pitches = client.get(reverse("events:list"), {"type": "pitch"}).content.decode()
    workshops = client.get(reverse("events:list"), {"type": "workshop"}).content.decode()
    english = client.get("/en/events/").content.decode()

    assert "Pitch Night" in pitches and "Code Lab" not in pitches
    assert "Code Lab" in workshops and "Pitch Night" not in workshops
    assert 'lang="en"' in english.split("<body")[0]


def test_members_get_their_own_page_never_the_cached_one(client):
    member = ProfileFactory(display_name="Anna Beispiel").user
    client.get(reverse("home"))
    client.force_login(member)

    response = client.get(reverse("home"))

    assert "Mein Bereich" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_with_a_message_waiting_gets_a_page_made_for_them(client):
    member = ProfileFactory().user
    client.get(reverse("home"))
    client.force_login(member)

    client.post(reverse("account_logout"))  # leaves "logged out" in a messages cookie
    del client.cookies["sessionid"]  # as a browser drops a deleted cookie
    response = client.get(reverse("home"))

    assert "abgemeldet" in response.content.decode()
    assert "messages" not in client.cookies or not client.cookies["messages"].value


def test_personal_pages_are_never_cached(client):
    member = ProfileFactory().user
    client.force_login(member)
    client.get(reverse("members:dashboard"))

    response = client.get(reverse("members:dashboard"))

    assert "no-store" in response["Cache-Control"]


def test_an_unchanged_page_answers_304_to_a_revalidation(client):
    first = client.get(reverse("hubs:list"))

    again = client.get(reverse("hubs:list"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304


def test_head_requests_are_served_too(client):
    client.get(reverse("news:list"))

    assert client.head(reverse("news:list")).status_code == 200


# Calendars and sitemap files are kept under the version of what they show


def count_queries(client, url, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "url",
    [reverse("events:calendar"), "/sitemap-events.xml"],
    ids=["calendar", "sitemap"],
)
def test_a_versioned_document_outlives_changes_elsewhere_but_not_its_own(client, member, url):
    from django.utils import timezone

    event = EventFactory(title_de="Pitch Night", start=timezone.now() + timezone.timedelta(days=3))
    made, queries_to_make = count_queries(client, url)

    ProfileFactory()  # elsewhere: the pages' cache is out of date, the document is not
    kept, queries_to_keep = count_queries(client, url)

    assert kept.status_code == 200
    assert kept.content == made.content
    assert queries_to_keep == 1 < queries_to_make
    assert kept["ETag"] == made["ETag"]
    assert count_queries(client, url, HTTP_IF_NONE_MATCH=made["ETag"])[0].status_code == 304

    event.slug = "pitch-night-2027"
    event.save()
    changed = client.get(url)
    assert changed["ETag"] != made["ETag"]
    assert b"pitch-night-2027" in changed.content


def test_a_sitemap_section_that_does_not_exist_is_a_404(client):
    assert client.get("/sitemap-unbekannt.xml").status_code == 404
