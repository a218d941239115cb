"""The open data API for every role (core/tests/access.py): the same public answers for
everyone (test_api.py)."""

from core.tests.access import EVERYONE, NOT_FOUND, site_access_test

MATRIX = [
    ("api:api-root", "GET", {}, EVERYONE),
    ("api:schema", "GET", {}, EVERYONE),
    ("api:hub-list", "GET", {}, EVERYONE),
    ("api:hub-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:theme-list", "GET", {}, EVERYONE),
    ("api:theme-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:event-list", "GET", {}, EVERYONE),
    ("api:event-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:partner-list", "GET", {}, EVERYONE),
    ("api:partner-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:news-list", "GET", {}, EVERYONE),
    ("api:news-detail", "GET", {"pk": 999999}, [NOT_FOUND] * 6),
    ("api:not_found", "GET", {"path": "members/"}, [NOT_FOUND] * 6),
    ("api_docs:documentation", "GET", {}, EVERYONE),
]

test_site_access = site_access_test(MATRIX)
