"""iCalendar (RFC 5545) for events, with the icalendar library.

A feed lists up to a thousand events, and making an entry is the slow part (about a third of
a millisecond each), so each event's entry is kept in the shared cache under what it shows:
the event as last saved, the language, the names of its hubs. A feed made anew after one event
changed makes one entry and reads the others.

The network's and the hubs' calendars give a series as one entry (RFC 5545): the rule (RRULE),
the dates the rule gives without a published event (EXDATE), and the dates moved or changed
on their own (RECURRENCE-ID), so that a calendar shows "every first Tuesday" and keeps up with
the exceptions. A member's own calendar, and a date's download, give the dates they chose.
"""

import hashlib
from datetime import UTC
from functools import cache as once
from itertools import groupby

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from core.mail import absolute_url

from .models import Event, EventSeries

PRODUCT_ID = "-//Digital Hub Initiative//hubportal//DE"
ENTRY_SECONDS = 24 * 60 * 60
END = b"END:VCALENDAR\r\n"


def event_component(event: Event) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.ical_uid)
    component.add("sequence", event.revision)
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("last-modified", event.updated.astimezone(UTC))
    component.add("dtstart", timezone.localtime(event.start))
    component.add("dtend", timezone.localtime(event.end))
    language = {"LANGUAGE": event.text_language}
    component.add("summary", event.title, parameters=language)
    component.add("description", event.description, parameters=language)
    component.add("url", absolute_url(event.get_absolute_url()))
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    location = ", ".join(part for part in [event.venue, event.address] if part) or event.online_url
    if location:
        component.add("location", location)
    component.add("categories", [event.get_event_type_display(), *[hub.name for hub in event.hubs]])
    return component


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def recurrence_rule(series: EventSeries) -> dict:
    """The series' rule as RRULE; UNTIL in UTC, as RFC 5545 requires beside a DTSTART with TZID."""
    rule = {"FREQ": "WEEKLY" if series.frequency == EventSeries.Frequency.WEEKLY else "MONTHLY"}
    if series.interval > 1:
        rule["INTERVAL"] = series.interval
    if series.frequency != EventSeries.Frequency.WEEKLY:
        rule["BYDAY"] = f"{series.position}{WEEKDAY_CODES[series.local_first.weekday()]}"
    rule["UNTIL"] = series.until.astimezone(UTC)
    return rule


def shown_alike(date: Event, reference: Event) -> bool:
    """Whether a date of a series is what the series' entry says of it, but for its address."""

    def shown(event):
        return (
            event.start - event.occurrence_start,
            event.end - event.start,
            event.title,
            event.description,
            event.venue,
            event.address,
            event.online_url,
            event.event_type,
            [hub.pk for hub in event.hubs],
        )

    return shown(date) == shown(reference)


def series_components(series: EventSeries, dates: list[Event]) -> list[icalendar.Event]:
    """A series' entry, with its rule, and one for each date moved or changed on its own."""
    published = [date for date in dates if date.is_published]
    reference = (published or dates)[0]
    main = event_component(reference)
    for name in ("uid", "dtstart", "dtend", "url", "sequence", "last-modified"):
        del main[name]
    main.add("uid", series.ical_uid)
    main.add("sequence", max(date.revision for date in dates))
    main.add("last-modified", max(date.updated for date in dates).astimezone(UTC))
    first = timezone.localtime(series.first_start)
    main.add("dtstart", first)
    main.add("dtend", first + (reference.end - reference.start))
    main.add("rrule", recurrence_rule(series))
    main.add("url", absolute_url(series.get_absolute_url()))
    taking_place = {date.occurrence_start for date in published}
    exceptions = [start for start in series.dates() if start not in taking_place]
    if exceptions and published:
        main.add("exdate", [timezone.localtime(start) for start in exceptions])
    components = [main]
    for date in published:
        if not date.is_moved and shown_alike(date, reference):
            continue  # the rule says it all
        override = event_component(date)
        del override["uid"]
        override.add("uid", series.ical_uid)
        override.add("recurrence-id", timezone.localtime(date.occurrence_start))
        components.append(override)
    return components


def entry_key(event: Event) -> str:
    shown = (
        event.pk,
        event.updated.isoformat(),
        event.revision,
        get_language(),
        [hub.name for hub in event.hubs],
        settings.PORTAL_URL,
    )
    return "ics-entry:" + hashlib.sha256(repr(shown).encode()).hexdigest()


def series_key(series: EventSeries, dates: list[Event]) -> str:
    shown = (
        series.pk,
        series.frequency,
        series.interval,
        series.first_start.isoformat(),
        series.until.isoformat(),
        [entry_key(date) for date in dates],
    )
    return "ics-series:" + hashlib.sha256(repr(shown).encode()).hexdigest()


def entries(events, *, as_series: bool = False) -> list[bytes]:
    """Each event's VEVENT (with `as_series`, each series' VEVENTs), from the cache where it was
    made before."""
    events = list(events)
    makers = {entry_key(event): lambda event=event: event_component(event).to_ical() for event in events}
    if as_series:
        makers = {
            key: make
            for (key, make), event in zip(makers.items(), events, strict=True)
            if event.series_id is None
        }
        for series, dates in dates_of_series(events):
            makers[series_key(series, dates)] = lambda series=series, dates=dates: b"".join(
                component.to_ical() for component in series_components(series, dates)
            )
    found = cache.get_many(list(makers))
    made = {key: make() for key, make in makers.items() if key not in found}
    if made:
        cache.set_many(made, ENTRY_SECONDS)
    return [found.get(key) or made[key] for key in makers]


def dates_of_series(events) -> list[tuple[EventSeries, list[Event]]]:
    """The series among `events`, each with all its public dates (a calendar's window may hold
    only some of them; the entry is for all), in one query."""
    ids = {event.series_id for event in events if event.series_id}
    if not ids:
        return []
    dates = (
        Event.objects.public()
        .filter(series__in=ids)
        .select_related("series")
        .with_named_relations()
        .order_by("series", "occurrence_start")
    )
    return [(series, list(its)) for series, its in groupby(dates, key=lambda date: date.series)]


@once
def local_timezone() -> icalendar.Timezone:
    """The VTIMEZONE of the portal's time zone, in which every entry gives its times."""
    return icalendar.Timezone.from_tzid(settings.TIME_ZONE)


def calendar_file(events, *, name: str, as_series: bool = False) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    events = list(events)
    if events:
        calendar.add_component(local_timezone())
    head = calendar.to_ical().removesuffix(END)
    return head + b"".join(entries(events, as_series=as_series)) + END
