"""iCalendar (RFC 5545) for events, with the icalendar library."""

from datetime import UTC

import icalendar
from django.utils import timezone

from hubportal.mail import absolute_url

from .models import Event

PRODUCT_ID = "-//Digital Hub Initiative//hubportal//DE"


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


def calendar_file(events, *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()
