from django import template

from .. import permissions
from ..models import Format, Outcome

register = template.Library()


@register.inclusion_tag("formats/includes/event_outcome.html", takes_context=True)
def event_outcome(context, event):
    """On an event's page: the format it ran or was published as, and for its organiser and
    moderators, once it is over, the link to record its outcome."""
    user = context["request"].user
    return {
        "event": event,
        "format": Format.objects.filter(run_records__event=event)
        .only("slug", "title_de", "title_en")
        .first(),
        "can_record": permissions.can_record_outcome(user, event),
        "recorded": permissions.can_record_outcome(user, event)
        and Outcome.objects.filter(event=event).exists(),
    }
