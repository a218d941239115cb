"""Reviewing events, as the front end's queue and event pages and the admin's queue do it:
the same services, the same form for the reason, the same messages."""

from django.contrib import messages
from django.utils.translation import ngettext

from core.moderation import review_each

from . import services


def review(request, events, *, publish: bool, reason: str = "") -> int:
    """Publish, or reject with `reason`, each event the rules allow; tell the moderator what
    became of each, counting the dates of a series. A series is reviewed as one
    (services.review_event), by its first date among `events`. Returns how many were reviewed."""
    events = first_of_each_series(events)
    reviewed = []

    def each(event):
        if publish:
            reviewed.extend(services.publish_event(event=event, moderator=request.user))
        else:
            reviewed.extend(services.reject_event(event=event, moderator=request.user, reason=reason))

    done = review_each(request, events, review=each, refused=services.EventError)
    if any(event.series_id for event in reviewed):
        message = (
            ngettext(
                "%(count)s date published; the organisers have been told.",
                "%(count)s dates published; the organisers have been told.",
                len(reviewed),
            )
            if publish
            else ngettext(
                "%(count)s date rejected; the organisers have been told why.",
                "%(count)s dates rejected; the organisers have been told why.",
                len(reviewed),
            )
        )
        messages.success(request, message % {"count": len(reviewed)})
    elif done and publish:
        message = ngettext(
            "%(count)s event published; its organiser has been told.",
            "%(count)s events published; their organisers have been told.",
            done,
        )
        messages.success(request, message % {"count": done})
    elif done:
        message = ngettext(
            "%(count)s event rejected; its organiser has been told why.",
            "%(count)s events rejected; their organisers have been told why.",
            done,
        )
        messages.success(request, message % {"count": done})
    return done


def first_of_each_series(events) -> list:
    """`events` with a series only once, by its first date among them."""
    seen = set()
    first = []
    for event in events:
        if event.series_id is None or event.series_id not in seen:
            seen.add(event.series_id)
            first.append(event)
    return first
