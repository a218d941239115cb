"""Free-text search, as the list filters of hubs, members and events use it.

Members and events are found with PostgreSQL's full-text search in the German and the English
configuration, so that a word finds its other forms ("Gründerinnen" finds "Gründerin",
"workshops" finds "Workshop") and each word may be the start of one ("Fin" finds "Fintech").
A GIN index per configuration answers it (`search_index_operation`, in the apps' migrations),
on the same expression as the query, or PostgreSQL would not use it. The dozen hubs are
searched by containment.
"""

import re
from functools import reduce
from operator import or_

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import migrations
from django.db.models import Q
from django.db.models.functions import Upper

CONFIGURATIONS = ("german", "english")
WORD = re.compile(r"[^\W_]+")


def mentions(text: str, fields: list[str]) -> Q:
    """Rows where any of `fields` contains `text`, ignoring case."""
    return reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))


def matching(queryset, text: str, fields: tuple[str, ...]):
    """The rows of `queryset` whose `fields` hold each word of `text`, by PostgreSQL's full-text
    search in German and English."""
    words = WORD.findall(text)
    if not words:
        return queryset.none()
    # Each word a prefix; letters and digits only, so the visitor's text cannot be an operator.
    terms = " & ".join(f"{word}:*" for word in words)
    vectors = {f"search_{config}": SearchVector(*fields, config=config) for config in CONFIGURATIONS}
    found = reduce(
        or_,
        (
            Q(**{f"search_{config}": SearchQuery(terms, config=config, search_type="raw")})
            for config in CONFIGURATIONS
        ),
    )
    return queryset.alias(**vectors).filter(found)


def admin_search_indexes(*fields: str, prefix: str) -> list[GinIndex]:
    """Trigram indexes for the admin's search of the big tables (members, events): it looks for
    the typed text anywhere in a field, ignoring case (icontains), which only a trigram index on
    the upper-cased field, the expression Django compares, can answer without reading every
    row. (Two letters are too few for trigrams: such a search reads the table.)"""
    return [
        GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=f"{prefix}_{field}_trgm")
        for field in fields
    ]


def search_indexes(fields: tuple[str, ...], *, prefix: str) -> list[GinIndex]:
    return [
        GinIndex(SearchVector(*fields, config=config), name=f"{prefix}_search_{config}")
        for config in CONFIGURATIONS
    ]


def search_index_operation(model_label: str, fields: tuple[str, ...], *, prefix: str, remove: bool = False):
    """A migration operation that creates (or, with `remove`, drops) the search indexes of
    `fields`."""

    def indexes(apps, schema_editor):
        return apps.get_model(model_label), search_indexes(fields, prefix=prefix)

    def create(apps, schema_editor):
        model, found = indexes(apps, schema_editor)
        for index in found:
            schema_editor.add_index(model, index)

    def drop(apps, schema_editor):
        model, found = indexes(apps, schema_editor)
        for index in found:
            schema_editor.remove_index(model, index)

    if remove:
        return migrations.RunPython(drop, create, elidable=False)
    return migrations.RunPython(create, drop, elidable=False)
