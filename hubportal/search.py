"""Free-text search over a few columns, as the list filters of hubs, members and events use it."""

from functools import reduce
from operator import or_

from django.db.models import Q


def mentions(text: str, fields: list[str]) -> Q:
    """Rows where any of `fields` contains `text`, ignoring case."""
    return reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))
