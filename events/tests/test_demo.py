from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Event, EventReport, EventSeries, Registration

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_a_living_programme_once(settings):
    settings.DEBUG = True

    call_command("seed_demo", stdout=StringIO())
    counts = (Event.objects.count(), Registration.objects.count(), EventReport.objects.count())
    call_command("seed_demo", stdout=StringIO())

    assert (Event.objects.count(), Registration.objects.count(), EventReport.objects.count()) == counts
    assert EventReport.objects.get().event.hub.slug == "hamburg"  # for the demo manager's queue
    assert set(Event.objects.values_list("event_type", flat=True)) == set(Event.Type.values)
    assert set(Event.objects.values_list("format", flat=True)) == set(Event.Format.values)
    assert Event.objects.upcoming().exists()
    assert Event.objects.past().exists()
    assert Event.objects.filter(cohosts__isnull=False).exists()
    # English texts, one event in English only; a monthly series with an exception and a moved date.
    assert Event.objects.exclude(title_en="").exclude(title_de="").exists()
    assert Event.objects.filter(title_de="").exclude(title_en="").exists()
    series = EventSeries.objects.get()
    dates = list(series.occurrences.order_by("occurrence_start"))
    assert series.frequency == EventSeries.Frequency.MONTHLY
    assert len(series.dates()) == len(dates) + 1
    assert [date.is_moved for date in dates].count(True) == 1
    full_with_waitlist = [
        event
        for event in Event.objects.filter(registration_mode="portal")
        if event.registrations.confirmed().count() == event.capacity
        and event.registrations.waitlisted().exists()
    ]
    assert full_with_waitlist
