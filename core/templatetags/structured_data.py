import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Characters that could close the script element or open a comment inside it.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.simple_tag
def json_ld(data: dict):
    """schema.org data as a <script type="application/ld+json"> element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_SAFE)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
