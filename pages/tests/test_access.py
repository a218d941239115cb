"""Every page and admin page of the legal pages and the agency's news for every role
(core/tests/access.py)."""

from core.tests.access import ADMIN_LOGIN, DENIED, EVERYONE, admin_access_test, agency_only, site_access_test

MATRIX = [
    ("news:list", "GET", {}, EVERYONE),
    ("news:feed", "GET", {}, EVERYONE),
    ("news:detail", "GET", {"slug": "neu"}, EVERYONE),
    ("pages:impressum", "GET", {}, EVERYONE),
    ("pages:privacy", "GET", {}, EVERYONE),
    ("pages:accessibility", "GET", {}, EVERYONE),
]

ADMIN = [
    *agency_only("pages", "news"),
    # Impressum, Datenschutz and the accessibility statement cannot be deleted, by anyone.
    *[row for row in agency_only("pages", "page") if row[2] != "delete"],
    ("pages", "page", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
]

test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
