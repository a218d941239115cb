"""iCalendar files: one event, the network, a hub, and a member's personal feed behind a secret.

The feeds hold the events of a window, from a week ago to a year ahead (CALENDAR_WINDOW), and
of those at most the first CALENDAR_LIMIT, not every event ever: calendar apps poll them, so
they must stay small. A hub's year fits; the whole network's runs a few months ahead. They
answer a poll with 304 when nothing in the window has changed (an ETag from how many events
there are and when the last of them changed, checked before the file is made), and the
public ones are kept in the cache under that version (core.page_cache.versioned).
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_POST

from core.page_cache import versioned
from hubs.models import Hub
from hubs.reference import network

from .. import services
from ..calendar import calendar_file
from ..models import CalendarToken, Event


def ics_response(content: bytes, filename: str, *, subscribed: bool = False) -> HttpResponse:
    """A calendar file: a feed that calendars subscribe to is shown inline (a client that
    downloads an attachment imports it once, and it never updates); one event's file is a
    download to import."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"inline" if subscribed else "attachment"}; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public().with_named_relations(), slug=slug)
    return ics_response(calendar_file([event], name=event.title), f"{event.slug}.ics")


CALENDAR_WINDOW = (timedelta(days=7), timedelta(days=365))  # back, ahead
CALENDAR_LIMIT = 1_000  # events a feed


def calendar_events():
    """The public events of the window, as the feeds list them."""
    now = timezone.now()
    back, ahead = CALENDAR_WINDOW
    return Event.objects.public().filter(end__gte=now - back, start__lte=now + ahead)


def with_calendar_details(events):
    """The first CALENDAR_LIMIT events, with what their entries name."""
    return events.with_named_relations().order_by("start", "pk")[:CALENDAR_LIMIT]


def version_of(events) -> str:
    """An ETag for a feed: it changes when an event comes, goes or changes, or another date of
    a series in it does (a series' entry is for all its dates)."""
    summary = events.aggregate(number=Count("*"), latest=Max("updated"), series=Max("series__updated"))
    latest = max(filter(None, [summary["latest"], summary["series"]]), default=None)
    return f"{summary['number']}-{latest.timestamp() if latest else 0}"


def hub_of(slug) -> Hub:
    hub = network().hubs_by_slug.get(slug)
    if hub is None:
        raise Http404
    return hub


def hub_events(slug):
    return calendar_events().for_hub(hub_of(slug))


def personal_events(token):
    user = get_object_or_404(CalendarToken.objects.select_related("user"), token=token).user
    return calendar_events().filter(registrations__user=user)


@versioned(lambda request: version_of(calendar_events()))
def network_calendar(request):
    events = with_calendar_details(calendar_events())
    return ics_response(
        calendar_file(events, name=_("Digital Hubs: events"), as_series=True),
        "digital-hubs.ics",
        subscribed=True,
    )


@versioned(lambda request, slug: version_of(hub_events(slug)))
def hub_calendar(request, slug):
    hub = hub_of(slug)
    events = with_calendar_details(hub_events(slug))
    return ics_response(
        calendar_file(events, name=_("Digital Hub %(hub)s: events") % {"hub": hub.name}, as_series=True),
        f"{hub.slug}.ics",
        subscribed=True,
    )


@never_cache
@condition(etag_func=lambda request, token: version_of(personal_events(token)))
def personal_calendar(request, token):
    events = with_calendar_details(personal_events(token))
    return ics_response(
        calendar_file(events, name=_("My Digital Hubs events")), "my-events.ics", subscribed=True
    )


@require_POST
@login_required
def reset_calendar_token(request):
    services.renew_calendar_token(user=request.user)
    messages.success(request, _("Your personal calendar address is new; the old one no longer works."))
    return redirect(reverse("members:dashboard") + "#calendar")
