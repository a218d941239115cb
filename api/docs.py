"""The API's documentation page: how to use it, then a reference of every operation made from
the OpenAPI schema, in the visitor's language.

The reference is rendered here rather than by Swagger UI: Swagger UI nests links in buttons,
leaves selects unnamed and misses contrast (axe), which a public portal bound by BITV 2.0
cannot show. Plain HTML reads on any phone and without JavaScript.
"""

import json

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.translation import active_language

from .schema import schema

PERIODS = {"s": _("second"), "m": _("minute"), "h": _("hour"), "d": _("day")}
REFERENCE = "#/components/schemas/"


def type_of(field: dict) -> str:
    """A field's type as the reference names it: string, integer, HubReference, list of City…"""
    if "$ref" in field:
        return field["$ref"].removeprefix(REFERENCE)
    if "allOf" in field:
        return type_of(field["allOf"][0])
    if field.get("type") == "array":
        return f"[{type_of(field['items'])}]"
    name = field.get("format") or field.get("type", "object")
    return f"{name} | null" if field.get("nullable") else name


def fields_of(component: dict) -> list[dict]:
    return [
        {
            "name": name,
            "type": type_of(field),
            "description": field.get("description", ""),
            "choices": field.get("enum", []),
        }
        for name, field in component.get("properties", {}).items()
    ]


def reference(document: dict) -> list[dict]:
    """Each operation with its parameters, the fields of what it answers and its example."""
    components = document["components"]["schemas"]
    operations = []
    for path, methods in document["paths"].items():
        operation = methods["get"]
        answer = operation["responses"]["200"]["content"]["application/json"]
        returned = answer["schema"]["$ref"].removeprefix(REFERENCE)
        if returned.startswith("Paginated"):
            returned = components[returned]["properties"]["results"]["items"]["$ref"].removeprefix(REFERENCE)
        example = next(iter(answer.get("examples", {}).values()), None)
        operations.append(
            {
                "id": operation["operationId"],
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": parameter["in"],
                        "type": type_of(parameter["schema"]),
                        "choices": parameter["schema"].get("enum", []),
                        "description": parameter.get("description", "").split("\n\n")[0],
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "returns": returned,
                "example": example
                and {
                    "request": example["summary"],
                    "value": json.dumps(example["value"], indent=2, ensure_ascii=False),
                },
            }
        )
    shapes = [
        {"name": name, "fields": fields_of(component)}
        for name, component in sorted(components.items())
        if not name.startswith("Paginated") and component.get("type") == "object"
    ]
    return operations, shapes


def documentation(request):
    requests, period = settings.API_ANONYMOUS_RATE.split("/")  # as Django REST framework reads it
    language = active_language()
    operations, shapes = reference(schema(language))
    context = {
        "schema_url": f"{reverse('api:schema')}?lang={language}",
        "portal_url": settings.PORTAL_URL.rstrip("/"),
        "requests": int(requests),
        "period": PERIODS[period[0]],
        "operations": operations,
        "shapes": shapes,
    }
    return render(request, "api/docs.html", context)
