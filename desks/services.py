"""Booking desks with the Start-up Card: booking and cancelling, no-shows, reminders and
removing the member from old bookings.

Bookings of a space are counted with the space's row locked, so that simultaneous requests
for the last desk are served one after the other and no day is overbooked. The member's own
row is locked too, so that their fair-use limit holds across spaces.
"""

from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import User

from . import permissions, tasks
from .models import DeskBooking, DeskSpace

# How many days one request may book: a working fortnight.
MAX_DAYS_PER_REQUEST = 10


class DeskError(Exception):
    """A booking the rules do not allow; the message is for the member."""


def bookable_days(space: DeskSpace, *, first: date, last: date) -> list[date]:
    """The days from `first` to `last` (inclusive) on which `space` opens."""
    return [
        first + timedelta(days=offset)
        for offset in range((last - first).days + 1)
        if space.is_open_on(first + timedelta(days=offset))
    ]


def book_desks(*, space: DeskSpace, user: User, first: date, last: date) -> list[DeskBooking]:
    """Book a desk in `space` on every day it opens from `first` to `last`: all of them or none."""
    refusal = permissions.booking_refusal(user, space)
    if refusal:
        raise DeskError(refusal.reason)
    today = timezone.localdate()
    if first < today:
        raise DeskError(_("Desks can be booked from today on."))
    if last < first:
        raise DeskError(_("The last day cannot lie before the first."))
    if last > today + timedelta(days=settings.DESK_BOOKING_HORIZON_DAYS):
        raise DeskError(
            _("Desks can be booked up to %(days)s days ahead.") % {"days": settings.DESK_BOOKING_HORIZON_DAYS}
        )
    days = bookable_days(space, first=first, last=last)
    if not days:
        raise DeskError(_("The space is closed on the days you chose."))
    if len(days) > MAX_DAYS_PER_REQUEST:
        raise DeskError(_("Please book at most %(days)s days at a time.") % {"days": MAX_DAYS_PER_REQUEST})
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        space = DeskSpace.objects.select_for_update().get(pk=space.pk)
        taken = DeskBooking.objects.taken_per_day([space], days)
        full = [day for day in days if taken.get((space.pk, day), 0) >= space.desk_count]
        if full:
            raise DeskError(
                ngettext(
                    "No desk is free on %(days)s.", "No desk is free on these days: %(days)s.", len(full)
                )
                % {"days": ", ".join(formats.date_format(day, "SHORT_DATE_FORMAT") for day in full)}
            )
        mine = DeskBooking.objects.holding().filter(user=user)
        already = sorted(set(mine.filter(day__in=days).values_list("day", flat=True)))
        if already:
            raise DeskError(
                _("You already have a desk on %(days)s.")
                % {"days": ", ".join(formats.date_format(day, "SHORT_DATE_FORMAT") for day in already)}
            )
        check_fair_use(user, days)
        bookings = DeskBooking.objects.bulk_create(
            DeskBooking(space=space, user=user, day=day) for day in days
        )
        tasks.confirm_booking.enqueue(booking_ids=[booking.pk for booking in bookings])
    return bookings


def check_fair_use(user: User, days: list[date]) -> None:
    """At most DESK_DAYS_PER_MONTH desk-days in any calendar month, no-shows included."""
    limit = settings.DESK_DAYS_PER_MONTH
    wanted = Counter((day.year, day.month) for day in days)
    for (year, month), number in wanted.items():
        held = DeskBooking.objects.holding().filter(user=user, day__year=year, day__month=month).count()
        if held + number > limit:
            raise DeskError(
                _(
                    "The Start-up Card allows %(limit)s desk-days a month; you have %(left)s left in %(month)s."
                )
                % {
                    "limit": limit,
                    "left": max(limit - held, 0),
                    "month": formats.date_format(date(year, month, 1), "YEAR_MONTH_FORMAT"),
                }
            )


def cancel_booking(*, booking: DeskBooking, user: User) -> DeskBooking:
    """The member gives a desk back, until the day before."""
    with transaction.atomic():
        booking = DeskBooking.objects.select_for_update().get(pk=booking.pk)
        if not permissions.can_cancel(user, booking):
            raise DeskError(_("A booking can be cancelled until the day before."))
        booking.status = DeskBooking.Status.CANCELLED
        booking.save(update_fields=["status", "updated"])
    return booking


def mark_no_show(*, booking: DeskBooking, manager: User, no_show: bool = True) -> DeskBooking:
    """The space's manager marks that the founder did not come (or takes the mark back)."""
    with transaction.atomic():
        booking = DeskBooking.objects.select_for_update().select_related("space").get(pk=booking.pk)
        if not permissions.can_see_bookings(manager, booking.space):
            raise DeskError(_("Only the hub's managers and the Hub-Agency can mark bookings."))
        if booking.status == DeskBooking.Status.CANCELLED:
            raise DeskError(_("The booking was cancelled."))
        if booking.day > timezone.localdate():
            raise DeskError(_("Nobody can miss a day that has not come yet."))
        booking.status = DeskBooking.Status.NO_SHOW if no_show else DeskBooking.Status.BOOKED
        booking.save(update_fields=["status", "updated"])
    return booking


def send_reminders(*, day: date) -> int:
    """Remind everyone with a desk on `day`; each booking once. Returns how many were reminded."""
    with transaction.atomic():
        due = list(
            DeskBooking.objects.select_for_update(skip_locked=True)
            .filter(day=day, status=DeskBooking.Status.BOOKED, reminded=False, user__isnull=False)
            .values_list("pk", flat=True)
        )
        DeskBooking.objects.filter(pk__in=due).update(reminded=True)
        for booking_id in due:
            tasks.remind_booking.enqueue(booking_id=booking_id)
    return len(due)


def remove_members_from_old_bookings(*, today: date | None = None) -> int:
    """Bookings older than DESK_BOOKING_RETENTION_DAYS lose the member; the counts stay."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.DESK_BOOKING_RETENTION_DAYS)
    return DeskBooking.objects.filter(day__lt=cutoff, user__isnull=False).update(user=None)
