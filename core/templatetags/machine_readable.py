"""Values as machines read them in HTML attributes."""

from django import template
from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext

register = template.Library()


@register.filter
def datetime_attribute(value):
    """A date and time for `<time datetime>`: local time with its offset, to the second (HTML
    allows at most three digits of a fraction, and `|date:"c"` writes six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.simple_tag
def time_span(start, end):
    """When something takes place, as people write it and with the times for machines: the day
    once when it begins and ends on the same day ("13. Dezember 2026, 18-21 Uhr"), both days
    and times otherwise."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() != end.date():
        return format_html(
            '<time datetime="{}">{}</time> – <time datetime="{}">{}</time>',  # noqa: RUF001
            datetime_attribute(start),
            date_format(start, "DATETIME_FORMAT"),
            datetime_attribute(end),
            date_format(end, "DATETIME_FORMAT"),
        )
    # Translators: a span of hours on one day; the German adds "Uhr".
    pattern = gettext("%(day)s, %(start)s–%(end)s")  # noqa: RUF001 - a dash between the hours
    return mark_safe(  # noqa: S308 - every part is escaped or made here
        pattern
        % {
            "day": format_html(
                '<time datetime="{}">{}', datetime_attribute(start), date_format(start, "DATE_FORMAT")
            ),
            "start": format_html("{}</time>", clock(start)),
            "end": format_html('<time datetime="{}">{}</time>', datetime_attribute(end), clock(end)),
        }
    )


def clock(value) -> str:
    """The time of day, without minutes on the hour where the language leaves them out ("18 Uhr")."""
    if value.minute == 0:
        return time_format(value, pgettext("time on the hour", "P"))
    return time_format(value, pgettext("time", "P"))
