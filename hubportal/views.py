from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Crawlers keep out of accounts, the admin and personal calendars; the rest is public.
DISALLOWED = [
    "/admin/",
    "/accounts/",
    "/en/accounts/",
    "/members/me/",
    "/en/members/me/",
    "/events/calendar/",
]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in DISALLOWED], ""]
    lines.append(f"Sitemap: {settings.PORTAL_URL.rstrip('/')}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request, exception):
    """400 in the portal's frame and the visitor's language (Django's own renders without the request)."""
    return render(request, "400.html", status=400)
