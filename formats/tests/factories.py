"""Formats' test data: the outcome of a past event, as its organiser records it."""

from datetime import timedelta

from django.utils import timezone

from events.tests.factories import EventFactory
from formats.models import Outcome


def past_outcome(hub, organiser) -> Outcome:
    """The outcome of a past Hamburg event of `organiser`."""
    start = timezone.now() - timedelta(days=5)
    event = EventFactory(hub=hub, organiser=organiser, start=start, end=start + timedelta(hours=2))
    return Outcome.objects.create(
        event=event,
        attendance=40,
        worked="Kurze Slots",
        summary_de="Pitch-Abend",
        format_type="pitch",
        effort="small",
    )
