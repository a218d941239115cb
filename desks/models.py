"""The Start-up Card: guest desks the hubs offer to founders of other hubs, and their bookings."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.translation import TranslatedField
from members.permissions import CuratedByHubQuerySet


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def working_days() -> list[int]:
    return [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY]


class DeskSpaceQuerySet(CuratedByHubQuerySet):
    def active(self):
        return self.filter(active=True)


class DeskSpace(models.Model):
    """A hub's space with guest desks for founders of other hubs (the Start-up Card)."""

    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.PROTECT, related_name="desk_spaces", verbose_name=_("hub")
    )
    name_de = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("address"), max_length=90, unique=True)
    address = models.CharField(_("address"), max_length=300, help_text=_("Street, postcode and city."))
    opening_days = models.JSONField(
        _("opening days"), default=working_days, help_text=_("The weekdays guests can book.")
    )
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    desk_count = models.PositiveSmallIntegerField(_("guest desks"), help_text=_("Desks bookable per day."))
    description_de = models.TextField(_("description (German)"), max_length=1000, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=1000, blank=True)
    house_rules_de = models.TextField(
        _("house rules (German)"),
        max_length=3000,
        blank=True,
        help_text=_("Sent with every booking confirmation: access, Wi-Fi, what to bring."),
    )
    house_rules_en = models.TextField(_("house rules (English)"), max_length=3000, blank=True)
    active = models.BooleanField(
        _("bookable"),
        default=True,
        help_text=_("Switch off instead of deleting: bookings keep their history."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    name = TranslatedField()
    description = TranslatedField()
    house_rules = TranslatedField()

    objects = DeskSpaceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("desk space")
        verbose_name_plural = _("desk spaces")
        ordering = ["hub__name_de", "name_de"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="desk_space_closes_after_opening"
            ),
            models.CheckConstraint(condition=Q(desk_count__gte=1), name="desk_space_has_a_desk"),
            models.UniqueConstraint(fields=["hub", "name_de"], name="desk_space_unique_name_per_hub"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("desks:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The space must close after it opens.")
        days = self.opening_days
        if not isinstance(days, list) or not days or any(day not in Weekday.values for day in days):
            errors["opening_days"] = _("Choose at least one weekday.")
        if errors:
            raise ValidationError(errors)

    def is_open_on(self, day: date) -> bool:
        return day.weekday() in self.opening_days

    @property
    def opening_day_names(self) -> list[str]:
        return [label for value, label in Weekday.choices if value in self.opening_days]

    def open_days(self, *, first: date, number: int) -> list[date]:
        """The next `number` days from `first` on which the space opens (at most a year ahead)."""
        days, day = [], first
        while len(days) < number and day < first + timedelta(days=366):
            if self.is_open_on(day):
                days.append(day)
            day += timedelta(days=1)
        return days


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("Did not come")


# A booking that holds a desk (a no-show held it too, and counts against the founder's month).
HOLDING_STATUSES = (BookingStatus.BOOKED, BookingStatus.NO_SHOW)


class DeskBookingQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def count_desk_days(self):
        """The desk-days of these bookings (per group of a values()): booked (held: booked or a
        no-show), used (booked, on a day already past), missed (no-shows) and cancelled. The one
        definition for the desks' counts and the network's figures."""
        today = timezone.localdate()
        return self.annotate(
            booked=Count("pk", filter=Q(status__in=HOLDING_STATUSES)),
            used=Count("pk", filter=Q(status=BookingStatus.BOOKED, day__lt=today)),
            missed=Count("pk", filter=Q(status=BookingStatus.NO_SHOW)),
            cancelled=Count("pk", filter=Q(status=BookingStatus.CANCELLED)),
        )

    def taken_per_day(self, spaces, days) -> dict[tuple[int, date], int]:
        """How many desks each space has taken on each day, in one query."""
        rows = (
            self.holding()
            .filter(space__in=spaces, day__in=days)
            .values("space_id", "day")
            .annotate(taken=Count("pk"))
            .order_by()
        )
        return {(row["space_id"], row["day"]): row["taken"] for row in rows}


class DeskBooking(models.Model):
    """A founder's desk in a space for one day. The member is removed some time after the day
    (DESK_BOOKING_RETENTION_DAYS, or when they delete their account); the counts remain."""

    Status = BookingStatus

    space = models.ForeignKey(
        DeskSpace, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("desk space")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="desk_bookings",
        verbose_name=_("member"),
    )
    day = models.DateField(_("day"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    reminded = models.BooleanField(_("reminded"), default=False)
    created = models.DateTimeField(_("booked"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = DeskBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("desk booking")
        verbose_name_plural = _("desk bookings")
        ordering = ["day", "created", "pk"]
        constraints = [
            # One desk a day for a founder, wherever it is.
            models.UniqueConstraint(
                fields=["user", "day"],
                condition=Q(status__in=HOLDING_STATUSES),
                name="desk_booking_one_desk_a_day",
                violation_error_message=_("You already have a desk on this day."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=BookingStatus.values), name="desk_booking_status_known"
            ),
        ]
        indexes = [
            models.Index(fields=["space", "day", "status"]),
            models.Index(fields=["user", "day"]),
            models.Index(fields=["day", "status"]),
        ]

    def __str__(self):
        return f"{self.space} · {self.day.isoformat()}"

    @property
    def is_booked(self) -> bool:
        return self.status == self.Status.BOOKED


def availability(spaces, *, first: date, number: int) -> dict[int, list[tuple[date, int]]]:
    """For each space, its next `number` open days from `first` with the desks still free, from
    one query for all of them."""
    spaces = list(spaces)
    open_days = {space.pk: space.open_days(first=first, number=number) for space in spaces}
    taken = DeskBooking.objects.taken_per_day(
        spaces, sorted({day for days in open_days.values() for day in days})
    )
    return {
        space.pk: [
            (day, max(space.desk_count - taken.get((space.pk, day), 0), 0)) for day in open_days[space.pk]
        ]
        for space in spaces
    }
