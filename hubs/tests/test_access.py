"""Every page and admin page of the hubs for every role (core/tests/access.py)."""

from core.tests.access import (
    ADMIN_LOGIN,
    DENIED,
    EVERYONE,
    GONE,
    NOT_FOUND,
    OK,
    admin_access_test,
    agency_only,
    site_access_test,
)

MATRIX = [
    ("home", "GET", {}, EVERYONE),
    ("hubs:list", "GET", {}, EVERYONE),
    ("hubs:detail", "GET", {"slug": "hamburg"}, EVERYONE),
]

# A hub's managers edit its texts and contact; the agency adds hubs and themes.
ADMIN = [
    ("hubs", "hub", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("hubs", "hub", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("hubs", "hub", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("hubs", "hub", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("hubs", "hub", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    *agency_only("hubs", "focustheme"),
]

test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
