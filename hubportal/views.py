import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from . import site_search
from .site_search import SearchForm

logger = logging.getLogger(__name__)

# Crawlers keep out of accounts, the admin, personal calendars and introductions; the rest is public.
DISALLOWED = [
    "/admin/",
    "/accounts/",
    "/en/accounts/",
    "/members/me/",
    "/en/members/me/",
    "/events/calendar/",
    "/introductions/",
    "/en/introductions/",
]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in DISALLOWED], ""]
    lines.append(f"Sitemap: {settings.PORTAL_URL.rstrip('/')}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def search(request):
    """The portal's search: a few hubs, coming events, partners and formats for the words asked
    for, each with the way to all of its kind."""
    form = SearchForm(request.GET or None)
    results = site_search.search(form.cleaned_data["q"]) if form.is_valid() else []
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "search.html", {"form": form, "results": results}, status=status)


def favicon(request):
    """Browsers ask for /favicon.ico wherever a page names no icon (the admin, feeds, the API)."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def bad_request(request, exception):
    """400 in the portal's frame and the visitor's language (Django's own renders without the request)."""
    return render(request, "400.html", status=400)


def server_error(request):
    """500, or a styled 503 while the database cannot be reached. Rendered without the request's
    context or the database, since either may be what failed."""
    _kind, error, _traceback = sys.exc_info()
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


@never_cache
def healthz(request):
    """For the load balancer: 200 when the database and the cache answer, 503 otherwise.
    What failed goes to the log, not to the public."""
    failures = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        failures.append("database")
    if not getattr(cache, "is_reachable", lambda: True)():
        failures.append("cache")
    if failures:
        logger.error("Health check failed: %s", ", ".join(failures))
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
