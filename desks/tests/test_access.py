"""Every page, action and admin page of the guest desks for every role (core/tests/access.py)."""

from core.tests.access import (
    ADMIN_LOGIN,
    CURATORS,
    DENIED,
    EVERYONE,
    GONE,
    LOGIN,
    MEMBERS,
    MOVED,
    NOT_FOUND,
    OK,
    admin_access_test,
    admin_action_test,
    exported,
    site_access_test,
)
from desks.models import DeskBooking

# Who booked a hub's guest desks: its managers and the agency; another hub's manager finds nothing.
DESK_CURATORS = [LOGIN, DENIED, DENIED, OK, NOT_FOUND, OK]

MATRIX = [
    ("desks:list", "GET", {}, EVERYONE),
    ("desks:detail", "GET", {"slug": "hafen-desks"}, EVERYONE),
    ("desks:book", "POST", {"slug": "hafen-desks"}, MEMBERS),  # refused with a reason on the page
    ("desks:cancel", "POST", {"pk": "4242"}, [LOGIN, NOT_FOUND, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("desks:check_in", "GET", {"slug": "hafen-desks"}, DESK_CURATORS),
    ("desks:check_in_csv", "GET", {"slug": "hafen-desks"}, DESK_CURATORS),
    ("desks:no_show", "POST", {"pk": "4242"}, [LOGIN, DENIED, DENIED, MOVED, NOT_FOUND, MOVED]),
    ("desks:counts", "GET", {}, CURATORS),
    ("desks:counts_csv", "GET", {}, CURATORS),
]

ADMIN = [
    ("desks", "deskspace", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("desks", "deskspace", "add", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("desks", "deskspace", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("desks", "deskspace", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("desks", "deskspace", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    ("desks", "deskbooking", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("desks", "deskbooking", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    (
        "desks",
        "deskbooking",
        "change",
        [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK],
    ),  # to read: the founders'
    ("desks", "deskbooking", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("desks", "deskbooking", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
]

ACTIONS = [
    ("desks", "deskbooking", "mark_no_shows"),
    ("desks", "deskbooking", "export_bookings"),
]


def done(response, booking, action):
    if action.startswith("export"):
        return exported(response, booking.user.profile.display_name)
    return booking.status != DeskBooking.Status.BOOKED


test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
test_admin_actions = admin_action_test(ACTIONS, done=done)
