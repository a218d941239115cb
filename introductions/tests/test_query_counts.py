"""No query per row on the lists of introductions: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from introductions.tests.rows import candidates, introduction_hubs, introductions

# page, who looks, what makes its rows
LISTS = [
    ("introductions:matches", {}, "member", candidates),
    ("introductions:queue", {}, "manager", introductions),
    ("introductions:queue", {}, "agency", introductions),
    ("introductions:counts", {}, "agency", introduction_hubs),
    ("introductions:counts_csv", {}, "agency", introduction_hubs),
    ("admin:introductions_introduction_changelist", {}, "manager", introductions),
    ("admin:introductions_introduction_changelist", {}, "agency", introductions),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
