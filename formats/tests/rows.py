"""Formats of the library and their runs, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from formats.models import Run
from formats.services import publish_format
from formats.tests.factories import past_outcome
from hubs.tests.factories import FocusThemeFactory


def formats(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        outcome = past_outcome(world["hub"], world["member"])
        outcome.event.focus_themes.set(themes)
        publish_format(outcome=outcome, user=world["member"])


def format_runs(world, number):
    """Runs of the world's format by Hamburg and Berlin, with their outcomes."""
    for index in range(number):
        outcome = past_outcome(world["hub"] if index % 2 else world["other_hub"], world["member"])
        Run.objects.create(format=world["format"], event=outcome.event)
