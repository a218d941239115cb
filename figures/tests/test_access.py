"""The network in numbers for every role (core/tests/access.py): the public page for everyone;
the dashboard lives in the admin, where others are sent to its login. Without a table or a
quarter the download and the report name nothing (test_pages.py)."""

from core.tests.access import EVERYONE, MOVED, NOT_FOUND, OK, site_access_test

IN_THE_ADMIN = [MOVED, MOVED, MOVED, OK, OK, OK]
NOTHING_ASKED = [MOVED, MOVED, MOVED, NOT_FOUND, NOT_FOUND, NOT_FOUND]

MATRIX = [
    ("network_in_numbers", "GET", {}, EVERYONE),
    ("figures:dashboard", "GET", {}, IN_THE_ADMIN),
    ("figures:xlsx", "GET", {}, IN_THE_ADMIN),
    ("figures:csv", "GET", {}, NOTHING_ASKED),
    ("figures:report", "GET", {}, NOTHING_ASKED),
    ("figures:report_pdf", "GET", {}, NOTHING_ASKED),
]

test_site_access = site_access_test(MATRIX)
