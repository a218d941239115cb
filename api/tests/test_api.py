"""The open data API through its URLs: only what the public pages show, the event list's
filters, cursor pages, 404s and 400s in JSON, ETag and 304, CORS for GET, the rate limit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.tests.factories import EventFactory
from hubs.tests.factories import FocusThemeFactory, HubFactory
from pages.models import News
from partners.tests.factories import OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/api/v1/hubs/", [9202, 9201]),
        ("/api/v1/themes/", [9101, 9102]),
        ("/api/v1/events/", [9301, 9302]),
        ("/api/v1/partners/", [9401]),
        ("/api/v1/news/", [9501]),
    ],
)
def test_lists_show_only_what_the_public_pages_show(client, open_data, path, shown):
    assert ids(client.get(path)) == shown


@pytest.mark.parametrize("slug", ["draft", "submitted"])
def test_an_event_the_public_does_not_see_is_not_found(client, open_data, slug):
    event = Event.objects.get(slug=slug)

    response = client.get(f"/api/v1/events/{event.pk}/", headers={"Accept-Language": "de"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/partners/{proposed}/",
        "/api/v1/news/{scheduled}/",
        "/api/v1/hubs/999999/",
        "/api/v1/events/not-a-number/",
        "/api/v1/nothing/",
    ],
)
def test_unknown_or_hidden_objects_are_json_404s(client, open_data, path):
    from partners.models import Organisation

    proposed = Organisation.objects.get(slug="proposed").pk
    scheduled = News.objects.get(slug="scheduled").pk

    response = client.get(path.format(proposed=proposed, scheduled=scheduled))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_what_an_event_costs_is_a_flag_and_the_organisers_note_in_each_language(client, open_data):
    event = client.get("/api/v1/events/9301/").json()

    assert event["free_of_charge"] is True
    assert event["cost_note"] == {"de": "Anmeldung bis zum 1. März", "en": None}


def test_a_cancelled_event_is_listed_as_cancelled_and_the_online_link_stays_private(client, open_data):
    event = client.get("/api/v1/events/9302/").json()

    assert event["status"] == "cancelled"
    assert "meet.example.org" not in str(event)


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("hub=hamburg", [9301]),
        ("hub=berlin", [9301, 9302]),  # Berlin co-hosts the summit
        ("theme=fintech", [9302]),
        ("type=conference", [9301]),
        ("format=online", [9302]),
        ("language=en", [9301]),  # held in both languages
        ("language=de", [9301, 9302]),
        ("date_from=2031-04-01", [9302]),
        ("date_to=2031-03-31", [9301]),
        ("date_from=2031-03-10&date_to=2031-03-10", [9301]),
        ("q=Hafen", [9301]),
        ("q=Port", [9301]),
    ],
)
def test_events_filter_like_the_event_list(client, open_data, query, shown):
    assert ids(client.get(f"/api/v1/events/?{query}")) == shown


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("/api/v1/hubs/?theme=fintech", [9202]),
        ("/api/v1/hubs/?state=HH", [9201]),
        ("/api/v1/hubs/?q=Hafen", [9201]),
        ("/api/v1/partners/?kind=research", [9401]),
        ("/api/v1/partners/?kind=investor", []),
        ("/api/v1/partners/?theme=logistik&city=hamburg", [9401]),
        ("/api/v1/partners/?hub=berlin", []),
    ],
)
def test_hubs_and_partners_filter_like_their_pages(client, open_data, path, shown):
    assert ids(client.get(path)) == shown


def test_events_start_today_unless_an_earlier_day_is_asked_for(client, open_data):
    past = EventFactory(hub=open_data["hamburg"], start=open_data["summit"].start.replace(year=2020))
    past.end = past.start.replace(hour=23)
    past.save()

    assert past.pk not in ids(client.get("/api/v1/events/"))
    assert ids(client.get("/api/v1/events/?date_from=2020-01-01"))[0] == past.pk


@pytest.mark.parametrize(
    ("query", "field", "language", "message"),
    [
        ("type=party", "type", "de", "Bitte eine gültige Auswahl treffen. party ist keine gültige Auswahl."),
        ("hub=atlantis", "hub", "en", "Select a valid choice. atlantis is not one of the available choices."),
        ("date_from=tomorrow", "date_from", "de", "Bitte ein gültiges Datum eingeben."),
        ("date_to=2031-02-30", "date_to", "en", "Enter a valid date."),
    ],
)
def test_bad_filters_are_400s_that_say_why_in_the_clients_language(
    client, open_data, query, field, language, message
):
    response = client.get(f"/api/v1/events/?{query}", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_cursor_pages_walk_the_whole_list_once(client, open_data):
    seen, path = [], "/api/v1/events/?page_size=1"
    while path:
        page = client.get(path.removeprefix("https://digital-hubs.example.org")).json()
        seen += [row["id"] for row in page["results"]]
        path = page["next"]
        assert path is None or path.startswith("https://digital-hubs.example.org/api/v1/events/?cursor=")

    assert seen == [9301, 9302]


def test_a_page_holds_at_most_100_rows(client, db):
    hub = HubFactory()
    EventFactory.create_batch(101, hub=hub)

    page = client.get("/api/v1/events/?page_size=100").json()
    too_many = client.get("/api/v1/events/?page_size=500", headers={"Accept-Language": "en"})

    assert len(page["results"]) == 100
    assert page["next"]
    assert too_many.status_code == 400
    assert too_many.json() == {"page_size": ["A whole number from 1 to 100."]}


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("page_size=0", {"page_size": ["A whole number from 1 to 100."]}),
        ("page_size=zehn", {"page_size": ["A whole number from 1 to 100."]}),
        ("page_size=5&page_size=6", {"page_size": ["Give this parameter once."]}),
        ("type=", {"type": ["Give this parameter a value, or leave it out."]}),
        ("date_from=", {"date_from": ["Give this parameter a value, or leave it out."]}),
        ("hub=hamburg&hub=berlin", {"hub": ["Give this parameter once."]}),
    ],
)
def test_parameters_are_refused_as_the_schema_says(client, open_data, query, errors):
    response = client.get(f"/api/v1/events/?{query}", headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert response.json() == errors


@pytest.mark.parametrize("query", ["q=", "cursor=", "q=&page_size=5"])
def test_free_text_given_empty_filters_nothing(client, open_data, query):
    assert client.get(f"/api/v1/events/?{query}").status_code == 200


def test_a_nul_character_is_refused_in_json(client, db):
    response = client.get("/api/v1/events/?q=%00", headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert response.json() == {"address": ["No address has a NUL character."]}


def test_an_address_with_a_line_break_is_the_apis_404(client, db):
    response = client.get("/api/v1/news/a%0Ab/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_a_made_up_cursor_is_a_404(client, open_data):
    response = client.get("/api/v1/events/?cursor=not*base64")

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


def test_an_unchanged_answer_is_a_304_by_its_etag(client, open_data):
    first = client.get("/api/v1/hubs/")
    assert first["ETag"]
    assert "max-age=60" in first["Cache-Control"]

    again = client.get("/api/v1/hubs/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""

    HubFactory(slug="neu")
    assert client.get("/api/v1/hubs/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_any_website_may_read_it(client, open_data):
    response = client.get("/api/v1/events/", HTTP_ORIGIN="https://www.stadt.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_browser_may_ask_first_but_only_to_read(client):
    response = client.options(
        "/api/v1/events/", HTTP_ORIGIN="https://www.stadt.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_of_the_portal_are_not_opened_to_other_websites(client, open_data):
    response = client.get("/events/", HTTP_ORIGIN="https://www.stadt.example")

    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_it_only_reads(client, open_data, method):
    response = getattr(client, method)("/api/v1/events/9301/")

    assert response.status_code == 405
    assert Event.objects.filter(pk=9301).exists()


def test_anonymous_clients_are_rate_limited_per_address(client, settings, open_data):
    settings.API_ANONYMOUS_RATE = "3/minute"
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"

    answers = [client.get("/api/v1/hubs/", HTTP_X_REAL_IP="203.0.113.7").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    limited = client.get("/api/v1/hubs/", HTTP_X_REAL_IP="203.0.113.7")
    assert int(limited["Retry-After"]) > 0
    assert "detail" in limited.json()
    assert client.get("/api/v1/hubs/", HTTP_X_REAL_IP="198.51.100.2").status_code == 200


def test_a_logged_in_member_gets_the_same_public_answer(client, open_data):
    from members.tests.factories import UserFactory

    anonymous = client.get("/api/v1/events/").json()
    client.force_login(UserFactory())

    assert client.get("/api/v1/events/").json() == anonymous


def query_count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def fill(name, rows):
    hub = HubFactory()
    theme = FocusThemeFactory()
    for _ in range(rows):
        if name == "events":
            EventFactory(hub=hub, cohosts=[HubFactory()], focus_themes=[theme])
        elif name == "hubs":
            HubFactory(themes=[theme])
        elif name == "themes":
            FocusThemeFactory()
        elif name == "partners":
            organisation = OrganisationFactory(hub=hub)
            organisation.focus_themes.set([theme])
            PartnershipFactory(organisation=organisation, hub=hub)
        elif name == "news":
            News.objects.create(
                slug=f"news-{News.objects.count()}", title_de="N", teaser_de="T", body_de="B"
            ).hubs.set([hub])


@pytest.mark.parametrize("name", ["hubs", "themes", "events", "partners", "news"])
def test_a_list_costs_the_same_queries_for_one_row_and_for_fifty(client, db, name):
    fill(name, 1)
    one = query_count(client, f"/api/v1/{name}/?page_size=100")
    fill(name, 49)
    fifty = query_count(client, f"/api/v1/{name}/?page_size=100")

    assert one == fifty


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        ("", "Enter a valid date."),
        ("fr-FR, fr;q=0.9", "Enter a valid date."),
        ("fr, de;q=0.5", "Bitte ein gültiges Datum eingeben."),
        ("de-DE", "Bitte ein gültiges Datum eingeben."),
    ],
)
def test_a_client_that_asks_for_no_language_of_the_portal_reads_english(
    client, open_data, accept_language, message
):
    headers = {"Accept-Language": accept_language} if accept_language else {}

    response = client.get("/api/v1/events/?date_from=gestern", headers=headers)

    assert response.json() == {"date_from": [message]}


def test_links_to_the_portal_inside_descriptions_are_absolute(client, db):
    hub = HubFactory(
        description_de="Mehr im [Kalender](/events/) und [bei uns](https://hub.example.org/x), "
        '<a href="/partners/">Partner</a>.'
    )

    answer = client.get(f"/api/v1/hubs/{hub.pk}/").json()

    assert answer["description"]["de"] == (
        "Mehr im [Kalender](https://digital-hubs.example.org/events/) und [bei uns](https://hub.example.org/x), "
        '<a href="https://digital-hubs.example.org/partners/">Partner</a>.'
    )
