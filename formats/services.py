"""Recording outcomes and publishing and running formats. Each function checks who may, writes
in one transaction and raises FormatError with a message for the member."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.slugs import unique_slug
from events.models import Event
from members.models import User

from . import permissions
from .models import Format, Outcome, Run


class FormatError(Exception):
    """What the rules of the Format Library do not allow; the message is for the member."""


def record_outcome(*, outcome: Outcome, user: User) -> Outcome:
    """Store the outcome of an event (new, or changed), checked by its rules (Outcome.clean)."""
    if not permissions.can_record_outcome(user, outcome.event):
        raise FormatError(
            _("Only the organiser and the hub's managers record the outcome, once the event is over.")
        )
    outcome.recorded_by = outcome.recorded_by or user
    outcome.full_clean()
    outcome.save()
    return outcome


@transaction.atomic
def publish_format(*, outcome: Outcome, user: User) -> Format:
    """Publish an outcome as a format of the library, with the event's titles and themes; the
    event is its first run."""
    outcome = Outcome.objects.select_for_update().select_related("event").get(pk=outcome.pk)
    event = outcome.event
    if not permissions.can_record_outcome(user, event):
        raise FormatError(_("Only the organiser and the hub's managers publish the outcome as a format."))
    if Format.objects.filter(outcome=outcome).exists():
        raise FormatError(_("This outcome is published as a format already."))
    if Run.objects.filter(event=event).exists():
        raise FormatError(_("This event was run with a format of the library; its outcome counts there."))
    format = Format.objects.create(
        slug=unique_slug(Format, event.title, fallback="format", length=70),
        title_de=event.title_de,
        title_en=event.title_en,
        summary_de=outcome.summary_de,
        summary_en=outcome.summary_en,
        worked=outcome.worked,
        to_change=outcome.to_change,
        materials=outcome.materials,
        format_type=outcome.format_type,
        effort=outcome.effort,
        hub_id=event.hub_id,
        outcome=outcome,
        published_by=user,
    )
    format.focus_themes.set(event.focus_themes.all())
    Run.objects.create(format=format, event=event)
    return format


def run_format(*, format: Format, event: Event) -> Run:
    """Remember that `event` (just made from the format) runs it: the format's page lists it."""
    return Run.objects.create(format=format, event=event)
