"""The sitemap: an index (sitemap.xml) of sections, each in files of at most 500 addresses
(an item in German and in English makes two, each with its hreflang alternates; the protocol
allows 50,000, but a file is made within 50 ms only at this size). Each section knows its
latest change from one query, and a file reads only its own items."""

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Count, Max
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language

from core.page_cache import versioned
from desks.models import DeskSpace
from events.models import Event
from formats.models import Format
from hubs.models import Hub
from pages.models import News, Page
from partners.models import Organisation


class InEveryLanguage(Sequence):
    """Each item paired with each language, as the sitemap framework pages through them, reading
    only the items of the page asked for (the framework would pair all items in a list)."""

    def __init__(self, items, languages, *, number_of_items: int):
        self.items, self.languages = items, list(languages)
        self.length = number_of_items * len(self.languages)

    def __len__(self):
        return self.length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first_item = start // per_item
        pairs = [
            (item, language)
            for item in self.items[first_item : -(-stop // per_item)]
            for language in self.languages
        ]
        skipped = start - first_item * per_item
        return pairs[skipped : skipped + stop - start]


SLUG = "slug-of-the-item"


@lru_cache
def address_pattern(route: str, language: str) -> str:
    """The address of a route's page in a language, with SLUG for the slug: a file names each
    item three times in each language (address and alternates), and reversing each would take
    most of the time to make it."""
    return reverse(route, kwargs={"slug": SLUG})


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 500  # addresses a file

    @property
    def protocol(self):
        return urlsplit(settings.PORTAL_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_URL).netloc

    def _items(self):
        return InEveryLanguage(self.items(), self._languages(), number_of_items=self.number_of_items)

    @property
    def number_of_items(self) -> int:
        return len(self.items())


class SectionSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "hubs:list",
            "events:list",
            "events:archive",
            "news:list",
            "members:directory",
            "partners:directory",
            "formats:list",
            "api_docs:documentation",
            "network_in_numbers",
        ]

    def location(self, name):
        return reverse(name)

    # No lastmod: the lists change with every event and member; "daily" says as much.
    version = "sections"  # the addresses are the code's, not the database's


class ModelSitemap(PortalSitemap):
    """Items of a model with only the columns the sitemap needs; how many and the latest change
    in one query. Their pages are `route` with the item's slug."""

    route: str

    def location(self, item):
        return address_pattern(self.route, get_language()).replace(SLUG, item.slug)

    def lastmod(self, item):
        return item.updated

    def get_latest_lastmod(self):
        return self.latest_change

    @cached_property
    def summary(self) -> dict:
        """How many items there are and when the last changed: what the section's version and
        the index's lastmod are made of, read once however many files the section has."""
        return self.items().aggregate(number=Count("*"), latest=Max("updated"))

    @property
    def latest_change(self):
        return self.summary["latest"]

    @property
    def number_of_items(self) -> int:
        return self.summary["number"]

    @property
    def version(self) -> str:
        latest = self.summary["latest"]
        return f"{self.summary['number']}-{latest.timestamp() if latest else 0}"


class LegalPageSitemap(ModelSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.only("slug", "updated").order_by("slug")

    def location(self, page):
        return reverse(
            {"impressum": "pages:impressum", "datenschutz": "pages:privacy"}.get(
                page.slug, "pages:accessibility"
            )
        )


class HubSitemap(ModelSitemap):
    route = "hubs:detail"
    changefreq = "weekly"

    def items(self):
        return Hub.objects.only("slug", "updated").order_by("slug")


class EventSitemap(ModelSitemap):
    route = "events:detail"
    changefreq = "daily"

    def items(self):
        return Event.objects.public().only("slug", "updated").order_by("-start", "-pk")


class NewsSitemap(ModelSitemap):
    route = "news:detail"
    changefreq = "weekly"

    def items(self):
        return News.objects.published().only("slug", "updated").order_by("-published_at", "pk")


class OrganisationSitemap(ModelSitemap):
    route = "partners:detail"
    changefreq = "weekly"

    def items(self):
        return Organisation.objects.published().only("slug", "updated").order_by("name", "pk")


class DeskSpaceSitemap(ModelSitemap):
    route = "desks:detail"
    changefreq = "daily"

    def items(self):
        return DeskSpace.objects.active().only("slug", "updated").order_by("slug")


class FormatSitemap(ModelSitemap):
    route = "formats:detail"
    changefreq = "weekly"

    def items(self):
        return Format.objects.only("slug", "updated").order_by("-created", "-pk")


SITEMAPS = {
    "sections": SectionSitemap,
    "hubs": HubSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "partners": OrganisationSitemap,
    "desks": DeskSpaceSitemap,
    "formats": FormatSitemap,
    "pages": LegalPageSitemap,
}


def section_version(request, section, **kwargs) -> str:
    """The version of a section's files, for the cache and their ETag (page_cache.versioned)."""
    if section not in SITEMAPS:
        raise Http404
    return SITEMAPS[section]().version


section = versioned(section_version)(sitemap_views.sitemap)
