"""What a list's filter form shows about itself."""

from django import template

register = template.Library()


@register.simple_tag
def active_filter_count(filterset) -> int:
    """How many of the filters are set (a field of several inputs, such as a date range, counts
    once)."""
    given = {key for key, values in filterset.data.lists() if any(value.strip() for value in values)}
    return sum(
        1
        for name in filterset.form.fields
        if name in given or any(key.startswith(f"{name}_") for key in given)
    )
