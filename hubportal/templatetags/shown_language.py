from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def title_in_its_language(item):
    """The title of an event or a format (a ShownLanguage), marked with its `lang` where the
    visitor reads it in the other language than the page's (WCAG 3.1.2)."""
    if item.text_in_other_language:
        return format_html('<span lang="{}">{}</span>', item.text_language, item.title)
    return item.title
