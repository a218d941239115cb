"""The sitemap: an index (sitemap.xml) of sections, each in files of at most 10,000 addresses
(an item in German and in English makes two, each with its hreflang alternates; the protocol
allows 50,000). Each section knows its latest change from one query."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from events.models import Event
from hubs.models import Hub
from pages.models import News, Page


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 10_000  # addresses a file

    @property
    def protocol(self):
        return urlsplit(settings.PORTAL_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_URL).netloc


class SectionSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "hubs:list", "events:list", "events:archive", "news:list", "members:directory"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.latest_change

    def get_latest_lastmod(self):
        return self.latest_change

    @cached_property
    def latest_change(self):
        """The lists change with their hubs, events and news."""
        changes = [
            items.aggregate(latest=Max("updated"))["latest"]
            for items in (Hub.objects.all(), Event.objects.public(), News.objects.published())
        ]
        return max(filter(None, changes), default=None)


class ModelSitemap(PortalSitemap):
    """Items of a model with only the columns the sitemap needs; the latest change in one query."""

    def lastmod(self, item):
        return item.updated

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated"))["latest"]


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
    changefreq = "weekly"

    def items(self):
        return Hub.objects.only("slug", "updated").order_by("slug")


class EventSitemap(ModelSitemap):
    changefreq = "daily"

    def items(self):
        return Event.objects.public().only("slug", "updated").order_by("-start", "pk")


class NewsSitemap(ModelSitemap):
    changefreq = "weekly"

    def items(self):
        return News.objects.published().only("slug", "updated").order_by("-published_at", "pk")


SITEMAPS = {
    "sections": SectionSitemap,
    "hubs": HubSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "pages": LegalPageSitemap,
}
