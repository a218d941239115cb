"""The coming events for the hubs' own websites: a compact list in a frame, and a small script
that places the frame. Only the websites a hub names (Hub.embed_origins) may frame its list,
the network's list any of them and EMBED_ORIGINS; every other page of the portal stays
unframeable (X-Frame-Options DENY, frame-ancestors 'none')."""

from csp.constants import SELF
from csp.utils import build_policy
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt

from hubs.models import Hub

from ..models import Event

SHOWN, MOST = 10, 20  # events a list shows, by default and at most (?count=)


def shown(request) -> int:
    count = request.GET.get("count", "")
    return min(int(count), MOST) if count.isdigit() and int(count) > 0 else SHOWN


def framed_by(response, origins) -> HttpResponse:
    """Let `origins` (and the portal itself, for the preview in the hub's admin page; nobody
    else) show `response` in a frame. Set as headers, so that the page cache keeps them
    (core.page_cache)."""
    response["Content-Security-Policy"] = build_policy(replace={"frame-ancestors": [SELF, *sorted(origins)]})
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@xframe_options_exempt
def hub_events(request, slug):
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None:
        raise Http404
    events = (
        Event.objects.public().upcoming().for_hub(hub).next_of_each_series().for_cards()[: shown(request)]
    )
    response = render(request, "events/embed/list.html", {"hub": hub, "events": events})
    return framed_by(response, hub.origins)


@xframe_options_exempt
def network_events(request):
    events = Event.objects.published().upcoming().next_of_each_series().for_cards()[: shown(request)]
    origins = {origin for hub in Hub.objects.exclude(embed_origins="") for origin in hub.origins}
    response = render(request, "events/embed/list.html", {"hub": None, "events": events})
    return framed_by(response, origins | set(settings.EMBED_ORIGINS))


def script(request):
    """The script a hub's website includes to show its events; any website may load it."""
    with open(finders.find("js/embed.js"), "rb") as source:
        response = HttpResponse(source.read(), content_type="text/javascript; charset=utf-8")
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = "public, max-age=86400"
    return response
