"""Who may record an event's outcome, publish it as a format, edit a format and run one,
built on events.permissions and members.permissions."""

from django.db.models import Exists

from events.models import Event, PostingSuspension
from events.permissions import can_moderate, is_organiser
from members.permissions import curates, hubs_for_submission

from .models import Format


def can_record_outcome(user, event: Event) -> bool:
    """The organiser and the hub's moderators, once a published event is over."""
    return event.is_published and event.is_past and (is_organiser(user, event) or can_moderate(user, event))


def can_edit_format(user, format: Format) -> bool:
    """The agency, the managers of the hub that first ran it, and whoever published it."""
    return user.is_authenticated and (curates(user, format.hub_id) or format.published_by_id == user.pk)


def can_run_format(user) -> bool:
    """Members who may post events (for a hub of theirs, their rights not suspended) make an
    event from a format; asked in one query, as every format page asks it."""
    if not user.is_authenticated:
        return False
    suspended = PostingSuspension.objects.in_force().filter(user=user)
    return hubs_for_submission(user).filter(~Exists(suspended)).exists()
