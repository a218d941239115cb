"""Aggregates the portal's cards use to name related rows in the same query."""

from django.contrib.postgres.aggregates import JSONBAgg
from django.db import models


def ids_of(related, *, through_field: str, owner_field: str, outer_field: str = "pk"):
    """A subquery: the ids `through_field` of the rows of `related` (a model or queryset) whose
    `owner_field` is the outer row's `outer_field`, as a list (None when there are none). Cards
    use it to name a row's hubs or themes by id, from the cached network, in the same query
    instead of one query per relation."""
    queryset = related if isinstance(related, models.QuerySet) else related._default_manager.all()
    return models.Subquery(
        queryset.filter(**{owner_field: models.OuterRef(outer_field)})
        .order_by()
        .values(owner_field)
        .annotate(ids=JSONBAgg(through_field))
        .values("ids")
    )
