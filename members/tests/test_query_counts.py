"""No query per row on the lists of members: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from desks.tests.rows import desk_bookings
from events.tests.rows import my_events
from introductions.tests.rows import candidates, introductions
from members.tests.rows import members
from partners.tests.rows import organisations

# page, who looks, what makes its rows
LISTS = [
    ("members:directory", {}, "member", members),
    ("members:directory", {}, "anonymous", members),
    ("members:dashboard", {}, "member", my_events),
    ("admin:members_membership_changelist", {}, "manager", members),
    ("admin:members_membership_changelist", {}, "agency", members),
    ("admin:members_profile_changelist", {}, "agency", members),
    ("admin:members_user_changelist", {}, "agency", members),
    ("members:dashboard", {}, "member", organisations),
    ("members:dashboard", {}, "member", desk_bookings),
    ("members:dashboard", {}, "member", candidates),
    ("members:dashboard", {}, "member", introductions),
    ("members:dashboard", {}, "manager", introductions),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
