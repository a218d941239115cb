"""The Format Library: what came of an event (its outcome), and the formats other hubs run
again from it ("Pitch night as run in Hamburg"). The app sits above events: it reads events,
and events know nothing of it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.aggregates import ids_of
from core.translation import ShownLanguage, TranslatedField
from events.models import Event, EventType
from hubs.reference import network

TEXT_MAX_LENGTH = 2000
SUMMARY_MAX_LENGTH = 1000


class Effort(models.TextChoices):
    SMALL = "small", _("Small: a day of preparation or less")
    MEDIUM = "medium", _("Medium: a few days of preparation")
    LARGE = "large", _("Large: weeks of preparation")


def validate_links(text: str) -> None:
    """Web addresses, one per line."""
    check = URLValidator(schemes=["http", "https"])
    wrong = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        try:
            check(line)
        except ValidationError:
            wrong.append(line)
    if wrong:
        raise ValidationError(
            _("Give one web address per line, starting with https://: %(wrong)s")
            % {"wrong": ", ".join(wrong)}
        )


class Outcome(models.Model):
    """What came of an event, recorded after it by its organiser or its hub's managers: the
    know-how a format is made of."""

    Effort = Effort

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="outcome", verbose_name=_("event")
    )
    attendance = models.PositiveIntegerField(_("attendance"), help_text=_("How many people came."))
    worked = models.TextField(_("what worked"), max_length=TEXT_MAX_LENGTH)
    to_change = models.TextField(_("what to change next time"), max_length=TEXT_MAX_LENGTH, blank=True)
    materials = models.TextField(
        _("materials"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        validators=[validate_links],
        help_text=_("Links to slides, checklists, photos: one web address per line."),
    )
    summary_de = models.TextField(_("summary (German)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    summary_en = models.TextField(_("summary (English)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    format_type = models.CharField(_("type of format"), max_length=20, choices=EventType.choices)
    effort = models.CharField(_("effort"), max_length=10, choices=Effort.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recorded_outcomes",
        verbose_name=_("recorded by"),
    )
    created = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    summary = TranslatedField()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(summary_de="", summary_en=""), name="outcome_has_a_summary"),
            models.CheckConstraint(condition=Q(effort__in=Effort.values), name="outcome_effort_known"),
            models.CheckConstraint(condition=Q(format_type__in=EventType.values), name="outcome_type_known"),
            *(
                models.CheckConstraint(
                    condition=LessThanOrEqual(Length(field), TEXT_MAX_LENGTH), name=f"outcome_{field}_length"
                )
                for field in ("worked", "to_change", "materials")
            ),
        ]

    def __str__(self):
        return str(self.event)

    def clean(self):
        """An outcome is of an event that took place: published, and over."""
        if not self.summary_de and not self.summary_en:
            raise ValidationError({"summary_de": _("Please summarise the event, in German or in English.")})
        if self.event_id and not (self.event.is_published and self.event.is_past):
            raise ValidationError(_("An outcome can be recorded once a published event is over."))

    @property
    def links(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]


class FormatQuerySet(models.QuerySet):
    def for_cards(self):
        """With the themes' ids (named from the cached network) and how many hubs ran it."""
        hubs_run = (  # a subquery per row shown, by index, not a join over every event
            Run.objects.filter(format=models.OuterRef("pk"))
            .order_by()
            .values("format")
            .annotate(number=Count("event__hub", distinct=True))
            .values("number")
        )
        return self.select_related("hub").annotate(
            theme_ids=ids_of(
                Format.focus_themes.through, through_field="focustheme_id", owner_field="format"
            ),
            hub_count=models.functions.Coalesce(models.Subquery(hubs_run), 0),
        )


class Format(ShownLanguage, models.Model):
    """An event's way of working, published from its outcome for the other hubs to run too."""

    Effort = Effort

    slug = models.SlugField(_("address"), max_length=90, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_de = models.TextField(_("summary (German)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    summary_en = models.TextField(_("summary (English)"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    worked = models.TextField(_("what worked"), max_length=TEXT_MAX_LENGTH)
    to_change = models.TextField(_("what to change next time"), max_length=TEXT_MAX_LENGTH, blank=True)
    materials = models.TextField(
        _("materials"), max_length=TEXT_MAX_LENGTH, blank=True, validators=[validate_links]
    )
    format_type = models.CharField(
        _("type of format"), max_length=20, choices=EventType.choices, db_index=True
    )
    effort = models.CharField(_("effort"), max_length=10, choices=Effort.choices, db_index=True)
    focus_themes = models.ManyToManyField(
        "hubs.FocusTheme", blank=True, related_name="formats", verbose_name=_("focus themes")
    )
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.PROTECT, related_name="formats", verbose_name=_("first run by")
    )
    outcome = models.OneToOneField(
        Outcome,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="format",
        verbose_name=_("published from"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="published_formats",
        verbose_name=_("published by"),
    )
    created = models.DateTimeField(_("published"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    title = TranslatedField()
    summary = TranslatedField()

    objects = FormatQuerySet.as_manager()

    class Meta:
        verbose_name = _("format")
        verbose_name_plural = _("formats")
        ordering = ["-created", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title_de="", title_en=""), name="format_has_a_title"),
            models.CheckConstraint(condition=~Q(summary_de="", summary_en=""), name="format_has_a_summary"),
            models.CheckConstraint(condition=Q(effort__in=Effort.values), name="format_effort_known"),
            models.CheckConstraint(condition=Q(format_type__in=EventType.values), name="format_type_known"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("formats:detail", kwargs={"slug": self.slug})

    @property
    def themes(self) -> list:
        if hasattr(self, "theme_ids"):
            return network().themes_named(self.theme_ids or ())
        return list(self.focus_themes.all())

    @property
    def links(self) -> list[str]:
        return [line.strip() for line in self.materials.splitlines() if line.strip()]


class Run(models.Model):
    """An event run with a format: the event it was published from, and those made from it."""

    format = models.ForeignKey(Format, on_delete=models.CASCADE, related_name="run_records")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="format_run")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("run of a format")
        verbose_name_plural = _("runs of formats")

    def __str__(self):
        return f"{self.format} @ {self.event}"
