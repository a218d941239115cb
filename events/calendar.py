"""iCalendar (RFC 5545) for events, with the icalendar library.

A feed lists up to a thousand events, and making an entry is the slow part (about a third of
a millisecond each), so each event's entry is kept in the shared cache under what it shows:
the event as last saved, the language, the names of its hubs. A feed made anew after one event
changed makes one entry and reads the others.
"""

import hashlib
from datetime import UTC
from functools import cache as once

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from hubportal.mail import absolute_url

from .models import Event

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
    component.add("summary", event.title)
    component.add("description", event.description)
    component.add("url", absolute_url(event.get_absolute_url()))
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    location = ", ".join(part for part in [event.venue, event.address] if part) or event.online_url
    if location:
        component.add("location", location)
    component.add("categories", [event.get_event_type_display(), *[hub.name for hub in event.hubs]])
    return component


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


def entries(events) -> list[bytes]:
    """Each event's VEVENT, from the cache where it was made before."""
    by_key = {entry_key(event): event for event in events}
    found = cache.get_many(list(by_key))
    made = {key: event_component(event).to_ical() for key, event in by_key.items() if key not in found}
    if made:
        cache.set_many(made, ENTRY_SECONDS)
    return [found.get(key) or made[key] for key in by_key]


@once
def local_timezone() -> icalendar.Timezone:
    """The VTIMEZONE of the portal's time zone, in which every entry gives its times."""
    return icalendar.Timezone.from_tzid(settings.TIME_ZONE)


def calendar_file(events, *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    events = list(events)
    if events:
        calendar.add_component(local_timezone())
    head = calendar.to_ical().removesuffix(END)
    return head + b"".join(entries(events)) + END
