"""Desk bookings as iCalendar entries, one per day, for the confirmation email."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from core.mail import absolute_url
from events.calendar import PRODUCT_ID, local_timezone

from .models import DeskBooking


def booking_component(booking: DeskBooking) -> icalendar.Event:
    space = booking.space
    tz = timezone.get_current_timezone()
    component = icalendar.Event()
    component.add("uid", f"desk-booking-{booking.pk}@{urlsplit(settings.PORTAL_URL).hostname}")
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("dtstart", datetime.combine(booking.day, space.opens_at, tzinfo=tz))
    component.add("dtend", datetime.combine(booking.day, space.closes_at, tzinfo=tz))
    component.add("summary", f"{space.name} · {space.hub.name}")
    component.add("location", space.address)
    component.add("description", space.house_rules)
    component.add("url", absolute_url(space.get_absolute_url()))
    component.add("status", "CONFIRMED" if booking.is_booked else "CANCELLED")
    return component


def booking_calendar(bookings) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(local_timezone())
    for booking in bookings:
        calendar.add_component(booking_component(booking))
    return calendar.to_ical()
