"""No query per row on the lists of desks: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from desks.tests.rows import desk_bookings, desk_months, desk_spaces

# page, who looks, what makes its rows
LISTS = [
    ("desks:list", {}, "anonymous", desk_spaces),
    ("desks:check_in", {"slug": "hafen"}, "manager", desk_bookings),
    ("desks:check_in_csv", {"slug": "hafen"}, "manager", desk_bookings),
    ("desks:counts", {}, "agency", desk_months),
    ("admin:desks_deskspace_changelist", {}, "manager", desk_spaces),
    ("admin:desks_deskbooking_changelist", {}, "manager", desk_bookings),
    ("admin:desks_deskbooking_changelist", {}, "agency", desk_bookings),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
