"""iCalendar files: one event, the network, a hub, and a member's personal feed behind a secret."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hubs.models import Hub

from .. import services
from ..calendar import calendar_file
from ..models import CalendarToken, Event


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public().prefetch_related("cohosts"), slug=slug)
    return ics_response(calendar_file([event], name=event.title), f"{event.slug}.ics")


def calendar_events():
    return Event.objects.public().select_related("hub").prefetch_related("cohosts").order_by("start", "pk")


def network_calendar(request):
    return ics_response(calendar_file(calendar_events(), name=_("Digital Hubs: events")), "digital-hubs.ics")


def hub_calendar(request, slug):
    hub = get_object_or_404(Hub, slug=slug)
    events = calendar_events().filter(pk__in=Event.objects.for_hub(hub).values("pk"))
    return ics_response(
        calendar_file(events, name=_("Digital Hub %(hub)s: events") % {"hub": hub.name}), f"{hub.slug}.ics"
    )


@never_cache
def personal_calendar(request, token):
    calendar_token = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    events = calendar_events().filter(registrations__user=calendar_token.user)
    return ics_response(calendar_file(events, name=_("My Digital Hubs events")), "my-events.ics")


@require_POST
@login_required
def reset_calendar_token(request):
    if services.renew_calendar_token(user=request.user):
        messages.success(request, _("Your personal calendar address is new; the old one no longer works."))
    else:
        messages.success(request, _("Your personal calendar address is ready."))
    return redirect(reverse("members:dashboard") + "#calendar")
