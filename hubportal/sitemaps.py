"""sitemap.xml: the public pages in German and English, with hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from hubs.models import Hub
from pages.models import News, Page


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

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


class LegalPageSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return list(Page.objects.order_by("slug"))

    def location(self, page):
        return reverse(
            {"impressum": "pages:impressum", "datenschutz": "pages:privacy"}.get(
                page.slug, "pages:accessibility"
            )
        )

    def lastmod(self, page):
        return page.updated


class HubSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return Hub.objects.order_by("slug")

    def lastmod(self, hub):
        return hub.updated


class EventSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return Event.objects.public().order_by("-start")

    def lastmod(self, event):
        return event.updated


class NewsSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return News.objects.published()

    def lastmod(self, news):
        return news.updated


SITEMAPS = {
    "sections": SectionSitemap,
    "hubs": HubSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "pages": LegalPageSitemap,
}
