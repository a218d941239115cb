"""No query per row on the lists of partners: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from partners.tests.rows import organisations, people

# page, who looks, what makes its rows
LISTS = [
    ("partners:directory", {}, "anonymous", organisations),
    ("partners:directory", {}, "member", organisations),
    ("partners:detail", {"slug": "partner"}, "anonymous", people),
    ("partners:detail", {"slug": "partner"}, "member", people),
    ("admin:partners_organisation_changelist", {}, "manager", organisations),
    ("admin:partners_organisation_changelist", {}, "agency", organisations),
    ("admin:partners_partnership_changelist", {}, "manager", organisations),
    (
        "admin:partners_organisation_change",
        lambda world: {"object_id": world["organisation"].pk},
        "manager",
        people,
    ),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
