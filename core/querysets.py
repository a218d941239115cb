"""Query shapes the lists share."""


def having(queryset, relation: str, **lookups):
    """The rows of `queryset` with a row of the many-to-many `relation` that matches `lookups`,
    through a subquery: a join would repeat a row for each match and need DISTINCT over whole
    rows, which at the network's size means sorting every member."""
    field = queryset.model._meta.get_field(relation)
    through = field.remote_field.through
    matches = through._default_manager.filter(
        **{f"{field.m2m_reverse_field_name()}__{lookup}": value for lookup, value in lookups.items()}
    )
    return queryset.filter(pk__in=matches.values(field.m2m_column_name()))
