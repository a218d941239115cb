from django import template
from django.utils.html import format_html

from core.translation import active_language, shown_language

register = template.Library()


@register.filter
def in_its_language(item, name: str):
    """The text `name` of `item` (a TranslatedField), marked with its `lang` where the visitor
    reads it in the other language than the page's (WCAG 3.1.2)."""
    language = shown_language(item, name)
    if language != active_language():
        return format_html('<span lang="{}">{}</span>', language, getattr(item, name))
    return getattr(item, name)


@register.filter
def title_in_its_language(item):
    """The title of an event or a format, marked with its `lang` where it is in the other language."""
    return in_its_language(item, "title")
