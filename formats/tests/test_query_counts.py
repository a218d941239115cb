"""No query per row on the lists of formats: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from formats.tests.rows import format_runs, formats

# page, who looks, what makes its rows
LISTS = [
    ("formats:list", {}, "anonymous", formats),
    ("formats:list", {}, "member", formats),
    ("formats:detail", lambda world: {"slug": world["format"].slug}, "anonymous", format_runs),
    ("admin:formats_format_changelist", {}, "manager", formats),
    ("admin:formats_format_changelist", {}, "agency", formats),
    ("admin:formats_outcome_changelist", {}, "agency", formats),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
