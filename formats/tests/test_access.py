"""Every page, action and admin page of the Format Library for every role (core/tests/access.py):
outcomes are recorded and published by the event's curators."""

from core.tests.access import (
    ADMIN_LOGIN,
    DENIED,
    EVENT_CURATORS,
    EVERYONE,
    GONE,
    LOGIN,
    MEMBERS,
    MOVED,
    OK,
    admin_access_test,
    site_access_test,
)

MATRIX = [
    ("formats:list", "GET", {}, EVERYONE),
    ("formats:detail", "GET", {"slug": "hafen-pitch"}, EVERYONE),
    ("formats:run", "GET", {"slug": "hafen-pitch"}, MEMBERS),
    ("formats:outcome", "GET", {"slug": "past"}, EVENT_CURATORS),
    ("formats:publish", "POST", {"slug": "past"}, [LOGIN, MOVED, DENIED, MOVED, DENIED, MOVED]),
]

# Formats are published on the site, outcomes recorded there.
ADMIN = [
    ("formats", "format", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("formats", "format", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("formats", "format", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("formats", "format", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("formats", "outcome", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("formats", "outcome", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("formats", "outcome", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("formats", "outcome", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
]

test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
