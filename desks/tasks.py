"""Emails about desk bookings, written in the background worker (see events.tasks)."""

from django.urls import reverse
from django_tasks import task

from core.mail import absolute_url, in_language_of, send_portal_mail

from .calendar import booking_calendar
from .models import DeskBooking


def bookings_with_spaces(ids):
    return list(
        DeskBooking.objects.select_related("space__hub", "user")
        .filter(pk__in=ids, user__isnull=False)
        .order_by("day")
    )


@task()
def confirm_booking(*, booking_ids: list[int]) -> None:
    """Confirm the days a founder booked, with the house rules and the days as a calendar file."""
    bookings = [booking for booking in bookings_with_spaces(booking_ids) if booking.is_booked]
    if not bookings:
        return
    member = bookings[0].user
    with in_language_of(member):
        send_portal_mail(
            to=[member.email],
            template="desks/email/booked",
            context={
                "space": bookings[0].space,
                "bookings": bookings,
                "space_url": absolute_url(bookings[0].space.get_absolute_url()),
                "dashboard_url": absolute_url(reverse("members:dashboard")),
            },
            attachments=[("desk.ics", booking_calendar(bookings), "text/calendar")],
        )


@task()
def remind_booking(*, booking_id: int) -> None:
    """The day before: the desk, the address, the opening hours and the house rules."""
    bookings = [booking for booking in bookings_with_spaces([booking_id]) if booking.is_booked]
    if not bookings:
        return
    booking = bookings[0]
    with in_language_of(booking.user):
        send_portal_mail(
            to=[booking.user.email],
            template="desks/email/reminder",
            context={
                "space": booking.space,
                "booking": booking,
                "space_url": absolute_url(booking.space.get_absolute_url()),
                "dashboard_url": absolute_url(reverse("members:dashboard")),
            },
        )
