"""Values as machines read them in HTML attributes."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def datetime_attribute(value):
    """A date and time for `<time datetime>`: local time with its offset, to the second (HTML
    allows at most three digits of a fraction, and `|date:"c"` writes six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
