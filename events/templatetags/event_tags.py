from django import template
from django.urls import reverse
from django.utils import timezone

from events.models import CalendarToken, Event
from hubportal.mail import absolute_url

register = template.Library()


@register.inclusion_tag("events/includes/hub_events.html", takes_context=True)
def hub_events(context, hub, limit=6):
    """The upcoming events of a hub page, hosted or co-hosted."""
    events = Event.objects.public().upcoming().for_hub(hub).for_cards()[:limit]
    return {"request": context["request"], "hub": hub, "events": events}


@register.inclusion_tag("events/includes/next_events.html", takes_context=True)
def next_events(context, limit=3):
    """The next events across the network for the home page, those the agency features first."""
    upcoming = Event.objects.published().upcoming().for_cards()
    featured = list(upcoming.filter(featured=True)[:limit])
    others = list(upcoming.exclude(pk__in=[event.pk for event in featured])[: limit - len(featured)])
    return {"request": context["request"], "events": featured + others}


@register.simple_tag
def upcoming_event_count():
    return Event.objects.published().upcoming().count()


@register.simple_tag(takes_context=True)
def events_awaiting_review(context):
    """How many submitted events the admin user may publish or reject."""
    user = context["request"].user
    return Event.objects.moderated_by(user).awaiting_review().count()


@register.inclusion_tag("events/includes/my_events.html", takes_context=True)
def my_events(context):
    """A member's registrations, own events and personal calendar feed, for the dashboard.
    The feed's secret is made when the member asks for it (services.renew_calendar_token)."""
    user = context["request"].user
    token = CalendarToken.objects.filter(user=user).first()
    return {
        "request": context["request"],
        "roles": context["roles"],
        "registrations": user.event_registrations.filter(event__end__gte=timezone.now())
        .select_related("event")
        .order_by("event__start"),
        "organised": user.organised_events.order_by("-start").select_related("hub")[:20],
        "calendar_url": absolute_url(reverse("events:personal_calendar", kwargs={"token": token.token}))
        if token
        else None,
    }
