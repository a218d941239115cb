import secrets
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.aggregates import ids_of
from core.search import admin_search_indexes
from core.translation import ShownLanguage, TranslatedField
from hubs.reference import network
from members.permissions import CuratedByHubQuerySet, visible_profiles

DESCRIPTION_MAX_LENGTH = 10_000

# The columns of each text, one per language (core.translation).
TEXT_LANGUAGES = ("de", "en")
TEXT_FIELDS = {
    name: tuple(f"{name}_{language}" for language in TEXT_LANGUAGES) for name in ("title", "description")
}


class EventQuerySet(CuratedByHubQuerySet):
    def public(self):
        """Events the public sees: published ones, and cancelled ones so that people learn of it."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def published(self):
        """Events that take place as announced (not cancelled)."""
        return self.filter(status=EventStatus.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=EventStatus.SUBMITTED)

    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def next_of_each_series(self, *, since=None):
        """A series once, by its next published date (from the day `since` on, when a list is
        filtered so), so that a weekly office hour does not flood the lists; events outside
        series as they are. The rest of a series is on its pages."""
        after = timezone.now()
        if since is not None:
            after = max(after, timezone.make_aware(datetime.combine(since, datetime.min.time())))
        earlier = (
            Event.objects.published()
            .filter(
                series=models.OuterRef("series"),
                end__gte=after,
            )
            .filter(
                Q(start__lt=models.OuterRef("start"))
                | Q(start=models.OuterRef("start"), pk__lt=models.OuterRef("pk"))
            )
        )
        return self.filter(Q(series__isnull=True) | Q(status=EventStatus.PUBLISHED) & ~models.Exists(earlier))

    def for_hub(self, hub):
        """Events hosted or co-hosted by `hub` (a subquery, so that no join multiplies the rows)."""
        cohosted = Event.cohosts.through.objects.filter(hub=hub).values("event_id")
        return self.filter(Q(hub=hub) | Q(pk__in=cohosted))

    def with_named_relations(self):
        """The co-hosts' and themes' ids, which Event.hubs and Event.themes name from the cached
        network (hubs.reference) instead of a query per relation."""
        return self.annotate(
            cohost_ids=ids_of(Event.cohosts.through, through_field="hub_id", owner_field="event"),
            theme_ids=ids_of(Event.focus_themes.through, through_field="focustheme_id", owner_field="event"),
        )

    def for_cards(self):
        """What event cards show, in one query at any length."""
        return self.defer(*TEXT_FIELDS["description"]).select_related("series").with_named_relations()

    def for_page(self, viewer):
        """What an event's page shows, in one query: the event, its hub, co-hosts and themes, the
        organiser's profile with whether `viewer` may see it (`organiser_shown`) and how many of
        their events were published (`organiser_published`, see permissions.is_trusted_organiser),
        the number of open reports and whether `viewer` reported it."""
        return (
            self.select_related("hub", "organiser__profile", "series")
            .with_named_relations()
            .annotate(
                organiser_shown=models.Exists(
                    visible_profiles(viewer).filter(user_id=models.OuterRef("organiser_id"))
                ),
                open_reports=models.functions.Coalesce(
                    models.Subquery(
                        EventReport.objects.open()
                        .filter(event=models.OuterRef("pk"))
                        .order_by()
                        .values("event")
                        .annotate(number=models.Count("pk"))
                        .values("number")
                    ),
                    0,
                ),
                organiser_published=models.functions.Coalesce(
                    models.Subquery(
                        Event.objects.filter(
                            organiser=models.OuterRef("organiser_id"), status__in=PUBLIC_STATUSES
                        )
                        .order_by()
                        .values("organiser")
                        .annotate(number=models.Count("pk"))
                        .values("number")
                    ),
                    0,
                ),
                reported_by_viewer=models.Exists(
                    EventReport.objects.filter(event=models.OuterRef("pk"), reporter_id=viewer.pk)
                )
                if viewer.is_authenticated
                else models.Value(False),
            )
        )


class SeriesFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly, on the same weekday")
    MONTHLY = "monthly", _("Monthly, on the same weekday (e.g. every first Tuesday)")
    MONTHLY_LAST = "monthly_last", _("Monthly, on the last such weekday (e.g. every last Friday)")


SERIES_MAX_OCCURRENCES = 60
SERIES_MAX_SPAN = timedelta(days=2 * 366)
SERIES_MAX_INTERVAL = 12
# "first" … "fourth" weekday of a month; a fifth is not in every month (see EventSeries.clean).
ORDINALS = {
    1: _("every first %(weekday)s of the month"),
    2: _("every second %(weekday)s of the month"),
    3: _("every third %(weekday)s of the month"),
    4: _("every fourth %(weekday)s of the month"),
    -1: _("every last %(weekday)s of the month"),
}
ORDINALS_EVERY_N_MONTHS = {
    1: _("every %(interval)s months on the first %(weekday)s"),
    2: _("every %(interval)s months on the second %(weekday)s"),
    3: _("every %(interval)s months on the third %(weekday)s"),
    4: _("every %(interval)s months on the fourth %(weekday)s"),
    -1: _("every %(interval)s months on the last %(weekday)s"),
}


class EventSeries(models.Model):
    """The rule by which an event repeats: weekly or every n weeks, or monthly on the n-th (or
    last) weekday, from the first date until the last (both local times in Germany).

    Each date is an Event of its own (its page, capacity and registrations), which remembers
    the date the rule gave it (`occurrence_start`, iCalendar's RECURRENCE-ID): a date moved
    on its own keeps it, and a date the rule gives without a public event is an exception
    (EXDATE). Calendars publish the series as one entry with the rule (events.calendar).
    """

    Frequency = SeriesFrequency

    frequency = models.CharField(_("repeats"), max_length=15, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(
        _("every how many weeks or months"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(SERIES_MAX_INTERVAL)],
        help_text=_("1 for every week or month, 2 for every other one, and so on."),
    )
    first_start = models.DateTimeField(_("first date"))
    until = models.DateTimeField(_("last date"), help_text=_("The start of the last date, inclusive."))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(
        _("updated"),
        auto_now=True,
        help_text=_("When a date of the series last changed: the calendars show all of them as one."),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=SeriesFrequency.values), name="series_frequency_known"
            ),
            models.CheckConstraint(
                condition=Q(interval__gte=1, interval__lte=SERIES_MAX_INTERVAL), name="series_interval_range"
            ),
            models.CheckConstraint(condition=Q(until__gte=F("first_start")), name="series_until_after_first"),
        ]

    def __str__(self):
        return self.describe()

    def get_absolute_url(self):
        return reverse("events:series", kwargs={"pk": self.pk})

    def clean(self):
        """The rule's limits, on the fields to change: no fifth weekday (not every month has
        one), no more than SERIES_MAX_OCCURRENCES dates, nothing further than SERIES_MAX_SPAN."""
        if not (self.first_start and self.until and self.frequency and self.interval):
            return
        errors = {}
        if self.until < self.first_start:
            errors["until"] = _("The last date cannot be before the first.")
        elif self.until - self.first_start > SERIES_MAX_SPAN:
            errors["until"] = _("A series can span two years at most.")
        elif len(self.dates()) > SERIES_MAX_OCCURRENCES:
            errors["until"] = _("A series can have at most %(count)s dates.") % {
                "count": SERIES_MAX_OCCURRENCES
            }
        if self.frequency == self.Frequency.MONTHLY and self.position == 5:
            errors["frequency"] = _(
                "Not every month has a fifth %(weekday)s: choose “on the last such weekday”."
            ) % {"weekday": WEEKDAYS[self.local_first.weekday()]}
        if errors:
            raise ValidationError(errors)

    @property
    def local_first(self) -> datetime:
        return timezone.localtime(self.first_start)

    @property
    def position(self) -> int:
        """Which such weekday of its month the first date is: 1 … 5, or -1 for the last."""
        if self.frequency == self.Frequency.MONTHLY_LAST:
            return -1
        return (self.local_first.day - 1) // 7 + 1

    def rule(self) -> rrule.rrule:
        """The rule in local time (naive), as RFC 5545 and dateutil understand it."""
        first = self.local_first.replace(tzinfo=None)
        until = timezone.localtime(self.until).replace(tzinfo=None)
        if self.frequency == self.Frequency.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, interval=self.interval, dtstart=first, until=until)
        weekday = rrule.weekday(first.weekday(), self.position)
        return rrule.rrule(
            rrule.MONTHLY, interval=self.interval, byweekday=weekday, dtstart=first, until=until
        )

    def dates(self) -> list[datetime]:
        """The starts the rule gives, aware, in order."""
        zone = timezone.get_current_timezone()
        return [timezone.make_aware(start, zone) for start in self.rule()]

    def describe(self) -> str:
        """The rule in words: "every Tuesday", "every first Tuesday of the month"."""
        weekday = WEEKDAYS[self.local_first.weekday()]
        if self.frequency == self.Frequency.WEEKLY:
            if self.interval == 1:
                return gettext("every %(weekday)s") % {"weekday": weekday}
            return gettext("every %(interval)s weeks on %(weekday)s") % {
                "interval": self.interval,
                "weekday": weekday,
            }
        position = -1 if self.position == 5 else self.position
        if self.interval == 1:
            return gettext(ORDINALS[position]) % {"weekday": weekday}
        return gettext(ORDINALS_EVERY_N_MONTHS[position]) % {"interval": self.interval, "weekday": weekday}

    @property
    def ical_uid(self) -> str:
        return f"series-{self.pk}@{urlsplit(settings.PORTAL_URL).hostname}"


class CalendarFeed(models.Model):
    """A hub's own calendar elsewhere (iCalendar), whose events come into the hub's moderation
    queue: fetched on a schedule, never published by itself (events.calendar_import)."""

    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.CASCADE, related_name="calendar_feeds", verbose_name=_("hub")
    )
    url = models.URLField(
        _("calendar address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The address of the hub's calendar in iCalendar format (.ics), http or https."),
    )
    language = models.CharField(
        _("language of the calendar"),
        max_length=2,
        choices=[("de", _("German")), ("en", _("English"))],
        default="de",
        help_text=_("The texts are taken as the German or the English version of the events."),
    )
    active = models.BooleanField(_("import"), default=True, help_text=_("Switch off to pause the import."))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created = models.DateTimeField(_("added"), auto_now_add=True)
    last_checked = models.DateTimeField(_("last checked"), null=True, blank=True, editable=False)
    last_result = models.CharField(_("last result"), max_length=300, blank=True, editable=False)
    last_failed = models.BooleanField(_("last import failed"), default=False, editable=False)

    class Meta:
        verbose_name = _("imported calendar")
        verbose_name_plural = _("imported calendars")
        ordering = ["hub", "url"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "url"],
                name="calendar_feed_once_per_hub",
                violation_error_message=_("This hub imports this calendar already."),
            ),
        ]

    def __str__(self):
        return self.url


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


# What the public sees: cancelled events stay visible, so that people learn of it.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


class EventType(models.TextChoices):
    MEETUP = "meetup", _("Meetup")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    PITCH = "pitch", _("Pitch / demo day")
    HACKATHON = "hackathon", _("Hackathon")
    DELEGATION = "delegation", _("Delegation / visit")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class EventFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    BOTH = "both", _("German and English")


class RegistrationMode(models.TextChoices):
    PORTAL = "portal", _("On this portal")
    EXTERNAL = "external", _("With the organiser (external link)")
    NONE = "none", _("No registration needed")


class Event(ShownLanguage, models.Model):
    # The choices, also as Event.Status etc.; module-level so that Meta.constraints can name them.
    Status = EventStatus
    Type = EventType
    Format = EventFormat
    Language = EventLanguage
    RegistrationMode = RegistrationMode

    # What the list's search looks in (core.search; the index is migration 0007's).
    TEXT_COLUMNS = (*TEXT_FIELDS["title"], *TEXT_FIELDS["description"])
    SEARCHED_FIELDS = (*TEXT_COLUMNS, "venue", "address")

    # The texts in German and English: either may be empty, not both (see clean()).
    title_de = models.CharField(_("title (German)"), max_length=200, blank=True)
    description_de = models.TextField(
        _("description (German)"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_("Markdown: paragraphs, lists, links. Up to 10,000 characters."),
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_en = models.TextField(
        _("description (English)"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_("Markdown: paragraphs, lists, links. Up to 10,000 characters."),
    )
    slug = models.SlugField(_("address"), max_length=90, unique=True)
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.PROTECT, related_name="events", verbose_name=_("hosting hub")
    )
    cohosts = models.ManyToManyField(
        "hubs.Hub", blank=True, related_name="cohosted_events", verbose_name=_("co-hosting hubs")
    )
    focus_themes = models.ManyToManyField(
        "hubs.FocusTheme", blank=True, related_name="events", verbose_name=_("focus themes")
    )
    event_type = models.CharField(_("type"), max_length=20, choices=Type.choices, db_index=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, db_index=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    language = models.CharField(_("language"), max_length=4, choices=Language.choices, db_index=True)
    free_of_charge = models.BooleanField(_("free of charge"), default=False)
    # What it costs, in the organiser's words (each language's version may be empty): a
    # separate flag says "free", so that visitors read that in their language.
    cost_note_de = models.CharField(
        _("cost (German)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “20 EUR, Studierende frei”. Leave empty if the event is free and that is all."),
    )
    cost_note_en = models.CharField(
        _("cost (English)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “EUR 20, students free”."),
    )
    registration_mode = models.CharField(
        _("registration"), max_length=10, choices=RegistrationMode.choices, default=RegistrationMode.PORTAL
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, message=_("At least one person must be able to take part."))],
    )
    waitlist = models.BooleanField(_("waitlist when full"), default=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the event outlives the account; see members.services.delete_account
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organiser"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    featured = models.BooleanField(
        _("featured on the home page"), default=False, help_text=_("Chosen by the Hub-Agency.")
    )
    revision = models.PositiveIntegerField(
        _("revision"), default=0, help_text=_("Counts changes, for calendar updates (iCalendar SEQUENCE).")
    )
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="occurrences",
        verbose_name=_("series"),
    )
    occurrence_start = models.DateTimeField(
        _("date in the series"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The start the series' rule gives this date; it stays when the date is moved."),
    )
    source_feed = models.ForeignKey(
        CalendarFeed,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("imported from"),
    )
    source_key = models.CharField(
        _("identifier in the imported calendar"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_(
            "Its UID, and for a date of a repeating event its date: the import finds it again by it."
        ),
    )
    source_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Kept in step with the registrations (Event.count_registrations), so that cards and
    # lists show them without counting.
    attendee_count = models.PositiveIntegerField(_("registered"), default=0, editable=False)
    waitlist_count = models.PositiveIntegerField(_("on the waitlist"), default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    title = TranslatedField()
    description = TranslatedField()
    cost_note = TranslatedField()

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["updated", "attendee_count", "waitlist_count", "source_fingerprint"]
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["status", "start"]),
            models.Index(fields=["status", "end"]),  # counts of the lists, from the index alone
            *admin_search_indexes(
                *TEXT_FIELDS["title"], *TEXT_FIELDS["description"], "venue", prefix="event"
            ),
            # The public lists in their order, the feed's newest, the sitemap's latest change.
            models.Index(
                fields=["start", "id"], condition=Q(status__in=PUBLIC_STATUSES), name="event_public_start"
            ),
            models.Index(
                fields=["created"], condition=Q(status__in=PUBLIC_STATUSES), name="event_public_created"
            ),
            models.Index(
                fields=["updated"], condition=Q(status__in=PUBLIC_STATUSES), name="event_public_updated"
            ),
            # A series' dates in order (Event.objects.next_of_each_series, the series' pages).
            models.Index(
                fields=["series", "start"], condition=Q(series__isnull=False), name="event_series_start"
            ),
        ]
        # What must never be stored; Event.clean() explains the same rules on the fields.
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=~Q(registration_mode=RegistrationMode.PORTAL) | Q(capacity__isnull=False),
                name="event_portal_registration_has_capacity",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="event_capacity_at_least_one"
            ),
            models.CheckConstraint(
                condition=~Q(registration_mode=RegistrationMode.EXTERNAL) | ~Q(registration_url=""),
                name="event_external_registration_has_link",
            ),
            models.CheckConstraint(
                condition=~Q(format__in=[EventFormat.ON_SITE, EventFormat.HYBRID]) | ~Q(address=""),
                name="event_on_site_has_address",
            ),
            models.CheckConstraint(
                condition=~Q(format__in=[EventFormat.ONLINE, EventFormat.HYBRID]) | ~Q(online_url=""),
                name="event_online_has_link",
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values),
                name="event_status_known",
            ),
            models.CheckConstraint(
                condition=Q(registration_mode__in=RegistrationMode.values),
                name="event_registration_mode_known",
            ),
            models.CheckConstraint(condition=Q(format__in=EventFormat.values), name="event_format_known"),
            *(
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(f"description_{language}"), DESCRIPTION_MAX_LENGTH),
                    name=f"event_description_{language}_length",
                )
                for language in TEXT_LANGUAGES
            ),
            models.CheckConstraint(condition=~Q(title_de="", title_en=""), name="event_has_a_title"),
            models.CheckConstraint(
                condition=Q(series__isnull=True, occurrence_start__isnull=True)
                | Q(series__isnull=False, occurrence_start__isnull=False),
                name="event_series_date_known",
            ),
            models.UniqueConstraint(fields=["series", "occurrence_start"], name="event_series_date_once"),
            models.UniqueConstraint(
                fields=["source_feed", "source_key"],
                condition=Q(source_feed__isnull=False),
                name="event_imported_once",
            ),
            # A language's version is whole (title and description) or empty.
            *(
                models.CheckConstraint(
                    condition=Q(**{f"title_{language}": "", f"description_{language}": ""})
                    | (~Q(**{f"title_{language}": ""}) & ~Q(**{f"description_{language}": ""})),
                    name=f"event_{language}_text_whole",
                )
                for language in TEXT_LANGUAGES
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        event = super().from_db(db, field_names, values)
        event._stored_start = event.__dict__.get("start")
        return event

    def clean(self):
        """The rules of an event that involve more than one field, on whichever field to change.
        The database's constraints (Meta.constraints) refuse the same."""
        errors = {}
        if not self.title_de and not self.title_en:
            errors["title_de"] = _("Please give the event a title, in German or in English.")
        for language in TEXT_LANGUAGES:
            title, description = f"title_{language}", f"description_{language}"
            if getattr(self, title) and not getattr(self, description):
                errors[description] = _("Please describe the event in this language too.")
            elif getattr(self, description) and not getattr(self, title):
                errors[title] = _("Please give the title in this language too.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.start and self.start < timezone.now() and self._start_moved():
            errors["start"] = _("The event cannot start in the past.")
        if self.format in (self.Format.ON_SITE, self.Format.HYBRID) and not self.address:
            errors["address"] = _("Please give the address of the venue.")
        if self.format in (self.Format.ONLINE, self.Format.HYBRID) and not self.online_url:
            errors["online_url"] = _("Please give the link to the online event.")
        if self.registration_mode == self.RegistrationMode.PORTAL and not self.capacity:
            errors["capacity"] = _("Registration on the portal needs a capacity.")
        if self.registration_mode == self.RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Please give the link to the registration.")
        if errors:
            raise ValidationError(errors)

    def _start_moved(self) -> bool:
        """A new event, or a start moved by a minute or more (forms show minutes only, so an
        event under way keeps its start when other details are edited)."""
        stored = getattr(self, "_stored_start", None)
        return stored is None or abs(self.start - stored) >= timedelta(minutes=1)

    @property
    def is_moved(self) -> bool:
        """A date of a series that no longer starts when the rule says."""
        return self.series_id is not None and self.start != self.occurrence_start

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancellable(self) -> bool:
        return self.is_published

    @property
    def awaits_submission(self) -> bool:
        """A draft, or an event the hub rejected: its organiser may submit it (again)."""
        return self.status in (self.Status.DRAFT, self.Status.REJECTED)

    @property
    def is_awaiting_review(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def registers_on_portal(self) -> bool:
        return self.registration_mode == self.RegistrationMode.PORTAL

    @property
    def has_free_seats(self) -> bool:
        return self.capacity is not None and self.attendee_count < self.capacity

    @property
    def takes_registrations(self) -> bool:
        return self.registers_on_portal and self.is_published and not self.is_past

    def count_registrations(self) -> None:
        """Store how many have a seat and how many wait, counted afresh (see events.signals)."""
        counts = dict(self.registrations.values_list("status").annotate(number=Count("pk")).order_by())
        self.attendee_count = counts.get(Registration.Status.CONFIRMED, 0)
        self.waitlist_count = counts.get(Registration.Status.WAITLISTED, 0)
        Event.objects.filter(pk=self.pk).update(
            attendee_count=self.attendee_count, waitlist_count=self.waitlist_count
        )

    @property
    def hubs(self) -> list:
        """The hosting hub first, then the co-hosts: named from the network for cards (for_cards),
        from the (prefetched) co-hosts otherwise."""
        if hasattr(self, "cohost_ids"):
            return network().hubs_named(
                [self.hub_id, *(pk for pk in self.cohost_ids or () if pk != self.hub_id)]
            )
        return [self.hub, *[hub for hub in self.cohosts.all() if hub.pk != self.hub_id]]

    @property
    def themes(self) -> list:
        """The focus themes, in the visitor's language's order."""
        if hasattr(self, "theme_ids"):
            return network().themes_named(self.theme_ids or ())
        return list(self.focus_themes.all())

    @property
    def ical_uid(self) -> str:
        return f"event-{self.pk}@{urlsplit(settings.PORTAL_URL).hostname}"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created", "pk")


class Registration(models.Model):
    """A member's seat at an event, or their place on its waitlist."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created = models.DateTimeField(_("registered"), auto_now_add=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_unique_per_member"),
        ]
        indexes = [models.Index(fields=["event", "status", "created"])]

    def __str__(self):
        return f"{self.user} @ {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a member's personal calendar feed URL; resetting it revokes old subscriptions."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_token",
        verbose_name=_("member"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_calendar_token)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return str(self.user)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    MISLEADING = "misleading", _("Misleading or fake")
    OFFENSIVE = "offensive", _("Offensive or discriminating")
    ILLEGAL = "illegal", _("Against the law")
    OTHER = "other", _("Something else")


REPORT_NOTE_MAX_LENGTH = 500


class EventReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed__isnull=True)


class EventReport(models.Model):
    """A member tells the hub's moderators that something is wrong with a published event."""

    Reason = ReportReason

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="reports", verbose_name=_("event")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the report stays for the moderators when the account goes
        null=True,
        related_name="event_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=REPORT_NOTE_MAX_LENGTH, blank=True)
    created = models.DateTimeField(_("reported"), default=timezone.now, editable=False)
    closed = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    objects = EventReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "reporter"],
                name="event_report_once_per_member",
                violation_error_message=_("You have already reported this event."),
            ),
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="event_report_reason_known"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), REPORT_NOTE_MAX_LENGTH),
                name="event_report_note_length",
            ),
        ]
        indexes = [
            # The open reports of an event, and the newest of the moderators' hubs.
            models.Index(fields=["event", "closed"], name="event_report_open"),
            models.Index(fields=["closed", "created"], name="event_report_newest"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.event}"


class PostingSuspensionQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(lifted__isnull=True)


class PostingSuspension(models.Model):
    """The Hub-Agency suspends a member's right to post events, with a reason; lifting it
    keeps the record. Every change is in the history, and the agency's activity log."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="posting_suspensions",
        verbose_name=_("member"),
    )
    reason = models.TextField(
        _("reason"),
        help_text=_("For the agency's records; the member is told that their rights are suspended."),
    )
    created = models.DateTimeField(_("suspended"), default=timezone.now, editable=False)
    lifted = models.DateTimeField(_("lifted"), null=True, blank=True, editable=False)

    objects = PostingSuspensionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("suspension of posting rights")
        verbose_name_plural = _("suspensions of posting rights")
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(lifted__isnull=True),
                name="posting_suspension_one_in_force",
                violation_error_message=_("This member's posting rights are suspended already."),
            ),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def in_force(self) -> bool:
        return self.lifted is None


class EventForReview(Event):
    """The moderation queue in the admin: the submitted events a user may publish or reject."""

    class Meta:
        proxy = True
        verbose_name = _("event awaiting review")
        verbose_name_plural = _("events awaiting review")
