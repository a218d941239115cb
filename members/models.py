from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.aggregates import ids_of
from core.search import admin_search_indexes
from core.translation import active_language
from hubs.reference import alphabetical, network

from .validators import OnHost

AGENCY_GROUP = "Hub-Agentur"
BIO_MAX_LENGTH = 1500


class UserManager(BaseUserManager):
    """Users are identified by their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account on the portal; logs in with the email address.

    What other members see of a person lives in their Profile.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_(
            "May enter the admin. Follows the roles: agency staff (the agency group or superuser) "
            "and hub managers have it."
        ),
    )
    language = models.CharField(
        _("language for emails"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the member last used the portal in."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive"),
        ]
        # The directory counts active accounts from the index alone.
        indexes = [
            models.Index(fields=["id"], condition=Q(is_active=True), name="user_active"),
            *admin_search_indexes("email", prefix="user"),
        ]

    def __str__(self):
        return self.email

    def get_full_name(self):
        profile = getattr(self, "profile", None)
        return profile.display_name if profile else self.email

    def get_short_name(self):
        return self.get_full_name()


class Stage(models.TextChoices):
    PRE_SEED = "pre_seed", _("Pre-seed")
    SEED = "seed", _("Seed")
    SERIES_A = "series_a", _("Series A")
    GROWTH = "growth", _("Growth")


class Need(models.TextChoices):
    FUNDING = "funding", _("Funding")
    PARTNERS = "partners", _("Partners")
    CUSTOMERS = "customers", _("Customers")
    TALENT = "talent", _("Talent")


class WorkLanguage(models.TextChoices):
    """Languages members work in: those of the network's founders and guests from abroad."""

    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ITALIAN = "it", _("Italian")
    POLISH = "pl", _("Polish")
    TURKISH = "tr", _("Turkish")
    UKRAINIAN = "uk", _("Ukrainian")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")


class FixedChoice(models.Model):
    """A table whose rows are exactly the values of a TextChoices, in their order
    (ensure_fixed_choices makes them after every migrate).

    A table rather than a list field so that "investors in seed" is a plain join, and
    ModelForms and django-filter handle it unchanged.
    """

    choice_enum: type[models.TextChoices]  # the choices whose values are the rows
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position"]

    def __str__(self):
        return str(self.get_code_display())


class InvestmentStage(FixedChoice):
    """A stage an investor invests in."""

    choice_enum = Stage
    code = models.CharField(_("stage"), max_length=20, primary_key=True, choices=Stage.choices)

    class Meta(FixedChoice.Meta):
        verbose_name = _("investment stage")
        verbose_name_plural = _("investment stages")


class FounderNeed(FixedChoice):
    """Something a start-up is looking for."""

    choice_enum = Need
    code = models.CharField(_("need"), max_length=20, primary_key=True, choices=Need.choices)

    class Meta(FixedChoice.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")


class SpokenLanguage(FixedChoice):
    """A language a member works in."""

    choice_enum = WorkLanguage
    code = models.CharField(_("language"), max_length=5, primary_key=True, choices=WorkLanguage.choices)

    class Meta(FixedChoice.Meta):
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")


def ensure_fixed_choices(**kwargs):
    """post_migrate handler: the rows of every FixedChoice (stages, needs, languages), in order."""
    for model in [InvestmentStage, FounderNeed, SpokenLanguage]:
        for position, code in enumerate(model.choice_enum.values):
            model.objects.update_or_create(code=code, defaults={"position": position})


class HubOfMember(NamedTuple):
    hub: object
    managed: bool


class ProfileQuerySet(models.QuerySet):
    def for_cards(self):
        """What member cards and profile pages show, in one query at any length: the ids of the
        themes and hubs (all, and those managed), and the codes of stages and needs, which
        Profile's properties name (hubs and themes from the cached network, hubs.reference)."""
        return self.annotate(
            theme_ids=ids_of(
                Profile.focus_themes.through, through_field="focustheme_id", owner_field="profile"
            ),
            hub_ids=ids_of(Membership, through_field="hub_id", owner_field="user", outer_field="user_id"),
            managed_hub_ids=ids_of(
                Membership.objects.filter(role=Membership.Role.MANAGER),
                through_field="hub_id",
                owner_field="user",
                outer_field="user_id",
            ),
            stage_codes=ids_of(
                Profile.investment_stages.through, through_field="investmentstage_id", owner_field="profile"
            ),
            need_codes=ids_of(
                Profile.looking_for.through, through_field="founderneed_id", owner_field="profile"
            ),
            language_codes=ids_of(
                Profile.languages.through, through_field="spokenlanguage_id", owner_field="profile"
            ),
        )


class Profile(models.Model):
    """What a member shows of themselves to the network, within the visibility they choose."""

    class MemberType(models.TextChoices):
        FOUNDER = "founder", _("Founder / start-up")
        INVESTOR = "investor", _("Investor")
        CORPORATE = "corporate", _("Mittelstand / corporate")
        SCIENCE = "science", _("Science / research")
        ADMINISTRATION = "administration", _("Public administration")
        OTHER = "other", _("Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: everybody can see my profile")
        MEMBERS = "members", _("Members only: logged-in members can see my profile")
        HIDDEN = "hidden", _("Hidden: only I can see my profile")

    class TextLanguage(models.TextChoices):
        GERMAN = "de", _("German")
        ENGLISH = "en", _("English")

    class InvestorType(models.TextChoices):
        BUSINESS_ANGEL = "business_angel", _("Business angel")
        VENTURE_CAPITAL = "venture_capital", _("Venture capital")
        CORPORATE_VC = "corporate_vc", _("Corporate venture capital")
        PUBLIC_FUNDING = "public_funding", _("Public funding")

    # What the directory's search looks in (core.search; the index is migration 0008's).
    SEARCHED_FIELDS = ("display_name", "organisation", "startup_name", "city")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    display_name = models.CharField(
        _("display name"), max_length=100, help_text=_("How other members see you, e.g. your full name.")
    )
    member_type = models.CharField(_("I am"), max_length=20, choices=MemberType.choices, db_index=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    position = models.CharField(_("job title"), max_length=100, blank=True)
    bio = models.TextField(
        _("about me"),
        max_length=BIO_MAX_LENGTH,
        blank=True,
        help_text=_("A few sentences, up to 1500 characters."),
    )
    # Members write in their own words, in one language: pages mark it (WCAG 3.1.2).
    text_language = models.CharField(
        _("my texts are in"),
        max_length=2,
        choices=TextLanguage.choices,
        default=TextLanguage.GERMAN,
        help_text=_(
            "The language of your job title and “about me”, so that browsers and screen readers "
            "read them right on pages in the other language."
        ),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    focus_themes = models.ManyToManyField(
        "hubs.FocusTheme", blank=True, related_name="profiles", verbose_name=_("focus themes of interest")
    )
    languages = models.ManyToManyField(
        SpokenLanguage, blank=True, related_name="speakers", verbose_name=_("languages I work in")
    )
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn profile"), blank=True, validators=[OnHost("linkedin.com")])
    xing = models.URLField(_("XING profile"), blank=True, validators=[OnHost("xing.com")])
    mastodon = models.URLField(_("Mastodon profile"), blank=True)
    avatar = models.ImageField(_("profile picture"), upload_to="avatars/", blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    matchmaking = models.BooleanField(
        _("matchmaking"),
        default=True,
        help_text=_(
            "Suggest people who fit me, suggest me to members who may see my profile, and let them "
            "ask the hub for an introduction to me."
        ),
    )

    # Investors
    investor_type = models.CharField(
        _("investor type"), max_length=20, choices=InvestorType.choices, blank=True
    )
    investment_stages = models.ManyToManyField(
        InvestmentStage, blank=True, related_name="investors", verbose_name=_("stages I invest in")
    )
    ticket_min = models.PositiveIntegerField(_("smallest ticket (EUR)"), null=True, blank=True)
    ticket_max = models.PositiveIntegerField(_("largest ticket (EUR)"), null=True, blank=True)

    # Founders
    startup_name = models.CharField(_("start-up name"), max_length=150, blank=True)
    startup_stage = models.CharField(_("start-up stage"), max_length=20, choices=Stage.choices, blank=True)
    founded_in = models.PositiveSmallIntegerField(
        _("founded in"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    team_size = models.PositiveIntegerField(
        _("team size"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    looking_for = models.ManyToManyField(
        FounderNeed, blank=True, related_name="founders", verbose_name=_("we are looking for")
    )
    funding_sought = models.PositiveIntegerField(
        _("funding sought (EUR)"),
        null=True,
        blank=True,
        help_text=_("The size of the round you are raising, if you look for funding."),
    )

    # Mittelstand and corporates
    offers_pilots = models.BooleanField(
        _("we run pilot projects with start-ups"),
        default=False,
        help_text=_("Start-ups looking for customers or partners will find you."),
    )

    # Science
    research_field = models.CharField(
        _("research field"),
        max_length=150,
        blank=True,
        help_text=_("For example: machine learning for medical imaging."),
    )

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["display_name"]
        indexes = [
            models.Index(fields=["display_name"]),
            models.Index(fields=["ticket_min", "ticket_max"]),
            # The directory: who may be seen, joined to active accounts from the index alone.
            models.Index(fields=["visibility", "user"], name="profile_visibility_user"),
            *admin_search_indexes("display_name", "organisation", prefix="profile"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("bio"), BIO_MAX_LENGTH), name="profile_bio_length"
            ),
            models.CheckConstraint(
                condition=Q(ticket_min__isnull=True)
                | Q(ticket_max__isnull=True)
                | Q(ticket_min__lte=F("ticket_max")),
                name="profile_ticket_range_ordered",
            ),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("members:profile", kwargs={"slug": self.slug})

    def clean(self):
        """The rules of a profile across fields. Details of another member type are dropped, so
        that a former investor's tickets do not linger after they switch to "science" (their
        choices of stages and needs go in members.services.keep_choices_of_member_type)."""
        if not self.is_investor:
            self.investor_type, self.ticket_min, self.ticket_max = "", None, None
        if not self.is_founder:
            self.startup_name, self.startup_stage, self.founded_in, self.team_size = "", "", None, None
            self.funding_sought = None
        if self.member_type != self.MemberType.CORPORATE:
            self.offers_pilots = False
        if self.member_type != self.MemberType.SCIENCE:
            self.research_field = ""
        errors = {}
        if self.founded_in and self.founded_in > timezone.localdate().year:
            errors["founded_in"] = _("The founding year cannot lie in the future.")
        if self.ticket_min is not None and self.ticket_max is not None and self.ticket_min > self.ticket_max:
            errors["ticket_max"] = _("The largest ticket must not be smaller than the smallest.")
        if errors:
            raise ValidationError(errors)

    # What for_cards() brings along, named

    @property
    def themes(self) -> list:
        return network().themes_named(self.theme_ids or ())

    @property
    def hubs(self) -> list:
        """The member's hubs in the visitor's language's order, each marked `managed` or not."""
        managed = set(self.managed_hub_ids or ())
        return [
            HubOfMember(hub, hub.pk in managed)
            for hub in sorted(
                network().hubs_named(self.hub_ids or ()), key=lambda hub: alphabetical(hub.name)
            )
        ]

    @property
    def stages(self) -> list[str]:
        return [label for code, label in Stage.choices if code in (self.stage_codes or ())]

    @property
    def needs(self) -> list[str]:
        return [label for code, label in Need.choices if code in (self.need_codes or ())]

    @property
    def spoken_languages(self) -> list[str]:
        return [label for code, label in WorkLanguage.choices if code in (self.language_codes or ())]

    @property
    def texts_in_other_language(self) -> bool:
        """Whether the member's own words are in the other language than the page's."""
        return self.text_language != active_language()

    @property
    def is_investor(self) -> bool:
        return self.member_type == self.MemberType.INVESTOR

    @property
    def is_founder(self) -> bool:
        return self.member_type == self.MemberType.FOUNDER


class Membership(models.Model):
    """A member's belonging to a hub; hub managers curate their hub."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MANAGER = "manager", _("Hub manager")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member"),
    )
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("hub")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined = models.DateTimeField(_("joined"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["hub", "joined"]
        constraints = [
            models.UniqueConstraint(fields=["user", "hub"], name="membership_unique_per_hub"),
        ]
        indexes = [
            models.Index(fields=["hub", "role"]),
            # The admin lists the newest first: the agency all, a manager their hub's.
            models.Index(fields=["joined", "id"], name="membership_newest"),
            models.Index(fields=["hub", "joined", "id"], name="membership_hub_newest"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.hub}"

    @property
    def is_manager(self) -> bool:
        return self.role == self.Role.MANAGER
