"""No query per row on the lists of hubs: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from desks.tests.rows import desk_spaces
from events.tests.rows import events, series
from hubs.tests.rows import hubs
from members.tests.rows import members
from partners.tests.rows import organisations

# page, who looks, what makes its rows
LISTS = [
    ("home", {}, "anonymous", hubs),
    ("hubs:list", {}, "anonymous", hubs),
    ("hubs:detail", {"slug": "hamburg"}, "member", members),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", events),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", series),
    ("admin:hubs_hub_changelist", {}, "agency", hubs),
    ("hubs:detail", {"slug": "hamburg"}, "anonymous", organisations),
    ("hubs:detail", {"slug": "hamburg"}, "member", desk_spaces),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
