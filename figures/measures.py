"""The network in numbers: what the programme is judged by, counted by the database.

`count(scope)` returns plain numbers (JSON-able, keyed by hub id, month and code) for a scope
(some hubs or the whole network, and a period); `numbers(scope)` keeps them in the cache,
where `refresh_figures` (hourly, deploy/systemd) puts the usual scopes before anybody asks.
Labels are added when the numbers are shown (figures.tables), in the reader's language.

What is counted, for the period's days:
- members: people with a membership at the period's end, and memberships by the member's type;
  new members: people whose first membership (of the scope's hubs) began in the period, counted
  once, in the month it began, so that they are a part of the members;
- events: published events (not cancelled) by the month they start, by type and by format,
  attributed to the hosting hub; their confirmed registrations and recorded attendance;
- cross-hub attendance: confirmed registrations at the scope's events by members of another hub
  who are not members of the host, each once (a part of the registrations); and the same visits
  in both directions as pairs of the member's hub and the host (a member of two other hubs is
  in a pair for each);
- desk-days: bookings that held a desk (booked or no-show) by day, and those used (booked,
  not marked as no-show, on a day already past);
- introductions: requested in the period by month, of those accepted, and of the accepted ones
  those with an outcome other than "nothing came of it";
- partners: partnerships of hubs with published organisations, in force at the period's end.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from desks.models import HOLDING_STATUSES, DeskBooking
from events.models import Event, Registration
from formats.models import Outcome as EventOutcome
from introductions.models import Introduction
from members.models import Membership
from partners.models import Organisation, Partnership

CACHE_SECONDS = 2 * 60 * 60  # refreshed hourly; a missed refresh shows numbers an hour older
VERSION = 2  # of what count() returns: a release that changes it leaves the old numbers unread


@dataclass(frozen=True)
class Scope:
    """Whose numbers (hub ids; none for the whole network) for which days (both included)."""

    hubs: tuple[int, ...]
    start: date
    end: date

    @property
    def months(self) -> list[date]:
        months, month = [], self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = (month + timedelta(days=32)).replace(day=1)
        return months

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @property
    def cache_key(self) -> str:
        hubs = "-".join(map(str, self.hubs)) or "all"
        return f"figures:{VERSION}:{hubs}:{self.start.isoformat()}:{self.end.isoformat()}"


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve months: from the first day of the month a year before `today`'s month."""
    today = today or timezone.localdate()
    month = today.month + 1 if today.month < 12 else 1
    year = today.year - 1 if today.month < 12 else today.year
    return date(year, month, 1), today


def counted_at(counted: dict) -> datetime:
    return datetime.fromisoformat(counted["counted"])


def numbers(scope: Scope) -> dict:
    """The numbers of `scope`, from the cache when the refresh or an earlier visit put them there."""
    found = cache.get(scope.cache_key)
    return found if found is not None else refresh(scope)


def refresh(scope: Scope) -> dict:
    found = count(scope)
    cache.set(scope.cache_key, found, CACHE_SECONDS)
    return found


def _month(value) -> str:
    return value.isoformat()[:7]  # a date or, in the current time zone, a datetime


def _keyed(rows, key: str, *fields: str) -> dict:
    """{row[key]: row[field]} of aggregate rows, or {row[key]: [fields…]} for several fields."""
    named = (lambda value: _month(value)) if key == "month" else str
    if len(fields) == 1:
        return {named(row[key]): row[fields[0]] or 0 for row in rows}
    return {named(row[key]): [row[field] or 0 for field in fields] for row in rows}


def count(scope: Scope) -> dict:
    """Every number of the dashboard for `scope`, each from one aggregate query."""

    def within(field):
        return Q(**{f"{field}__in": scope.hubs}) if scope.hubs else Q()

    memberships = Membership.objects.filter(within("hub"), joined__lt=scope.until)
    # A member's first membership of the scope's hubs, if it began in the period.
    first_joined = Membership.objects.filter(within("hub"), user=OuterRef("user")).order_by("joined", "pk")
    first_memberships = memberships.filter(
        joined__gte=scope.since, pk=Subquery(first_joined.values("pk")[:1])
    )
    events = Event.objects.published().filter(within("hub"), start__gte=scope.since, start__lt=scope.until)
    registrations = Registration.objects.confirmed().filter(event__in=events)
    # Registrations of members at events of a hub they are not members of, paired with each of
    # their hubs (which are therefore all other hubs), for either side in the scope.
    visits = (
        Registration.objects.confirmed()
        .filter(
            event__status=Event.Status.PUBLISHED,
            event__start__gte=scope.since,
            event__start__lt=scope.until,
        )
        .exclude(Exists(Membership.objects.filter(user=OuterRef("user"), hub=OuterRef("event__hub"))))
    )
    visitors = registrations.exclude(
        Exists(Membership.objects.filter(user=OuterRef("user"), hub=OuterRef("event__hub")))
    ).filter(Exists(Membership.objects.filter(user=OuterRef("user"))))
    cross_hub = (
        Membership.objects.filter(
            Q(user__event_registrations__in=visits)
            & (within("hub") | within("user__event_registrations__event__hub"))
        )
        .values("hub", "user__event_registrations__event__hub")
        .annotate(number=Count("pk"))
        .order_by()
    )
    desk_days = DeskBooking.objects.filter(
        within("space__hub"), day__gte=scope.start, day__lte=scope.end, status__in=HOLDING_STATUSES
    )
    introductions = Introduction.objects.filter(
        within("hub"), created__gte=scope.since, created__lt=scope.until
    )
    partnerships = Partnership.objects.filter(
        within("hub"), since__lte=scope.end, organisation__status=Organisation.Status.PUBLISHED
    )

    def monthly(queryset, field):
        return queryset.annotate(month=TruncMonth(field)).values("month").order_by()

    return {
        "members": memberships.aggregate(number=Count("user", distinct=True))["number"],
        "members_by_type": {
            f"{row['hub']}:{row['user__profile__member_type'] or ''}": row["number"]
            for row in memberships.values("hub", "user__profile__member_type")
            .annotate(number=Count("pk"))
            .order_by()
        },
        "new_members": _keyed(
            monthly(first_memberships, "joined").annotate(number=Count("user", distinct=True)),
            "month",
            "number",
        ),
        "events": _keyed(monthly(events, "start").annotate(number=Count("pk")), "month", "number"),
        "events_by_type": _keyed(
            events.values("event_type").annotate(number=Count("pk")).order_by(), "event_type", "number"
        ),
        "events_by_format": _keyed(
            events.values("format").annotate(number=Count("pk")).order_by(), "format", "number"
        ),
        "events_by_hub": _keyed(
            events.values("hub").annotate(number=Count("pk")).order_by(), "hub", "number"
        ),
        "registrations": _keyed(
            monthly(registrations, "event__start").annotate(number=Count("pk")), "month", "number"
        ),
        "attendance": _keyed(
            monthly(EventOutcome.objects.filter(event__in=events), "event__start").annotate(
                number=Sum("attendance")
            ),
            "month",
            "number",
        ),
        "cross_hub_registrations": visitors.count(),
        "cross_hub": {
            f"{row['hub']}:{row['user__event_registrations__event__hub']}": row["number"] for row in cross_hub
        },
        "desk_days": _keyed(
            monthly(desk_days, "day").count_desk_days(),
            "month",
            "booked",
            "used",
        ),
        "introductions": _keyed(
            monthly(introductions, "created").count_by_step(),
            "month",
            "requested",
            "accepted",
            "with_outcome",
        ),
        "partners": _keyed(
            partnerships.values("hub").annotate(number=Count("pk")).order_by(), "hub", "number"
        ),
        "partner_organisations": partnerships.aggregate(number=Count("organisation", distinct=True))[
            "number"
        ],
        "counted": timezone.now().isoformat(),
    }
