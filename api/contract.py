"""What the API promises beyond its answers, written into the OpenAPI document once for every
operation (a drf-spectacular postprocessing hook), and held by the views (api.views): every
status it answers with its error's shape, and the hubs and themes a filter takes by name."""

from django.db import DatabaseError
from django.utils.translation import gettext as _

from hubs.reference import network

MOST_ROWS = 100  # a page's rows at most (api.views.Pages.max_page_size)
ERROR = {"$ref": "#/components/schemas/Error"}
NO_NUL = "^[^\\u0000]*$"  # no text of the portal holds a NUL character (PostgreSQL refuses it)
INVALID = {"$ref": "#/components/schemas/InvalidParameters"}


def known_slugs() -> dict[str, list[str]]:
    """The hubs and themes a filter takes; none while the database has no tables yet (the
    deployment check makes the schema before the first migrate)."""
    try:
        hubs, themes = network().hubs_in_display_order(), network().themes_in_display_order()
    except DatabaseError:
        return {"hub": [], "theme": []}
    return {"hub": [hub.slug for hub in hubs], "theme": [theme.slug for theme in themes]}


def add_to_schema(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = {
        "type": "object",
        "properties": {
            "detail": {"type": "string", "description": _("What went wrong, in the client's language")}
        },
        "required": ["detail"],
    }
    schemas["InvalidParameters"] = {
        "type": "object",
        "description": _("Each parameter that is not valid, with what is wrong with it"),
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
    slugs = known_slugs()
    for path in result["paths"].values():
        for operation in path.values():
            is_list = operation["operationId"].endswith("_list")
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and slugs.get(parameter["name"]):
                    parameter["schema"]["enum"] = slugs[parameter["name"]]
                if parameter["in"] == "query" and parameter["name"] == "page_size":
                    parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MOST_ROWS}
                if parameter["in"] == "query" and parameter["schema"].get("type") == "string":
                    parameter["schema"]["pattern"] = NO_NUL  # hubportal.middleware refuses them
            responses = operation["responses"]
            responses["400"] = {
                "description": _(
                    "A parameter is not valid, given twice, or given empty: each such parameter with "
                    "what is wrong"
                ),
                "content": {"application/json": {"schema": INVALID}},
            }
            responses["404"] = {
                "description": _("A page (cursor) that was not made by the API")
                if is_list
                else _("No such id, or one the public pages do not show"),
                "content": {"application/json": {"schema": ERROR}},
            }
            responses["429"] = {
                "description": _("Too many requests from this address: wait as long as Retry-After says"),
                "headers": {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": _("Seconds until the next request is answered"),
                    }
                },
                "content": {"application/json": {"schema": ERROR}},
            }
    return result
