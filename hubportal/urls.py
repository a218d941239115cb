from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from core.page_cache import for_everybody
from events.views.calendars import hub_calendar
from figures import views as figures_views
from hubportal.sitemaps import SITEMAPS
from hubportal.sitemaps import section as sitemap_section
from hubportal.views import favicon, healthz, robots_txt, search
from hubs.views import HomeView

handler400 = "hubportal.views.bad_request"
handler500 = "hubportal.views.server_error"

# German, the default language, lives at unprefixed URLs; English under /en/.
urlpatterns = [
    path(
        "sitemap.xml",
        for_everybody(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        for_everybody(sitemap_section),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", for_everybody(robots_txt), name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", for_everybody(HomeView.as_view()), name="home"),
    path("search/", search, name="search"),
    path("hubs/<slug:slug>/calendar.ics", for_everybody(hub_calendar), name="hub_calendar"),
    path("hubs/", include("hubs.urls")),
    path("events/", include("events.urls")),
    path("embed/", include("events.embed_urls")),
    path("news/", include("pages.news_urls")),
    path("members/", include("members.urls")),
    path("partners/", include("partners.urls")),
    path("desks/", include("desks.urls")),
    path("introductions/", include("introductions.urls")),
    path("formats/", include("formats.urls")),
    path("api/docs/", include("api.docs_urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("pages.urls")),
    path("netzwerk-in-zahlen/", for_everybody(figures_views.public), name="network_in_numbers"),
    path("admin/figures/", include("figures.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
