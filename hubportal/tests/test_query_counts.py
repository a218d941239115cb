"""No query per row on the project's own lists, the sitemaps and the admin's activity log: each
costs the same queries for one row as for fifty, and answers 200 (core/tests/lists.py). Each app
checks its own lists in its tests/test_query_counts.py."""

from core.tests.lists import list_queries_test
from desks.tests.rows import desk_spaces
from events.tests.rows import events
from partners.tests.rows import organisations

# page, who looks, what makes its rows
LISTS = [
    ("sitemap", {}, "anonymous", events),
    ("sitemap_section", {"section": "events"}, "anonymous", events),
    ("admin:activity", {}, "agency", events),
    ("sitemap_section", {"section": "partners"}, "anonymous", organisations),
    ("sitemap_section", {"section": "desks"}, "anonymous", desk_spaces),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
