import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from hubs.tests.factories import FocusThemeFactory, HubFactory
from members.tests.factories import MembershipFactory, ProfileFactory, UserFactory

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def listed(response):
    return [event.title for event in response.context["events"]]


def test_list_shows_upcoming_public_events_in_order(client):
    EventFactory(
        title_de="Später",
        start=timezone.now() + timedelta(days=20),
        end=timezone.now() + timedelta(days=20, hours=2),
    )
    EventFactory(title_de="Bald")
    EventFactory(title_de="Abgesagt", status=Event.Status.CANCELLED)
    EventFactory(title_de="Entwurf", status=Event.Status.DRAFT)
    EventFactory(title_de="In Prüfung", status=Event.Status.SUBMITTED)
    EventFactory(title_de="Abgelehnt", status=Event.Status.REJECTED)
    EventFactory(
        title_de="Vorbei",
        start=timezone.now() - timedelta(days=3),
        end=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )

    response = client.get(reverse("events:list"))

    assert response.status_code == 200
    assert listed(response) == ["Bald", "Abgesagt", "Später"]
    assert listed(client.get(reverse("events:archive"))) == ["Vorbei"]


def test_an_event_under_way_is_still_upcoming(client):
    EventFactory(
        title_de="Läuft", start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=1)
    )

    assert listed(client.get(reverse("events:list"))) == ["Läuft"]


@pytest.fixture
def programme():
    hamburg, berlin = HubFactory(slug="hamburg"), HubFactory(slug="berlin")
    logistics = FocusThemeFactory(slug="logistics")

    def day(days, hour=18):
        return datetime.combine(
            timezone.localdate() + timedelta(days=days), datetime.min.time(), BERLIN
        ).replace(hour=hour)

    EventFactory(
        title_de="Hafen-Meetup",
        hub=hamburg,
        focus_themes=[logistics],
        start=day(3),
        end=day(3, 20),
        description_de="Container und Daten",
    )
    EventFactory(
        title_de="Berlin Webinar",
        hub=berlin,
        event_type="webinar",
        format="online",
        online_url="https://meet.example.org/x",
        address="",
        language="en",
        start=day(10),
        end=day(10, 19),
    )
    EventFactory(
        title_de="Gemeinsamer Hackathon",
        hub=berlin,
        cohosts=[hamburg],
        event_type="hackathon",
        format="hybrid",
        online_url="https://meet.example.org/y",
        language="both",
        start=day(20),
        end=day(21),
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"hub": "hamburg"}, {"Hafen-Meetup", "Gemeinsamer Hackathon"}),
        ({"hub": "berlin"}, {"Berlin Webinar", "Gemeinsamer Hackathon"}),
        ({"theme": "logistics"}, {"Hafen-Meetup"}),
        ({"type": "webinar"}, {"Berlin Webinar"}),
        ({"format": "hybrid"}, {"Gemeinsamer Hackathon"}),
        ({"language": "en"}, {"Berlin Webinar", "Gemeinsamer Hackathon"}),
        ({"language": "de"}, {"Hafen-Meetup", "Gemeinsamer Hackathon"}),
        ({"q": "container"}, {"Hafen-Meetup"}),
        (
            {"date_from": (timezone.localdate() + timedelta(days=5)).isoformat()},
            {"Berlin Webinar", "Gemeinsamer Hackathon"},
        ),
        (
            {"date_to": (timezone.localdate() + timedelta(days=10)).isoformat()},
            {"Hafen-Meetup", "Berlin Webinar"},
        ),
    ],
)
def test_list_filters(client, programme, query, expected):
    assert set(listed(client.get(reverse("events:list"), query))) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"hub": "atlantis"},
        {"type": "party"},
        {"format": "<script>"},
        {"language": "fr"},
        {"date_from": "gestern"},
        {"date_to": "2026-13-45"},
        {"q": "x" * 200},
        {"theme": "'; drop table"},
    ],
)
def test_bad_filter_values_are_form_errors(client, programme, query):
    response = client.get(reverse("events:list"), query)

    assert response.status_code == 200
    assert response.context["filter"].errors
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["99999", "abc"])
def test_impossible_pages_are_not_found(client, page):
    assert client.get(reverse("events:list"), {"page": page}).status_code == 404


def test_cards_count_attendees_not_cohost_rows(client):
    hubs = HubFactory.create_batch(3)
    event = EventFactory(cohosts=hubs)
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status="waitlisted")

    response = client.get(reverse("events:list"), {"hub": hubs[0].slug})

    assert response.context["events"][0].attendee_count == 2


def test_event_page_shows_details_hubs_and_attendee_count(client):
    host, cohost = HubFactory(name_de="Hamburg"), HubFactory(name_de="Berlin")
    event = EventFactory(
        title_de="Hafen-Meetup",
        hub=host,
        cohosts=[cohost],
        venue="Hafenforum",
        cost_note_de="20 EUR, Studierende frei",
        capacity=30,
    )
    RegistrationFactory.create_batch(3, event=event)

    content = client.get(event.get_absolute_url()).content.decode()

    for text in [
        "Hafen-Meetup",
        "Hafenforum",
        "20 EUR, Studierende frei",
        "Hamburg",
        "Berlin",
        reverse("events:ics", args=[event.slug]),
    ]:
        assert text in content
    assert "3 von 30 Plätzen belegt" in content


def test_a_free_event_says_so_in_the_visitors_language_on_its_page_and_card(client):
    event = EventFactory(free_of_charge=True)

    assert "Kostenlos" in client.get(event.get_absolute_url()).content.decode()
    assert "Free of charge" in english_page(client, event)
    with translation.override("en"):
        assert "Free of charge" in client.get(reverse("events:list")).content.decode()


def test_the_organisers_cost_note_is_read_in_the_visitors_language_or_marked_as_the_other(client):
    both = EventFactory(cost_note_de="20 EUR, Studierende frei", cost_note_en="EUR 20, students free")
    german_only = EventFactory(cost_note_de="20 EUR, Studierende frei")

    assert "EUR 20, students free" in english_page(client, both)
    assert '<dd><span lang="de">20 EUR, Studierende frei</span></dd>' in english_page(client, german_only)


def english_page(client, event) -> str:
    with translation.override("en"):
        return client.get(event.get_absolute_url()).content.decode()


def test_online_link_of_a_portal_event_is_for_registered_members(client):
    event = EventFactory(format="online", online_url="https://meet.example.org/geheim", address="")
    user = UserFactory()

    assert "meet.example.org/geheim" not in client.get(event.get_absolute_url()).content.decode()
    RegistrationFactory(event=event, user=user)
    client.force_login(user)
    assert "meet.example.org/geheim" in client.get(event.get_absolute_url()).content.decode()


def test_unknown_event_is_not_found(client):
    assert client.get(reverse("events:detail", args=["gibt-es-nicht"])).status_code == 404


def test_hub_page_lists_its_upcoming_events(client):
    hub = HubFactory()
    EventFactory(title_de="Eigene", hub=hub)
    EventFactory(title_de="Mitveranstaltet", cohosts=[hub])
    EventFactory(title_de="Entwurf", hub=hub, status=Event.Status.DRAFT)
    EventFactory(title_de="Fremde")

    content = client.get(hub.get_absolute_url()).content.decode()

    assert "Eigene" in content
    assert "Mitveranstaltet" in content
    assert "Entwurf" not in content
    assert "Fremde" not in content


def test_home_page_shows_the_next_events(client):
    EventFactory(title_de="Nächste Veranstaltung")
    EventFactory(title_de="Abgesagt", status=Event.Status.CANCELLED)

    content = client.get(reverse("home")).content.decode()

    assert "Nächste Veranstaltung" in content
    assert "Abgesagt" not in content


def test_dashboard_lists_my_registrations_and_my_events(client):
    profile = ProfileFactory()
    RegistrationFactory(user=profile.user, event=EventFactory(title_de="Angemeldet"))
    EventFactory(title_de="Selbst organisiert", organiser=profile.user, status=Event.Status.DRAFT)
    client.force_login(profile.user)

    content = client.get(reverse("members:dashboard")).content.decode()

    assert "Angemeldet" in content
    assert "Selbst organisiert" in content


# Attendees

ATTENDEE_MATRIX = [
    ("anonymous", 302),
    ("member", 403),
    ("other_manager", 403),
    ("organiser", 200),
    ("manager", 200),
    ("agency", 200),
]


@pytest.mark.parametrize(("role", "status_code"), ATTENDEE_MATRIX)
@pytest.mark.parametrize("url_name", ["events:attendees", "events:attendees_csv"])
def test_attendee_list_is_for_organiser_managers_and_agency(
    client, request, hub, role, status_code, url_name
):
    event = EventFactory(hub=hub)
    RegistrationFactory(
        event=event, user=ProfileFactory(display_name="Anna Teilnehmerin", organisation="Beispiel AG").user
    )
    if role == "organiser":
        client.force_login(event.organiser)
    elif role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(reverse(url_name, args=[event.slug]))

    assert response.status_code == status_code
    if status_code == 200:
        assert "Anna Teilnehmerin" in response.content.decode("utf-8-sig")


def test_attendee_csv_has_names_and_organisations_but_no_emails(client, hub):
    event = EventFactory(hub=hub)
    RegistrationFactory(
        event=event,
        user=ProfileFactory(
            display_name="Anna", organisation="Beispiel AG", user=UserFactory(email="anna@example.org")
        ).user,
    )
    RegistrationFactory(
        event=event, user=ProfileFactory(display_name='=HYPERLINK("x")', organisation="+49 Trick").user
    )
    client.force_login(event.organiser)

    response = client.get(reverse("events:attendees_csv", args=[event.slug]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = text.strip().splitlines()
    assert rows[0] == "Name;Organisation;Status;Angemeldet"  # columns in German Excel
    assert rows[1].startswith("Anna;Beispiel AG;Angemeldet;")
    assert "'=HYPERLINK" in text
    assert "'+49 Trick" in text
    assert "anna@example.org" not in text


def test_managers_membership_in_another_hub_does_not_open_attendees(client, other_manager, hub):
    event = EventFactory(hub=hub)
    MembershipFactory(user=other_manager, hub=hub)  # an ordinary member here
    client.force_login(other_manager)

    assert client.get(reverse("events:attendees", args=[event.slug])).status_code == 403


def test_agency_curates_events_in_the_admin(client):
    from members.tests.factories import StaffFactory

    event = EventFactory(title_de="Im Admin")
    RegistrationFactory(event=event)
    client.force_login(StaffFactory())

    changelist = client.get(reverse("admin:events_event_changelist"))
    change = client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert changelist.status_code == change.status_code == 200
    assert "Im Admin" in changelist.content.decode()
    assert changelist.context["cl"].result_list[0].attendee_count == 1


def test_dates_are_written_the_way_each_language_writes_them(client):
    event = EventFactory(
        title_de="Termin",
        start=datetime(2030, 12, 11, 19, 0, tzinfo=BERLIN),
        end=datetime(2030, 12, 11, 22, 0, tzinfo=BERLIN),
    )
    url = event.get_absolute_url()

    german = client.get(url).content.decode()
    english = client.get("/en" + url).content.decode()

    assert "11. Dezember 2030 19:00" in german
    assert "Dec. 11, 2030, 7 p.m." in english


# The organiser is named only as far as their profile is visible


@pytest.mark.parametrize(
    ("visibility", "viewer", "named"),
    [
        ("public", "anonymous", True),
        ("members", "anonymous", False),
        ("members", "member", True),
        ("hidden", "member", False),
        ("hidden", "agency", True),
    ],
)
def test_event_page_names_the_organiser_within_their_profiles_visibility(client, visibility, viewer, named):
    from members.tests.factories import AgencyStaffFactory

    hub = HubFactory(name_de="Hamburg")
    organiser = ProfileFactory(display_name="Olga Organisatorin", visibility=visibility).user
    event = EventFactory(hub=hub, organiser=organiser)
    if viewer == "member":
        client.force_login(ProfileFactory().user)
    elif viewer == "agency":
        client.force_login(AgencyStaffFactory())

    content = client.get(event.get_absolute_url()).content.decode()

    assert ("Olga Organisatorin" in content) is named
    assert ("Ein Mitglied von Hamburg" in content) is not named


def test_description_longer_than_the_limit_is_a_form_error_and_keeps_the_text(client, hub, member):
    from .test_workflow import event_data

    client.force_login(member)
    long_text = "x" * 10_001

    response = client.post(reverse("events:create"), event_data(hub, description_de=long_text))

    assert response.status_code == 200
    assert response.context["form"].errors["description_de"]
    assert response.context["form"]["description_de"].value() == long_text


def test_the_database_refuses_a_description_longer_than_the_limit():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(description_de="x" * 10_001)


# What a visitor may do on an event page is decided once (permissions.event_actions)


def test_a_full_event_without_waitlist_says_so_instead_of_showing_an_empty_button(client):
    event = EventFactory(capacity=1, waitlist=False)
    RegistrationFactory(event=event)
    client.force_login(ProfileFactory().user)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Diese Veranstaltung ist ausgebucht." in content
    assert reverse("events:register", kwargs={"slug": event.slug}) not in content


def test_a_full_event_with_waitlist_offers_the_waitlist(client):
    event = EventFactory(capacity=1, waitlist=True)
    RegistrationFactory(event=event)
    client.force_login(ProfileFactory().user)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Auf die Warteliste" in content


def test_the_waitlist_does_not_see_the_online_link(client):
    from events.models import Registration

    event = EventFactory(
        format="online", online_url="https://meet.example.org/geheim", address="", capacity=1
    )
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED).user
    client.force_login(waiting)

    content = client.get(event.get_absolute_url()).content.decode()

    assert "Sie stehen auf der Warteliste." in content
    assert "meet.example.org/geheim" not in content


@pytest.mark.parametrize(
    ("language", "start", "end", "shown"),
    [
        ("de", (18, 0), (21, 0), "13. Dezember 2030, 18–21 Uhr"),
        ("de", (18, 30), (21, 0), "13. Dezember 2030, 18:30–21 Uhr"),
        ("en", (18, 0), (21, 30), "Dec. 13, 2030, 6 p.m.–9:30 p.m."),
    ],
)
def test_an_evening_names_its_day_once(client, language, start, end, shown):
    event = EventFactory(
        slug="abend",
        start=datetime(2030, 12, 13, *start, tzinfo=BERLIN),
        end=datetime(2030, 12, 13, *end, tzinfo=BERLIN),
    )
    prefix = "/en" if language == "en" else ""

    page = client.get(f"{prefix}{event.get_absolute_url()}").content.decode()
    text = re.sub(r"<[^>]+>", "", page)

    assert text.count(shown) == 2  # under the title and in the facts
    assert '<time datetime="2030-12-13T18:' in page


def test_days_that_span_midnight_name_both_days(client):
    event = EventFactory(
        slug="hackathon",
        start=datetime(2030, 12, 13, 18, tzinfo=BERLIN),
        end=datetime(2030, 12, 15, 16, tzinfo=BERLIN),
    )

    text = re.sub(r"<[^>]+>", "", client.get(event.get_absolute_url()).content.decode())

    assert "13. Dezember 2030 18:00 – 15. Dezember 2030 16:00" in text
