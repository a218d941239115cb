"""What a user may do with an event, built on the roles of members.permissions.

Views and templates ask these same functions.
"""

from hubs.models import Hub
from members.permissions import curates, has_curation_role, is_agency

from .models import Event


def hubs_for_submission(user):
    """The hubs `user` may post events for: their own hubs; every hub for agency staff."""
    if not user.is_authenticated:
        return Hub.objects.none()
    if is_agency(user):
        return Hub.objects.all()
    return Hub.objects.filter(memberships__user=user).distinct()


def moderates_any(user) -> bool:
    """Has a moderation queue: agency staff and hub managers."""
    return has_curation_role(user)


def can_moderate(user, event: Event) -> bool:
    """Agency staff, and the managers of the hosting hub, publish, reject and edit events."""
    return curates(user, event.hub_id)


def is_organiser(user, event: Event) -> bool:
    return user.is_authenticated and event.organiser_id == user.pk


def can_edit(user, event: Event) -> bool:
    if event.is_cancelled:
        return False
    return is_organiser(user, event) or can_moderate(user, event)


def can_cancel(user, event: Event) -> bool:
    return is_organiser(user, event) or can_moderate(user, event)


def can_view(user, event: Event) -> bool:
    return event.is_public or is_organiser(user, event) or can_moderate(user, event)


def can_see_attendees(user, event: Event) -> bool:
    return is_organiser(user, event) or can_moderate(user, event)
