from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def break_after_slash(name: str) -> str:
    """Let double names such as Ludwigshafen/Mannheim wrap after the slash on narrow screens."""
    return mark_safe(escape(name).replace("/", "/<wbr>"))  # noqa: S308 - escaped first
