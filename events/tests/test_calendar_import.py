"""A hub's own calendar, imported into its moderation queue: from a real HTTP server on this
machine, never published by itself, never twice, and refused where it could reach what it
must not (private addresses, other schemes), is too large or too slow."""

import socket
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.tests.support import LocalWebsite
from events import services
from events.calendar_import import FeedError, fetch, import_feed
from events.models import CalendarFeed, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def server(settings):
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = True  # this machine's loopback stands in for the web
    settings.CALENDAR_IMPORT_TIMEOUT_SECONDS = 2
    website = LocalWebsite()
    yield website
    website.close()


def stamp(when) -> str:
    return timezone.localtime(when).strftime("%Y%m%dT%H%M%S")


def calendar(*events: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hafen//Kalender//DE", *events, "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode()


def vevent(uid, start, *, hours=2, **properties) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp(timezone.now())}Z",
        f"DTSTART;TZID=Europe/Berlin:{stamp(start)}",
        f"DTEND;TZID=Europe/Berlin:{stamp(start + timedelta(hours=hours))}",
        *(f"{name.replace('_', '-').upper()}{value}" for name, value in properties.items()),
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def in_days(days, hour=18):
    return (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def hub_calendar():
    """A single meetup, a monthly series of three with one moved and one left out, a whole day,
    a cancelled event, a past one, an online one."""
    first = in_days(10)
    return calendar(
        vevent("meetup@hafen", in_days(5), summary=":Hafen-Meetup", location=":Am Kai 1, Hamburg"),
        vevent(
            "sprechstunde@hafen",
            first,
            summary=":Sprechstunde",
            location=":Hafenforum",
            rrule=":FREQ=WEEKLY;COUNT=4",
            exdate=f";TZID=Europe/Berlin:{stamp(first + timedelta(weeks=2))}",
        ),
        vevent(
            "sprechstunde@hafen",
            first + timedelta(weeks=1, days=1),
            summary=":Sprechstunde (verlegt)",
            location=":Hafenforum",
            recurrence_id=f";TZID=Europe/Berlin:{stamp(first + timedelta(weeks=1))}",
        ),
        "\r\n".join(
            [
                "BEGIN:VEVENT",
                "UID:tag@hafen",
                f"DTSTART;VALUE=DATE:{in_days(20).strftime('%Y%m%d')}",
                "SUMMARY:Tag der offenen Tür",
                "LOCATION:Hafenforum",
                "END:VEVENT",
            ]
        ),
        vevent("abgesagt@hafen", in_days(6), summary=":Abgesagt", status=":CANCELLED", location=":X"),
        vevent("vorbei@hafen", in_days(-6), summary=":Vorbei", location=":X"),
        vevent("online@hafen", in_days(8), summary=":Webinar", url=":https://webinar.example.org/hafen"),
    )


@pytest.fixture
def feed(hub, server):
    return CalendarFeed.objects.create(hub=hub, url=server.put("/kalender.ics", hub_calendar()))


def test_the_import_brings_each_coming_event_into_the_queue_once(feed, hub, manager, server):
    call_command("import_calendar_feeds", stdout=StringIO())

    events = list(Event.objects.order_by("start"))
    assert [event.title for event in events] == [
        "Hafen-Meetup",
        "Webinar",
        "Sprechstunde",
        "Sprechstunde (verlegt)",
        "Tag der offenen Tür",
        "Sprechstunde",
    ]
    assert {event.status for event in events} == {Event.Status.SUBMITTED}
    assert {event.hub for event in events} == {hub}
    assert len({event.source_key for event in events}) == 6
    webinar = events[1]
    assert (webinar.format, webinar.online_url, webinar.registration_url) == (
        Event.Format.ONLINE,
        "https://webinar.example.org/hafen",
        "https://webinar.example.org/hafen",
    )
    whole_day = events[4]
    assert timezone.localtime(whole_day.start).hour == 0 and whole_day.end - whole_day.start == timedelta(
        days=1
    )
    assert [message.to for message in mail.outbox] == [[manager.email]]
    assert "6 neue oder geänderte Veranstaltungen" in mail.outbox[0].body
    feed.refresh_from_db()
    assert not feed.last_failed and "6 neu" in feed.last_result

    mail.outbox.clear()
    call_command("import_calendar_feeds", stdout=StringIO())

    assert Event.objects.count() == 6  # nothing twice
    assert mail.outbox == []


def test_a_changed_event_is_changed_and_reviewed_again(feed, hub, manager, server):
    import_feed(feed)
    meetup = Event.objects.get(title_de="Hafen-Meetup")
    services.publish_event(event=meetup, moderator=manager)
    server.put("/kalender.ics", hub_calendar().replace(b"SUMMARY:Hafen-Meetup", b"SUMMARY:Hafen-Meetup XL"))

    result = import_feed(feed)

    meetup.refresh_from_db()
    assert (result.created, result.changed) == (0, 1)
    assert (meetup.title, meetup.status, Event.objects.count()) == (
        "Hafen-Meetup XL",
        Event.Status.SUBMITTED,
        6,
    )
    assert meetup.history.first().history_change_reason == "event.reimported"


def test_a_calendar_in_english_gives_the_english_texts(hub, server):
    feed = CalendarFeed.objects.create(hub=hub, url=server.put("/en.ics", hub_calendar()), language="en")

    import_feed(feed)

    assert set(Event.objects.values_list("title_de", flat=True)) == {""}
    assert Event.objects.filter(title_en="Hafen-Meetup", language="en").exists()


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ((404, {}, b"nicht da"), "Status 404"),
        (
            (200, {"Content-Type": "text/html"}, b"<html>kein Kalender</html>"),
            "kein Kalender im iCalendar-Format",
        ),
        ((302, {"Location": "/kalender.ics"}, b""), "zu oft weiter"),  # to itself
    ],
)
def test_a_feed_that_is_not_a_calendar_is_recorded_and_imports_nothing(hub, server, page, message):
    server.pages["/kalender.ics"] = page
    feed = CalendarFeed.objects.create(hub=hub, url=f"{server.url}/kalender.ics")

    with pytest.raises(FeedError):
        import_feed(feed)

    feed.refresh_from_db()
    assert feed.last_failed and message in feed.last_result
    assert not Event.objects.exists()


def test_redirects_are_followed(hub, server):
    server.put("/neu.ics", hub_calendar())
    server.pages["/alt.ics"] = (301, {"Location": "/neu.ics"}, b"")

    assert b"Hafen-Meetup" in fetch(f"{server.url}/alt.ics")


def test_a_calendar_too_large_is_refused(server, settings):
    settings.CALENDAR_IMPORT_MAX_BYTES = 1000
    url = server.put(
        "/gross.ics", calendar(*[vevent(f"{n}@x", in_days(5), summary=":X" * 50) for n in range(20)])
    )

    with pytest.raises(FeedError, match="größer als"):
        fetch(url)


def test_a_calendar_too_slow_is_refused_in_time(server, settings):
    settings.CALENDAR_IMPORT_TIMEOUT_SECONDS = 1
    server.delay = 3
    url = server.put("/langsam.ics", hub_calendar())
    started = time.monotonic()

    with pytest.raises(FeedError, match="keine Antwort"):
        fetch(url)

    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/kalender.ics",
        "http://localhost/kalender.ics",
        "http://10.1.2.3/kalender.ics",
        "http://192.168.0.1/kalender.ics",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/kalender.ics",
        "http://0.0.0.0/kalender.ics",
    ],
)
def test_private_and_loopback_addresses_are_refused_in_production(settings, url):
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = False

    with pytest.raises(FeedError, match="keine öffentliche"):
        fetch(url)


def test_a_name_that_resolves_to_a_private_address_is_refused(settings, monkeypatch):
    """A public-looking name whose DNS answer is private (rebinding): the answer is checked."""
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = False
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: answers)

    with pytest.raises(FeedError, match="keine öffentliche"):
        fetch("http://kalender.example.org/hafen.ics")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/k.ics", "gopher://x/"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FeedError, match="http- oder https"):
        fetch(url)


def test_the_model_refuses_other_schemes_in_the_admin(client, manager, hub):
    client.force_login(manager)

    response = client.post(
        reverse("admin:events_calendarfeed_add"),
        {"hub": hub.pk, "url": "file:///etc/passwd", "language": "de"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"]
    assert not CalendarFeed.objects.exists()


def test_a_manager_adds_a_calendar_for_their_hub_only(client, manager, hub, other_hub):
    client.force_login(manager)

    refused = client.post(
        reverse("admin:events_calendarfeed_add"),
        {"hub": other_hub.pk, "url": "https://berlin.example.org/k.ics", "language": "de", "active": "on"},
    )
    client.post(
        reverse("admin:events_calendarfeed_add"),
        {"hub": hub.pk, "url": "https://hamburg.example.org/k.ics", "language": "de", "active": "on"},
    )

    assert refused.status_code == 200 and refused.context["adminform"].form.errors["hub"]
    assert CalendarFeed.objects.get().added_by == manager


def test_a_paused_calendar_is_not_imported(feed):
    feed.active = False
    feed.save()

    call_command("import_calendar_feeds", stdout=StringIO())

    assert not Event.objects.exists()
