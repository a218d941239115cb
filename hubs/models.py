import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.search import mentions
from core.translation import TranslatedField, localized

from .map import MapPoint, project

FIRST_SELECTION_YEAR = 2016


class FederalState(models.TextChoices):
    BADEN_WUERTTEMBERG = "BW", _("Baden-Württemberg")
    BAYERN = "BY", _("Bavaria")
    BERLIN = "BE", _("Berlin")
    BRANDENBURG = "BB", _("Brandenburg")
    BREMEN = "HB", _("Bremen")
    HAMBURG = "HH", _("Hamburg")
    HESSEN = "HE", _("Hesse")
    MECKLENBURG_VORPOMMERN = "MV", _("Mecklenburg-Western Pomerania")
    NIEDERSACHSEN = "NI", _("Lower Saxony")
    NORDRHEIN_WESTFALEN = "NW", _("North Rhine-Westphalia")
    RHEINLAND_PFALZ = "RP", _("Rhineland-Palatinate")
    SAARLAND = "SL", _("Saarland")
    SACHSEN = "SN", _("Saxony")
    SACHSEN_ANHALT = "ST", _("Saxony-Anhalt")
    SCHLESWIG_HOLSTEIN = "SH", _("Schleswig-Holstein")
    THUERINGEN = "TH", _("Thuringia")


class FocusThemeQuerySet(models.QuerySet):
    def in_display_order(self):
        return self.order_by(localized("name"))

    def with_hub_count(self):
        return self.annotate(hub_count=models.Count("hubs"))


class FocusTheme(models.Model):
    """A sector a hub concentrates on, such as FinTech or Digital Health."""

    name_de = models.CharField(_("name (German)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    name = TranslatedField()
    description = TranslatedField()

    objects = FocusThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("focus theme")
        verbose_name_plural = _("focus themes")
        ordering = ["name_de"]

    def __str__(self):
        return self.name


class HubQuerySet(models.QuerySet):
    def in_display_order(self):
        return self.order_by(localized("name"))

    def with_locations_and_themes(self):
        """Prefetch what hub cards show, so a list costs the same few queries for any length."""
        return self.prefetch_related(
            Prefetch("cities", queryset=City.objects.order_by("position", "name_de")),
            Prefetch(
                "focus_areas",
                queryset=HubFocus.objects.select_related("theme", "city").order_by(
                    "position", "theme__name_de"
                ),
            ),
        )

    def search(self, text: str):
        """Hubs whose name, tagline, description, city or theme mentions `text`, in either language."""
        fields = [
            "name_de",
            "name_en",
            "tagline_de",
            "tagline_en",
            "description_de",
            "description_en",
            "cities__name_de",
            "cities__name_en",
            "focus_themes__name_de",
            "focus_themes__name_en",
        ]
        return self.filter(pk__in=self.filter(mentions(text, fields)).values("pk"))


ORIGIN = re.compile(r"https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?", re.IGNORECASE)


def validate_origins(text: str) -> None:
    """One website address per line, without a path: what a browser names as a frame's parent."""
    wrong = [
        line.strip() for line in text.splitlines() if line.strip() and not ORIGIN.fullmatch(line.strip())
    ]
    if wrong:
        raise ValidationError(
            _("Give each website as its address without a path, e.g. https://www.hub-hamburg.de: %(wrong)s")
            % {"wrong": ", ".join(wrong)}
        )


class Hub(models.Model):
    """One of the digital hubs selected by the Federal Ministry for Economic Affairs."""

    name_de = models.CharField(_("name (German)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    tagline_de = models.CharField(_("tagline (German)"), max_length=200, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=200, blank=True)
    description_de = models.TextField(
        _("description (German)"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, help_text=_("Markdown: paragraphs, lists, links.")
    )
    featured = models.BooleanField(
        _("featured on the home page"), default=False, help_text=_("Chosen by the Hub-Agency.")
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    embed_origins = models.TextField(
        _("websites that show the hub's events"),
        blank=True,
        validators=[validate_origins],
        help_text=_(
            "One address per line, e.g. https://www.hub-hamburg.de. Only these websites may show the "
            "hub's coming events in a frame: the page /embed/hubs/(the hub's address)/events/, or the "
            "script /embed/events.js with data-hub set to the hub's address."
        ),
    )
    logo = models.ImageField(
        _("logo"), upload_to="hubs/logos/", blank=True, width_field="logo_width", height_field="logo_height"
    )
    # Kept with the file, so that pages reserve the logo's space before it loads.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    selected_in = models.PositiveSmallIntegerField(
        _("selected in"),
        validators=[MinValueValidator(FIRST_SELECTION_YEAR), MaxValueValidator(2100)],
        help_text=_("The year the ministry selected this hub."),
    )
    focus_themes = models.ManyToManyField(
        FocusTheme,
        through="HubFocus",
        related_name="hubs",
        verbose_name=_("focus themes"),
    )
    # Kept in step with the memberships (Hub.count_members), so that pages show it without counting.
    member_count = models.PositiveIntegerField(_("members"), default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    name = TranslatedField()
    tagline = TranslatedField()
    description = TranslatedField()

    objects = HubQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated", "member_count"])

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")
        ordering = ["name_de"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selected_in__gte=FIRST_SELECTION_YEAR),
                name="hub_selected_in_after_programme_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("hubs:detail", kwargs={"slug": self.slug})

    def count_members(self) -> None:
        """Store how many members the hub has, counted afresh (see members.signals)."""
        self.member_count = self.memberships.count()
        Hub.objects.filter(pk=self.pk).update(member_count=self.member_count)

    @property
    def origins(self) -> list[str]:
        """The websites that may frame the hub's events (embed_origins), lower case."""
        return [line.strip().lower() for line in self.embed_origins.splitlines() if line.strip()]

    @property
    def federal_states(self) -> list[str]:
        """The states the hub's cities lie in, without repeats (needs the prefetched cities)."""
        labels = [city.get_state_display() for city in self.cities.all()]
        return list(dict.fromkeys(labels))


class City(models.Model):
    """A city a hub is located in, with its position for the map."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="cities", verbose_name=_("hub"))
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    state = models.CharField(_("federal state"), max_length=2, choices=FederalState.choices, db_index=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(47), MaxValueValidator(56)],
        help_text=_("Decimal degrees north, e.g. 52.52 for Berlin."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(5), MaxValueValidator(16)],
        help_text=_("Decimal degrees east, e.g. 13.40 for Berlin."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    name = TranslatedField()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["hub", "position", "name_de"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "name_de"], name="city_unique_per_hub"),
            models.CheckConstraint(
                condition=Q(latitude__gte=47, latitude__lte=56, longitude__gte=5, longitude__lte=16),
                name="city_inside_germany_bounds",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def map_point(self) -> MapPoint:
        return project(latitude=float(self.latitude), longitude=float(self.longitude))


class HubFocus(models.Model):
    """A focus theme of a hub, optionally concentrated in one of its cities."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("hub"))
    theme = models.ForeignKey(
        FocusTheme, on_delete=models.PROTECT, related_name="hub_focus_areas", verbose_name=_("focus theme")
    )
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concentrated in"),
        help_text=_("Only when the theme belongs to one of the hub's cities in particular."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("focus")
        verbose_name_plural = _("focus themes")
        ordering = ["position", "theme__name_de"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "theme"], name="hub_focus_unique_theme"),
        ]

    def __str__(self):
        if self.city_id:
            return f"{self.theme} ({self.city})"
        return str(self.theme)

    def clean(self):
        if self.city_id and self.hub_id and self.city.hub_id != self.hub_id:
            raise ValidationError({"city": _("Choose one of this hub's own cities.")})
