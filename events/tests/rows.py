"""Events, series, registrations and reports, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from datetime import timedelta

from django.utils import timezone

from events.models import CalendarFeed, Event, EventReport, EventSeries, Registration
from events.tests.factories import EventFactory, RegistrationFactory
from hubs.tests.factories import FocusThemeFactory
from members.tests.factories import ProfileFactory


def events(world, number, **fields):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        event = EventFactory(hub=world["hub"], cohosts=[world["other_hub"]], focus_themes=themes, **fields)
        RegistrationFactory(event=event)


def series(world, number, status=Event.Status.PUBLISHED):
    """`number` weekly series of Hamburg, three dates each, the second moved a day."""
    first = timezone.now().replace(microsecond=0) + timedelta(days=7)
    for _ in range(number):
        rule = EventSeries.objects.create(
            frequency="weekly", interval=1, first_start=first, until=first + timedelta(days=14)
        )
        for number_in_series, start in enumerate(rule.dates()):
            moved = start + timedelta(days=1 if number_in_series == 1 else 0)
            EventFactory(hub=world["hub"], series=rule, occurrence_start=start, start=moved, status=status)


def submitted_series(world, number):
    series(world, number, status=Event.Status.SUBMITTED)


def calendar_feeds(world, number):
    first = CalendarFeed.objects.count()
    for index in range(first, first + number):
        CalendarFeed.objects.create(hub=world["hub"], url=f"https://kalender.example.org/{index}.ics")


def past_events(world, number):
    start = timezone.now() - timedelta(days=30)
    events(world, number, start=start, end=start + timedelta(hours=2))


def submitted_events(world, number):
    events(world, number, status=Event.Status.SUBMITTED)


def registrations(world, number):
    for _ in range(number):
        RegistrationFactory(
            event=world["organised"], user=ProfileFactory().user, status=Registration.Status.CONFIRMED
        )


def my_events(world, number):
    for _ in range(number):
        event = EventFactory(hub=world["hub"], organiser=world["member"])
        RegistrationFactory(event=event, user=world["member"])


def reported_events(world, number):
    """Published Hamburg events, each reported by a member."""
    for _ in range(number):
        event = EventFactory(hub=world["hub"])
        EventReport.objects.create(event=event, reporter=ProfileFactory().user, reason="spam")


def reports(world, number):
    """Reports of one event, as its page shows them to the moderators."""
    for _ in range(number):
        EventReport.objects.create(event=world["organised"], reporter=ProfileFactory().user, reason="spam")
