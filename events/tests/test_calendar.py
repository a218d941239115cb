"""iCalendar files and feeds, parsed back with icalendar; the Atom feed."""

import html
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import CalendarToken, Event, EventSeries

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(response):
    return {str(component["summary"]): component for component in parse(response).walk("VEVENT")}


def test_event_file_has_a_stable_uid_and_berlin_times(client):
    event = EventFactory(
        title_de="Pitch Night",
        start=datetime(2030, 6, 12, 19, 0, tzinfo=BERLIN),
        end=datetime(2030, 6, 12, 22, 0, tzinfo=BERLIN),
    )

    first = vevents(client.get(reverse("events:ics", args=[event.slug])))["Pitch Night"]
    second = vevents(client.get(reverse("events:ics", args=[event.slug])))["Pitch Night"]

    assert str(first["uid"]) == str(second["uid"]) == f"event-{event.pk}@digital-hubs.example.org"
    start = first.decoded("dtstart")
    assert start == datetime(2030, 6, 12, 19, 0, tzinfo=BERLIN)
    assert str(start.tzinfo) == "Europe/Berlin"
    assert first["dtstart"].params["TZID"] == "Europe/Berlin"
    assert str(first["status"]) == "CONFIRMED"
    assert str(first["url"]).endswith(event.get_absolute_url())
    assert "VTIMEZONE" in [
        component.name
        for component in parse(client.get(reverse("events:ics", args=[event.slug]))).subcomponents
    ]


def test_times_stay_right_across_the_change_to_summer_time(client):
    """Clocks go forward at 02:00 on 31 March 2030: 22:00 to 04:00 is five hours."""
    event = EventFactory(
        title_de="Nachtschicht",
        start=datetime(2030, 3, 30, 22, 0, tzinfo=BERLIN),
        end=datetime(2030, 3, 31, 4, 0, tzinfo=BERLIN),
    )

    component = vevents(client.get(reverse("events:ics", args=[event.slug])))["Nachtschicht"]

    start, end = component.decoded("dtstart"), component.decoded("dtend")
    assert start.utcoffset() == timedelta(hours=1)
    assert end.utcoffset() == timedelta(hours=2)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=5)


def test_changes_raise_the_sequence_and_cancellation_shows(client):
    event = EventFactory(title_de="Workshop", status=Event.Status.CANCELLED, revision=3)

    component = vevents(client.get(reverse("events:ics", args=[event.slug])))["Workshop"]

    assert str(component["status"]) == "CANCELLED"
    assert int(component["sequence"]) == 3


def test_network_calendar_has_published_and_cancelled_events_only(client):
    EventFactory(title_de="Öffentlich")
    EventFactory(title_de="Abgesagt", status=Event.Status.CANCELLED)
    EventFactory(title_de="Entwurf", status=Event.Status.DRAFT)
    EventFactory(title_de="In Prüfung", status=Event.Status.SUBMITTED)

    events = vevents(client.get(reverse("events:calendar")))

    assert set(events) == {"Öffentlich", "Abgesagt"}
    assert str(events["Abgesagt"]["status"]) == "CANCELLED"


def test_hub_calendar_includes_cohosted_events(client, hub, other_hub):
    EventFactory(title_de="Gastgeber", hub=hub)
    EventFactory(title_de="Mitveranstalter", hub=other_hub, cohosts=[hub])
    EventFactory(title_de="Fremd", hub=other_hub)

    events = vevents(client.get(reverse("hub_calendar", args=[hub.slug])))

    assert set(events) == {"Gastgeber", "Mitveranstalter"}


def test_unknown_hub_calendar_is_not_found(client):
    assert client.get(reverse("hub_calendar", args=["atlantis"])).status_code == 404


def test_unpublished_event_has_no_calendar_file(client):
    event = EventFactory(status=Event.Status.DRAFT)

    assert client.get(reverse("events:ics", args=[event.slug])).status_code == 404


def test_personal_feed_lists_the_members_events_behind_a_secret(client, member):
    mine = RegistrationFactory(user=member, event=EventFactory(title_de="Meins")).event
    RegistrationFactory(event=EventFactory(title_de="Fremd"))
    token = CalendarToken.objects.create(user=member)

    events = vevents(client.get(reverse("events:personal_calendar", args=[token.token])))

    assert set(events) == {"Meins"}
    assert str(events["Meins"]["uid"]) == mine.ical_uid


def test_the_dashboard_shows_the_personal_calendar_address_from_the_start(client, member):
    client.force_login(member)

    content = client.get(reverse("members:dashboard")).content.decode()

    token = CalendarToken.objects.get(user=member).token
    address = f"https://digital-hubs.example.org/events/calendar/{token}.ics"
    assert f'value="{address}"' in content
    assert f'href="webcal://digital-hubs.example.org/events/calendar/{token}.ics"' in content
    assert "Meine Kalenderadresse erstellen" not in content


def test_the_address_stays_the_same_until_the_member_renews_it(client, member):
    client.force_login(member)
    client.get(reverse("members:dashboard"))
    first = CalendarToken.objects.get(user=member).token

    client.get(reverse("members:dashboard"))
    assert CalendarToken.objects.get(user=member).token == first
    response = client.post(reverse("events:reset_calendar_token"))

    assert CalendarToken.objects.get(user=member).token != first
    assert response.url == "/members/me/#calendar"


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/events/", "/events/calendar.ics"),
        ("/en/events/", "/en/events/calendar.ics"),
        ("/hubs/hamburg/", "/hubs/hamburg/calendar.ics"),
    ],
)
def test_public_calendars_offer_every_way_to_subscribe(client, hub, page, feed):
    content = html.unescape(client.get(page).content.decode())

    address = f"https://digital-hubs.example.org{feed}"
    webcal = f"webcal://digital-hubs.example.org{feed}"
    assert f'href="{webcal}"' in content
    assert f'href="https://calendar.google.com/calendar/render?{urlencode({"cid": webcal})}"' in content
    assert "https://outlook.live.com/calendar/0/addfromweb?" + urlencode({"url": address}) in content
    assert f'value="{address}"' in content


@pytest.mark.parametrize("feed", ["/events/calendar.ics", "/hubs/hamburg/calendar.ics"])
def test_feeds_are_served_for_subscribing_and_one_event_for_importing(client, hub, feed):
    event = EventFactory(hub=hub)

    assert client.get(feed)["Content-Disposition"].startswith("inline;")
    assert client.get(reverse("events:ics", args=[event.slug]))["Content-Disposition"].startswith(
        "attachment;"
    )


def test_the_personal_feed_is_served_for_subscribing(client, member):
    token = CalendarToken.objects.create(user=member)

    response = client.get(reverse("events:personal_calendar", args=[token.token]))

    assert response["Content-Disposition"] == 'inline; filename="my-events.ics"'


def test_a_reset_token_revokes_the_old_feed(client, member):
    client.force_login(member)
    client.get(reverse("members:dashboard"))
    old = CalendarToken.objects.get(user=member).token

    client.post(reverse("events:reset_calendar_token"))

    new = CalendarToken.objects.get(user=member).token
    assert new != old
    assert client.get(reverse("events:personal_calendar", args=[old])).status_code == 404
    assert client.get(reverse("events:personal_calendar", args=[new])).status_code == 200


def test_unknown_token_is_not_found(client):
    assert client.get(reverse("events:personal_calendar", args=["geraten"])).status_code == 404


def test_atom_feed_lists_new_events_and_marks_cancelled_ones(client):
    EventFactory(title_de="Neu")
    EventFactory(title_de="Abgesagt", status=Event.Status.CANCELLED)
    EventFactory(title_de="Entwurf", status=Event.Status.DRAFT)

    response = client.get(reverse("events:feed"))

    assert response["Content-Type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    titles = {
        entry.find(f"{atom}title").text
        for entry in ElementTree.fromstring(response.content).iter(f"{atom}entry")
    }
    assert titles == {"Neu", "Abgesagt: Abgesagt"}


# The feeds hold a window of events and answer polls with 304 while nothing changed


def days_from_now(days, hours=2):
    from django.utils import timezone

    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return {"start": start, "end": start + timedelta(hours=hours)}


def test_the_network_calendar_holds_the_last_week_and_the_coming_year(client):
    EventFactory(title_de="Vor zwei Wochen", **days_from_now(-14))
    EventFactory(title_de="Vor drei Tagen", **days_from_now(-3))
    EventFactory(title_de="In elf Monaten", **days_from_now(330))
    EventFactory(title_de="In zwei Jahren", **days_from_now(730))

    events = vevents(client.get(reverse("events:calendar")))

    assert set(events) == {"Vor drei Tagen", "In elf Monaten"}


def test_a_calendar_holds_at_most_its_limit_of_events_the_soonest_first(client, monkeypatch):
    from events.views import calendars

    monkeypatch.setattr(calendars, "CALENDAR_LIMIT", 2)
    for days in (30, 10, 20):
        EventFactory(title_de=f"In {days} Tagen", **days_from_now(days))

    events = vevents(client.get(reverse("events:calendar")))

    assert set(events) == {"In 10 Tagen", "In 20 Tagen"}


def test_a_hub_calendar_holds_the_same_window(client):
    far = EventFactory(title_de="In zwei Jahren", **days_from_now(730))
    EventFactory(title_de="Bald", hub=far.hub, **days_from_now(7))

    events = vevents(client.get(reverse("hub_calendar", args=[far.hub.slug])))

    assert set(events) == {"Bald"}


@pytest.mark.parametrize("feed", ["network", "hub", "personal"])
def test_a_poll_of_an_unchanged_feed_answers_304_and_a_change_shows(client, member, feed):
    event = EventFactory(title_de="Bald", **days_from_now(7))
    RegistrationFactory(event=event, user=member)
    url = {
        "network": reverse("events:calendar"),
        "hub": reverse("hub_calendar", args=[event.hub.slug]),
        "personal": reverse(
            "events:personal_calendar", args=[CalendarToken.objects.create(user=member).token]
        ),
    }[feed]
    etag = client.get(url)["ETag"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    event.title_de = "Verschoben"
    event.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Verschoben" in vevents(changed)


def categories(response, summary):
    return [str(category) for category in vevents(response)[summary]["categories"].cats]


def test_entries_follow_the_language_and_the_names_of_the_hubs(client, hub):
    EventFactory(title_de="Bald", hub=hub, event_type=Event.Type.DELEGATION, **days_from_now(7))
    url = reverse("hub_calendar", args=[hub.slug])
    with translation.override("en"):
        english_url = reverse("hub_calendar", args=[hub.slug])
        delegation = str(Event.Type.DELEGATION.label)
    with translation.override("de"):
        delegation_de = str(Event.Type.DELEGATION.label)

    assert categories(client.get(url), "Bald") == [delegation_de, "Hamburg"]
    hub.name_de = "Hamburg-Altona"
    hub.name_en = "Hamburg Altona"
    hub.save()

    assert delegation != delegation_de
    assert categories(client.get(url), "Bald") == [delegation_de, "Hamburg-Altona"]
    assert categories(client.get(english_url), "Bald") == [delegation, "Hamburg Altona"]


def test_atom_feed_names_a_series_once_by_its_next_date_and_leaves_out_what_is_over(client):
    first = timezone.now().replace(microsecond=0) + timedelta(days=3)
    series = EventSeries.objects.create(
        frequency="weekly", interval=1, first_start=first, until=first + timedelta(days=14)
    )
    for number, start in enumerate(series.dates()):
        EventFactory(
            title_de=f"Sprechstunde {number}",
            series=series,
            occurrence_start=start,
            start=start,
            end=start + timedelta(hours=1),
        )
    EventFactory(title_de="Vorbei", **days_from_now(-3))

    response = client.get(reverse("events:feed"))

    atom = "{http://www.w3.org/2005/Atom}"
    titles = [
        entry.find(f"{atom}title").text
        for entry in ElementTree.fromstring(response.content).iter(f"{atom}entry")
    ]
    assert titles == ["Sprechstunde 0"]
