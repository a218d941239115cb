"""The OpenAPI schema, made once per process and language: it changes only with the code, and
making it takes drf-spectacular longer than answering any list."""

import json
from functools import cache

from django.conf import settings
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from hubs.reference import network

from .views import client_language

LANGUAGES = {code for code, _name in settings.LANGUAGES}


def schema(language: str) -> dict:
    """The schema with every text in `language` (plain strings, no lazy translations), for the
    hubs and themes there are now (the filters' choices)."""
    hubs, themes = network().hubs_in_display_order(), network().themes_in_display_order()
    return made_schema(language, tuple(hub.slug for hub in hubs), tuple(theme.slug for theme in themes))


@cache
def made_schema(language: str, hubs: tuple, themes: tuple) -> dict:
    with translation.override(language):
        made = SchemaGenerator().get_schema(request=None, public=True)
        return json.loads(OpenApiJsonRenderer().render(made))


class SchemaView(APIView):
    """/api/v1/openapi.json in ?lang=de or ?lang=en, else in the client's language (see
    client_language)."""

    renderer_classes = [OpenApiJsonRenderer]
    schema = None  # not a part of the API it describes

    def get(self, request):
        language = request.query_params.get("lang")
        return Response(schema(language if language in LANGUAGES else client_language(request)))
