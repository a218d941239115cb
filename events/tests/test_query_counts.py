"""No query per row on the lists of events: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from events.tests.rows import (
    calendar_feeds,
    events,
    past_events,
    registrations,
    reported_events,
    reports,
    series,
    submitted_events,
    submitted_series,
)

# page, who looks, what makes its rows
LISTS = [
    ("events:list", {}, "anonymous", events),
    ("events:list", {}, "member", events),
    ("events:list", {}, "anonymous", series),
    ("admin:events_calendarfeed_changelist", {}, "manager", calendar_feeds),
    ("embed:hub_events", {"slug": "hamburg"}, "anonymous", series),
    ("embed:network_events", {}, "anonymous", events),
    ("events:calendar", {}, "anonymous", series),
    ("hub_calendar", {"slug": "hamburg"}, "anonymous", series),
    ("events:moderation", {}, "manager", submitted_series),
    ("events:archive", {}, "anonymous", past_events),
    ("events:moderation", {}, "manager", submitted_events),
    ("events:attendees", {"slug": "organised"}, "member", registrations),
    ("events:feed", {}, "anonymous", events),
    ("events:calendar", {}, "anonymous", events),
    ("admin:events_event_changelist", {}, "manager", events),
    ("admin:events_event_changelist", {}, "agency", events),
    ("admin:events_eventforreview_changelist", {}, "manager", submitted_events),
    ("events:moderation", {}, "manager", reported_events),
    ("events:detail", {"slug": "organised"}, "manager", reports),
    ("admin:events_eventreport_changelist", {}, "manager", reported_events),
    ("admin:events_eventreport_changelist", {}, "agency", reported_events),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
