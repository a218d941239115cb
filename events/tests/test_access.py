"""Every page, action and admin page of events for every role (core/tests/access.py): the
visitor, a member of Hamburg who organises its events, a member of Berlin, Hamburg's manager,
Berlin's manager, agency staff."""

from core.tests.access import (
    ADMIN_LOGIN,
    CURATORS,
    DENIED,
    EVENT_CURATORS,
    EVERYONE,
    GONE,
    LOGIN,
    MEMBERS,
    MEMBERS_ACT,
    MOVED,
    NOT_FOUND,
    OK,
    REVIEWERS,
    UNSEEN,
    admin_access_test,
    admin_action_test,
    agency_only,
    exported,
    site_access_test,
)
from events.models import Event

MATRIX = [
    ("hub_calendar", "GET", {"slug": "hamburg"}, EVERYONE),
    ("events:list", "GET", {}, EVERYONE),
    ("events:archive", "GET", {}, EVERYONE),
    ("events:create", "GET", {}, MEMBERS),
    ("events:moderation", "GET", {}, CURATORS),
    ("events:calendar", "GET", {}, EVERYONE),
    ("events:personal_calendar", "GET", {"token": "token"}, EVERYONE),  # the secret is the key
    ("events:reset_calendar_token", "POST", {}, MEMBERS_ACT),
    ("events:feed", "GET", {}, EVERYONE),
    ("events:detail", "GET", {"slug": "published"}, EVERYONE),
    ("events:detail", "GET", {"slug": "submitted"}, UNSEEN),
    ("events:edit", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:submit", "POST", {"slug": "draft"}, [LOGIN, MOVED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("events:publish", "POST", {"slug": "submitted"}, REVIEWERS),
    ("events:reject", "POST", {"slug": "submitted"}, REVIEWERS),
    ("events:cancel", "GET", {"slug": "published"}, EVENT_CURATORS),
    # Members report others' published events: the organiser and its moderators act on it instead.
    ("events:report", "GET", {"slug": "published"}, [LOGIN, DENIED, OK, DENIED, OK, DENIED]),
    ("events:close_reports", "POST", {"slug": "published"}, [LOGIN, DENIED, DENIED, MOVED, DENIED, MOVED]),
    ("events:register", "POST", {"slug": "published"}, MEMBERS_ACT),
    ("events:unregister", "POST", {"slug": "published"}, MEMBERS_ACT),
    ("events:attendees", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:attendees_csv", "GET", {"slug": "published"}, EVENT_CURATORS),
    ("events:ics", "GET", {"slug": "published"}, EVERYONE),
    # The coming events for the hubs' own websites, and the script that frames them.
    ("embed:hub_events", "GET", {"slug": "hamburg"}, EVERYONE),
    ("embed:network_events", "GET", {}, EVERYONE),
    ("embed:script", "GET", {}, EVERYONE),
    # A series: its address leads to its next date; its dates' pages, edit and cancel offer the series.
    ("events:series", "GET", {"pk": 4646}, [MOVED] * 6),
    ("events:detail", "GET", {"slug": "series-1"}, EVERYONE),
    ("events:edit", "GET", {"slug": "series-1"}, EVENT_CURATORS),
    ("events:cancel", "GET", {"slug": "series-1"}, EVENT_CURATORS),
]

ADMIN = [
    ("events", "event", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "event", "add", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "event", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("events", "event", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("events", "event", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    ("events", "eventforreview", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "eventforreview", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("events", "eventforreview", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("events", "eventforreview", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("events", "eventforreview", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    ("events", "eventreport", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "eventreport", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("events", "eventreport", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("events", "eventreport", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    # A hub's own calendars, imported into its queue: its managers add and remove them.
    ("events", "calendarfeed", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "calendarfeed", "add", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("events", "calendarfeed", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("events", "calendarfeed", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    # A suspension is lifted, never deleted: the record stays.
    *[row for row in agency_only("events", "postingsuspension") if row[2] != "delete"],
    ("events", "postingsuspension", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
]

ACTIONS = [
    ("events", "event", "publish_events"),
    ("events", "event", "reject_events"),
    ("events", "event", "export_events"),
    ("events", "eventforreview", "publish_events"),
    ("events", "eventforreview", "reject_events"),
    ("events", "eventreport", "close_selected_reports"),
    ("events", "calendarfeed", "import_calendars_now"),
]
# The agency suspends and lifts: hub managers moderate events, not members' rights.
AGENCY_ACTIONS = [("events", "postingsuspension", "lift_suspensions")]


def done(response, target, action):
    if action.startswith("export"):
        return exported(response, target.title)
    if action == "close_selected_reports":
        return target.closed is not None
    if action == "import_calendars_now":  # its address is not a public one: the import tried and failed
        return target.last_checked is not None
    return target.status != Event.Status.SUBMITTED


test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
test_admin_actions = admin_action_test(ACTIONS, done=done)
test_agency_actions = admin_action_test(
    AGENCY_ACTIONS,
    done=lambda response, suspension, action: suspension.lifted is not None,
    scope=("agency", "superuser"),
)
