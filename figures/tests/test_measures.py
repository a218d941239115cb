"""The numbers of the network in numbers, against a quarter counted by hand (conftest.counted)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.tests.factories import EventFactory
from figures.measures import count, numbers

pytestmark = pytest.mark.django_db


def without_time(counted):
    return {key: value for key, value in counted.items() if key != "counted"}


def test_the_whole_network_in_the_quarter(counted):
    a, b = counted["a"], counted["b"]

    assert without_time(count(counted["network"])) == {
        "members": 3,  # Anna, Ben, Cleo; Dora joined after the quarter
        "members_by_type": {f"{a}:founder": 1, f"{b}:investor": 1, f"{a}:science": 1, f"{b}:science": 1},
        "new_members": {"2026-01": 1, "2026-02": 1},  # Cleo was a member before, of Hamburg
        "events": {"2026-01": 1, "2026-02": 1},  # neither the cancelled, the draft nor April's
        "events_by_type": {"meetup": 1, "workshop": 1},
        "events_by_format": {"on_site": 1, "online": 1},
        "events_by_hub": {str(a): 1, str(b): 1},  # by the hosting hub, not the co-host
        "registrations": {"2026-01": 3, "2026-02": 2},  # not the waitlist, not the cancelled event
        "attendance": {"2026-01": 25},
        "cross_hub_registrations": 2,  # Ben at Hamburg's, Anna at Berlin's; not Cleo, of both
        "cross_hub": {f"{b}:{a}": 1, f"{a}:{b}": 1},
        "desk_days": {"2026-01": [2, 1], "2026-02": [1, 1]},  # a no-show held a desk, unused
        "introductions": {"2026-01": [2, 2, 1], "2026-02": [1, 0, 0], "2026-03": [1, 0, 0]},
        "partners": {str(a): 1, str(b): 1},  # not May's, not the unpublished organisation's
        "partner_organisations": 1,
    }


def test_one_hub_in_the_quarter(counted):
    a, b = counted["a"], counted["b"]

    assert without_time(count(counted["hamburg"])) == {
        "members": 2,
        "members_by_type": {f"{a}:founder": 1, f"{a}:science": 1},
        "new_members": {"2026-01": 1},
        "events": {"2026-01": 1},
        "events_by_type": {"meetup": 1},
        "events_by_format": {"on_site": 1},
        "events_by_hub": {str(a): 1},
        "registrations": {"2026-01": 3},
        "attendance": {"2026-01": 25},
        "cross_hub_registrations": 1,  # Ben at Hamburg's event (Anna's visit is Berlin's)
        "cross_hub": {f"{b}:{a}": 1, f"{a}:{b}": 1},  # visitors to Hamburg, and Hamburg's visiting
        "desk_days": {"2026-01": [2, 1], "2026-02": [1, 1]},
        "introductions": {"2026-01": [2, 2, 1], "2026-02": [1, 0, 0]},
        "partners": {str(a): 1},
        "partner_organisations": 1,
    }


def test_the_numbers_are_kept_in_the_cache(counted):
    numbers(counted["network"])

    with CaptureQueriesContext(connection) as queries:
        again = numbers(counted["network"])

    assert len(queries) == 0
    assert again["members"] == 3


def test_counting_costs_the_same_queries_for_one_event_and_for_fifty(counted, hub):
    with CaptureQueriesContext(connection) as one:
        count(counted["network"])
    EventFactory.create_batch(49, hub=hub, start=counted["network"].since.replace(day=15))
    with CaptureQueriesContext(connection) as fifty:
        count(counted["network"])

    assert len(one) == len(fifty)
