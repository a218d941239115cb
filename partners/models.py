"""The network's organisations (corporates, Mittelstand, start-ups, research, investors, public
bodies, associations), their partnerships with hubs, and the members who belong to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.aggregates import ids_of
from core.translation import TranslatedField, active_language
from hubs.reference import alphabetical, network
from members.permissions import CuratedByHubQuerySet, visible_profiles

DESCRIPTION_MAX_LENGTH = 600


class OrganisationKind(models.TextChoices):
    CORPORATE = "corporate", _("Corporate")
    MITTELSTAND = "mittelstand", _("Mittelstand")
    STARTUP = "startup", _("Start-up")
    RESEARCH = "research", _("Research and science")
    INVESTOR = "investor", _("Investor")
    PUBLIC_BODY = "public_body", _("Public body")
    ASSOCIATION = "association", _("Association or network")


class OrganisationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class OrganisationQuerySet(CuratedByHubQuerySet):
    def published(self):
        return self.filter(status=OrganisationStatus.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=OrganisationStatus.SUBMITTED)

    def partners_of(self, hub):
        """Organisations in partnership with `hub` (a subquery: no join repeats a row)."""
        return self.filter(pk__in=Partnership.objects.filter(hub=hub).values("organisation_id"))

    def with_named_relations(self):
        """The ids of the themes and of the partner hubs, which Organisation.themes and
        partner_hubs name from the cached network (hubs.reference) instead of a query each."""
        return self.annotate(
            theme_ids=ids_of(
                Organisation.focus_themes.through, through_field="focustheme_id", owner_field="organisation"
            ),
            partner_hub_ids=ids_of(Partnership, through_field="hub_id", owner_field="organisation"),
        )

    def for_cards(self):
        """What organisation cards show, in one query at any length."""
        return self.defer("description_de", "description_en").with_named_relations()

    def for_page(self, viewer):
        """What an organisation's page shows of it, in one query: its hub, its named relations
        and the role `viewer` has linked themselves with (`viewer_role`, empty if none)."""
        organisations = self.select_related("hub").with_named_relations()
        if not viewer.is_authenticated:
            return organisations.annotate(viewer_role=models.Value(""))
        role = Affiliation.objects.filter(organisation=models.OuterRef("pk"), user=viewer).values("role")[:1]
        return organisations.annotate(
            viewer_role=models.functions.Coalesce(models.Subquery(role), models.Value(""))
        )


class Organisation(models.Model):
    """An organisation of the network: on the portal once the agency or a hub vouches for it."""

    Kind = OrganisationKind
    Status = OrganisationStatus

    # What the directory's search looks in (core.search; the index is migration 0001's).
    SEARCHED_FIELDS = ("name", "city", "description_de", "description_en")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address"), max_length=90, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    focus_themes = models.ManyToManyField(
        "hubs.FocusTheme", blank=True, related_name="organisations", verbose_name=_("sectors")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    # Kept with the file, so that pages reserve the logo's space before it loads.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    description_de = models.TextField(
        _("short description (German)"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_("What the organisation does, in up to 600 characters."),
    )
    description_en = models.TextField(
        _("short description (English)"), max_length=DESCRIPTION_MAX_LENGTH, blank=True
    )
    hub = models.ForeignKey(
        "hubs.Hub",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="curated_organisations",
        verbose_name=_("curated by"),
        help_text=_("The hub whose managers keep this profile up to date; empty: the Hub-Agency alone."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the organisation outlives the account that proposed it
        null=True,
        blank=True,
        related_name="proposed_organisations",
        verbose_name=_("proposed by"),
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    description = TranslatedField()

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "pk"]
        indexes = [
            # The directory in its order, and the sitemap's latest change.
            models.Index(
                fields=["name", "id"], condition=Q(status="published"), name="organisation_directory"
            ),
            models.Index(fields=["updated"], condition=Q(status="published"), name="organisation_updated"),
            models.Index(fields=["hub", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique",
                violation_error_message=_("An organisation of this name is already on the portal."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=OrganisationStatus.values), name="organisation_status_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=OrganisationStatus.SUBMITTED) | Q(hub__isnull=False),
                name="organisation_proposal_has_hub",
                violation_error_message=_("A proposal goes to a hub: please choose one."),
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("description_de"), DESCRIPTION_MAX_LENGTH)
                & LessThanOrEqual(Length("description_en"), DESCRIPTION_MAX_LENGTH),
                name="organisation_description_length",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_awaiting_review(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def description_language(self) -> str:
        """The language of `description` as shown: the visitor's, or German when that is missing."""
        language = active_language()
        return language if getattr(self, f"description_{language}") else settings.LANGUAGE_CODE

    @property
    def themes(self) -> list:
        """The sectors in the visitor's language's order (named from the network for cards)."""
        if hasattr(self, "theme_ids"):
            return network().themes_named(self.theme_ids or ())
        return sorted(self.focus_themes.all(), key=lambda theme: alphabetical(theme.name))

    @property
    def partner_hubs(self) -> list:
        """The hubs it partners with, for cards (for_cards)."""
        return sorted(
            network().hubs_named(self.partner_hub_ids or ()), key=lambda hub: alphabetical(hub.name)
        )


class PartnershipLevel(models.Model):
    """A kind of partnership the agency defines, such as "founding partner"."""

    name_de = models.CharField(_("name (German)"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    name = TranslatedField()

    class Meta:
        verbose_name = _("partnership level")
        verbose_name_plural = _("partnership levels")
        ordering = ["position", "name_de"]

    def __str__(self):
        return self.name


# The levels the agency starts with; it renames them and adds more in the admin.
FIRST_LEVELS = [
    ("Gründungspartner", "Founding partner"),
    ("Strategischer Partner", "Strategic partner"),
    ("Partner", "Partner"),
    ("Förderer", "Supporter"),
]


def ensure_partnership_levels(**kwargs):
    """post_migrate handler: the first levels, in a database that has none (a new one, or one
    emptied by a flush, as the tests that commit do)."""
    if not PartnershipLevel.objects.exists():
        PartnershipLevel.objects.bulk_create(
            PartnershipLevel(name_de=name_de, name_en=name_en, position=position)
            for position, (name_de, name_en) in enumerate(FIRST_LEVELS)
        )


class Partnership(models.Model):
    """An organisation's partnership with a hub, since a date, at a level."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partnerships",
        verbose_name=_("organisation"),
        limit_choices_to={"status": OrganisationStatus.PUBLISHED},
    )
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("hub")
    )
    level = models.ForeignKey(
        PartnershipLevel, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("level")
    )
    since = models.DateField(_("partner since"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["hub", "level__position", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "hub"],
                name="partnership_unique_per_hub",
                violation_error_message=_("This organisation is already a partner of this hub."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} @ {self.hub}"


class AffiliationRole(models.TextChoices):
    FOUNDER = "founder", _("Founder")
    MANAGEMENT = "management", _("Management")
    TEAM = "team", _("Team member")
    INVESTMENT = "investment", _("Investment team")
    RESEARCH = "research", _("Research")
    ADVISORY = "advisory", _("Advisory board")
    OTHER = "other", _("Other")


class Affiliation(models.Model):
    """A member's link to an organisation, made by the member: who works, founded or invests there."""

    Role = AffiliationRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("member"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("member of the organisation")
        verbose_name_plural = _("members of the organisation")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="affiliation_unique_per_member"),
            models.CheckConstraint(
                condition=Q(role__in=AffiliationRole.values), name="affiliation_role_known"
            ),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"


def people_of(organisation: Organisation, viewer):
    """The profiles linked to `organisation` that `viewer` may see, by name, with their role there
    (`organisation_role`)."""
    affiliations = Affiliation.objects.filter(organisation=organisation, user=models.OuterRef("user"))
    return (
        visible_profiles(viewer)
        .filter(user__in=Affiliation.objects.filter(organisation=organisation).values("user_id"))
        .for_cards()
        .annotate(organisation_role=models.Subquery(affiliations.values("role")[:1]))
        .order_by("display_name", "pk")
    )
