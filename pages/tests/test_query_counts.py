"""No query per row on the lists of pages: each costs the same queries for one row as for fifty,
and answers 200 (core/tests/lists.py)."""

from core.tests.lists import list_queries_test
from pages.tests.rows import news

# page, who looks, what makes its rows
LISTS = [
    ("news:list", {}, "anonymous", news),
    ("news:feed", {}, "anonymous", news),
    ("admin:pages_news_changelist", {}, "agency", news),
]

test_a_list_costs_the_same_queries_for_one_row_and_for_fifty = list_queries_test(LISTS)
