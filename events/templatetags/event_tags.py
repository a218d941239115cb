from urllib.parse import urlencode

from django import template
from django.db.models import Count, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from core.mail import absolute_url
from events import services
from events.models import Event

register = template.Library()


@register.inclusion_tag("events/includes/hub_events.html", takes_context=True)
def hub_events(context, hub, limit=6):
    """The upcoming events of a hub page, hosted or co-hosted."""
    events = Event.objects.public().upcoming().for_hub(hub).next_of_each_series().for_cards()[:limit]
    return {"request": context["request"], "hub": hub, "events": events}


@register.simple_tag
def upcoming_events(limit=3):
    """For the home page: the next events across the network, those the agency features first,
    and how many upcoming events there are, in one query."""
    events = list(
        Event.objects.published()
        .upcoming()
        .next_of_each_series()
        .for_cards()
        .annotate(total=Window(Count("pk")))
        .order_by("-featured", "start", "pk")[:limit]
    )
    return {"next": events, "count": events[0].total if events else 0}


@register.simple_tag(takes_context=True)
def events_awaiting_review(context):
    """How many submitted events the admin user may publish or reject."""
    user = context["request"].user
    return Event.objects.curated_by(user).awaiting_review().count()


@register.inclusion_tag("events/includes/subscribe.html")
def calendar_subscription(path: str, *, name: str, label: str):
    """The ways to subscribe to the calendar feed at `path` (called `name` in the calendar): a
    webcal:// link that calendar apps open as a subscription, Google Calendar's and Outlook.com's
    pages that add it, and the address to copy."""
    address = absolute_url(path)
    webcal = "webcal://" + address.split("://", 1)[1]
    return {
        "label": label,
        "links": {
            "address": address,
            "webcal": webcal,
            "google": "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal}),
            "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
            + urlencode({"url": address, "name": name}),
            "field_id": "calendar-address-" + slugify(path),
        },
    }


@register.inclusion_tag("events/includes/my_events.html", takes_context=True)
def my_events(context):
    """A member's registrations, own events and personal calendar feed, for the dashboard. The
    feed's address exists from the start (services.calendar_token_of); the member renews it."""
    user = context["request"].user
    token = services.calendar_token_of(user)
    return {
        "request": context["request"],
        "roles": context["roles"],
        "registrations": user.event_registrations.filter(event__end__gte=timezone.now())
        .select_related("event")
        .order_by("event__start"),
        "organised": user.organised_events.order_by("-start").select_related("hub")[:20],
        "calendar_path": reverse("events:personal_calendar", kwargs={"token": token.token}),
    }
