"""Reviewing proposed organisations, as their pages and the admin do it: the same services,
the same form for the reason, the same messages."""

from django.contrib import messages
from django.utils.translation import ngettext

from core.moderation import review_each

from . import services


def review(request, organisations, *, publish: bool, reason: str = "") -> int:
    """Publish, or reject with `reason`, each proposal the rules allow; tell the moderator what
    became of each. Returns how many were reviewed."""
    if publish:
        done = review_each(
            request,
            organisations,
            review=lambda organisation: services.publish_organisation(
                organisation=organisation, moderator=request.user
            ),
            refused=services.PartnerError,
        )
    else:
        done = review_each(
            request,
            organisations,
            review=lambda organisation: services.reject_organisation(
                organisation=organisation, moderator=request.user, reason=reason
            ),
            refused=services.PartnerError,
        )
    if done and publish:
        message = ngettext(
            "%(count)s organisation published; the member who proposed it has been told.",
            "%(count)s organisations published; the members who proposed them have been told.",
            done,
        )
        messages.success(request, message % {"count": done})
    elif done:
        message = ngettext(
            "%(count)s organisation rejected; the member who proposed it has been told why.",
            "%(count)s organisations rejected; the members who proposed them have been told why.",
            done,
        )
        messages.success(request, message % {"count": done})
    return done
