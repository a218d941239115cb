"""Migrations that change what is stored, run on rows as the migration before them left them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from events.models import Event
from hubs.tests.factories import HubFactory

BEFORE = ("events", "0013_calendar_import")
COST_IN_TWO_LANGUAGES = ("events", "0014_event_cost_in_two_languages")


def migrate(target):
    """Migrate to `target` and give its models."""
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def migrate_to_the_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_notes_that_only_said_free_become_the_flag_and_english_events_keep_theirs_in_english():
    hub = HubFactory()
    start = timezone.now() + timedelta(days=7)
    try:
        OldEvent = migrate(BEFORE).get_model("events", "Event")
        for number, (cost_note, language) in enumerate(
            [
                ("Kostenlos", "de"),
                (" kostenfrei. ", "both"),
                ("Free of charge", "en"),
                ("20 EUR, Studierende frei", "de"),
                ("EUR 20, students free", "en"),
                ("", "de"),
            ]
        ):
            OldEvent.objects.create(
                slug=f"event-{number}",
                title_de="Veranstaltung",
                description_de="Beschreibung.",
                hub_id=hub.pk,
                event_type="meetup",
                format="online",
                online_url="https://meet.example.org/",
                start=start,
                end=start + timedelta(hours=1),
                language=language,
                registration_mode="none",
                cost_note=cost_note,
            )

        migrate(COST_IN_TWO_LANGUAGES)
    finally:
        migrate_to_the_latest()

    costs = Event.objects.order_by("slug").values_list("free_of_charge", "cost_note_de", "cost_note_en")
    assert list(costs) == [
        (True, "", ""),
        (True, "", ""),
        (True, "", ""),
        (False, "20 EUR, Studierende frei", ""),
        (False, "", "EUR 20, students free"),
        (False, "", ""),
    ]
