"""What the API shows of each public object: only what the public pages show.

Texts the portal keeps in German and English come as one object per text, {"de": …, "en": …},
with null where a version is missing (the English pages then show the German one). Hubs and
themes nested in a row are named from the cached network (hubs.reference), not by a query.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from events.models import Event
from hubs.models import FederalState, FocusTheme, Hub
from hubs.reference import network
from pages.models import News
from partners.models import Organisation

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


PLACEHOLDER = "x-slug-x"


@lru_cache(maxsize=64)
def route(name: str, language: str) -> str:
    """The path of the route `name` in `language`, with PLACEHOLDER for the slug: reversed once,
    since a page of rows names a few hundred pages."""
    with translation.override(language):
        return reverse(name, kwargs={"slug": PLACEHOLDER})


def page_urls(name: str, *, slug: str) -> dict[str, str]:
    """The portal page of an object in each language, as absolute URLs."""
    return {language: absolute(route(name, language).replace(PLACEHOLDER, slug)) for language in LANGUAGES}


BilingualText = inline_serializer(
    "BilingualText",
    {
        "de": serializers.CharField(
            allow_null=True, help_text=_("The German version; null when there is only the English one")
        ),
        "en": serializers.CharField(
            allow_null=True,
            help_text=_(
                "The English version; null when there is only the German one, which the portal's "
                "English pages then show (and say so)"
            ),
        ),
    },
)
PageUrls = inline_serializer("PageUrls", {"de": serializers.URLField(), "en": serializers.URLField()})


@extend_schema_field(BilingualText)
class BilingualField(serializers.Field):
    """The German and English versions of a text, e.g. `name` from `name_de` and `name_en`."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return {
            language: getattr(instance, f"{self.field_name}_{language}") or None for language in LANGUAGES
        }


@extend_schema_field(BilingualText)
class MarkdownField(BilingualField):
    """A bilingual Markdown text whose links to the portal's own pages are absolute, so that a
    site showing it elsewhere links to the portal, not to itself."""

    def __init__(self, **kwargs):
        super().__init__(help_text=_("Markdown; links to the portal's pages are absolute"), **kwargs)

    def to_representation(self, instance):
        return {
            language: RELATIVE_LINK.sub(lambda link: f"{link[1]}{absolute(link[2])}", text) if text else text
            for language, text in super().to_representation(instance).items()
        }


# A Markdown link or an HTML href to an address on this site: ](/path) or href="/path".
RELATIVE_LINK = re.compile(r'(\]\(|href=")(/(?!/)[^)"\s]*)')


@extend_schema_field(PageUrls)
class PageUrlsField(serializers.Field):
    """The object's page on the portal in each language, from the route `name` and its slug."""

    def __init__(self, name: str, **kwargs):
        self.route = name
        super().__init__(source="slug", read_only=True, **kwargs)

    def to_representation(self, slug):
        return page_urls(self.route, slug=slug)


class OptionalField(serializers.CharField):
    """A text the portal leaves blank when there is none: null in the API."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class ThemeReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = BilingualField()


class HubReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = BilingualField()
    url = PageUrlsField("hubs:detail")


def hub_reference(hub) -> dict:
    """A hub as rows name it (HubReferenceSerializer's fields), made once per hub and address."""
    return _hub_reference(hub.pk, hub.slug, hub.name_de, hub.name_en, settings.PORTAL_URL)


@lru_cache(maxsize=1024)
def _hub_reference(pk, slug, name_de, name_en, portal_url) -> dict:
    name = {"de": name_de or None, "en": name_en or None}
    return {"id": pk, "slug": slug, "name": name, "url": page_urls("hubs:detail", slug=slug)}


def theme_reference(theme) -> dict:
    """A theme as rows name it (ThemeReferenceSerializer's fields)."""
    return {
        "id": theme.pk,
        "slug": theme.slug,
        "name": {"de": theme.name_de or None, "en": theme.name_en or None},
    }


class CitySerializer(serializers.Serializer):
    name = BilingualField()
    state = serializers.ChoiceField(choices=FederalState.choices, help_text=_("ISO 3166-2:DE code"))
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


class HubSerializer(serializers.ModelSerializer):
    name = BilingualField()
    tagline = BilingualField()
    description = MarkdownField()
    website = OptionalField()
    contact_email = OptionalField()
    cities = CitySerializer(many=True)
    focus_themes = serializers.SerializerMethodField()
    url = PageUrlsField("hubs:detail")
    calendar_url = serializers.SerializerMethodField(help_text=_("The hub's events as an iCalendar feed"))

    class Meta:
        model = Hub
        fields = [
            "id",
            "slug",
            "name",
            "tagline",
            "description",
            "selected_in",
            "member_count",
            "website",
            "contact_email",
            "cities",
            "focus_themes",
            "url",
            "calendar_url",
        ]

    @extend_schema_field(ThemeReferenceSerializer(many=True))
    def get_focus_themes(self, hub):
        """In the hub's own order of its focus areas (prefetched)."""
        themes = [area.theme for area in hub.focus_areas.all()]
        return [theme_reference(theme) for theme in themes]

    def get_calendar_url(self, hub) -> str:
        return page_urls("hub_calendar", slug=hub.slug)[settings.LANGUAGE_CODE]


class ThemeSerializer(serializers.ModelSerializer):
    name = BilingualField()
    description = BilingualField()
    hubs = serializers.SerializerMethodField(help_text=_("The hubs with this focus theme"))

    class Meta:
        model = FocusTheme
        fields = ["id", "slug", "name", "description", "hubs"]

    @extend_schema_field(HubReferenceSerializer(many=True))
    def get_hubs(self, theme):
        hubs = [
            hub
            for hub in network().hubs_in_display_order()
            if any(area.theme_id == theme.pk for area in hub.focus_areas.all())
        ]
        return [hub_reference(hub) for hub in hubs]


class EventSerializer(serializers.ModelSerializer):
    title = BilingualField()
    description = MarkdownField()
    free_of_charge = serializers.BooleanField(
        read_only=True, help_text=_("Taking part costs nothing (cost_note may add conditions)")
    )
    cost_note = BilingualField(help_text=_("What taking part costs, in the organiser's words"))
    status = serializers.ChoiceField(
        choices=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
        help_text=_("Cancelled events stay listed, so that people learn of it."),
    )
    type = serializers.ChoiceField(source="event_type", choices=Event.Type.choices)
    hub = serializers.SerializerMethodField(help_text=_("The hosting hub"))
    cohosts = serializers.SerializerMethodField(help_text=_("Hubs that host the event with it"))
    focus_themes = serializers.SerializerMethodField()
    series = serializers.IntegerField(
        source="series_id", allow_null=True, help_text=_("Dates of one series share this number")
    )
    registration_url = serializers.SerializerMethodField(
        help_text=_(
            "Where to register: the event's page, the organiser's site, or null if no registration is needed"
        )
    )
    url = PageUrlsField("events:detail")
    calendar_url = serializers.SerializerMethodField(help_text=_("The event as an iCalendar file"))

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "title",
            "description",
            "status",
            "type",
            "format",
            "language",
            "start",
            "end",
            "venue",
            "address",
            "free_of_charge",
            "cost_note",
            "hub",
            "cohosts",
            "focus_themes",
            "series",
            "registration_mode",
            "registration_url",
            "url",
            "calendar_url",
        ]

    @extend_schema_field(HubReferenceSerializer)
    def get_hub(self, event):
        return hub_reference(network().hubs_by_pk[event.hub_id])

    @extend_schema_field(HubReferenceSerializer(many=True))
    def get_cohosts(self, event):
        return [hub_reference(hub) for hub in network().hubs_named(event.cohost_ids or ())]

    @extend_schema_field(ThemeReferenceSerializer(many=True))
    def get_focus_themes(self, event):
        themes = sorted(network().themes_named(event.theme_ids or ()), key=lambda theme: theme.pk)
        return [theme_reference(theme) for theme in themes]

    def get_registration_url(self, event) -> str | None:
        if event.registration_mode == Event.RegistrationMode.EXTERNAL:
            return event.registration_url
        if event.registration_mode == Event.RegistrationMode.PORTAL:
            return page_urls("events:detail", slug=event.slug)[settings.LANGUAGE_CODE]
        return None

    def get_calendar_url(self, event) -> str:
        return page_urls("events:ics", slug=event.slug)[settings.LANGUAGE_CODE]


class PartnerSerializer(serializers.ModelSerializer):
    description = BilingualField()
    website = OptionalField()
    city = OptionalField()
    logo = serializers.SerializerMethodField()
    focus_themes = serializers.SerializerMethodField(help_text=_("Its sectors"))
    partner_hubs = serializers.SerializerMethodField(help_text=_("The hubs it is in partnership with"))
    url = PageUrlsField("partners:detail")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "city",
            "website",
            "logo",
            "description",
            "focus_themes",
            "partner_hubs",
            "url",
        ]

    def get_logo(self, organisation) -> str | None:
        return absolute(organisation.logo.url) if organisation.logo else None

    @extend_schema_field(ThemeReferenceSerializer(many=True))
    def get_focus_themes(self, organisation):
        themes = sorted(network().themes_named(organisation.theme_ids or ()), key=lambda theme: theme.pk)
        return [theme_reference(theme) for theme in themes]

    @extend_schema_field(HubReferenceSerializer(many=True))
    def get_partner_hubs(self, organisation):
        hubs = sorted(network().hubs_named(organisation.partner_hub_ids or ()), key=lambda hub: hub.pk)
        return [hub_reference(hub) for hub in hubs]


class NewsSerializer(serializers.ModelSerializer):
    title = BilingualField()
    teaser = BilingualField()
    body = MarkdownField()
    hubs = serializers.SerializerMethodField(help_text=_("The hubs concerned"))
    url = PageUrlsField("news:detail")

    class Meta:
        model = News
        fields = ["id", "slug", "title", "teaser", "body", "published_at", "hubs", "url"]

    @extend_schema_field(HubReferenceSerializer(many=True))
    def get_hubs(self, news):
        hubs = sorted(network().hubs_named(news.hub_ids or ()), key=lambda hub: hub.pk)
        return [hub_reference(hub) for hub in hubs]
