"""No query per row: each app lists its pages that show a list (`<app>/tests/test_query_counts.py`)
with who looks and what makes their rows (`<app>/tests/rows.py`); list_queries_test makes them
into a test that each list costs the same number of queries for one row as for fifty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def page_queries(client, url) -> int:
    """The queries of a visit after the first: the first after a change fills the caches
    (content types, the session, the hub network)."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def list_queries_test(lists):
    """A test of each list of `lists`: (route name, its arguments or a function of the world that
    gives them, who looks, what adds its rows)."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("name", "arguments", "role", "add_rows"),
        lists,
        ids=[f"{name}-{role}-{add_rows.__name__}" for name, _a, role, add_rows in lists],
    )
    def test_a_list_costs_the_same_queries_for_one_row_and_for_fifty(
        client, lists_world, name, arguments, role, add_rows
    ):
        if lists_world[role]:
            client.force_login(lists_world[role])
        url = reverse(name, kwargs=arguments(lists_world) if callable(arguments) else arguments)
        add_rows(lists_world, 1)
        one = page_queries(client, url)
        add_rows(lists_world, 49)
        fifty = page_queries(client, url)

        assert fifty == one

    return test_a_list_costs_the_same_queries_for_one_row_and_for_fifty
