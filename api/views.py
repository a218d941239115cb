"""The read-only open data API: the public lists of the portal as JSON, for other sites and apps.

Everyone is anonymous here (no sessions, no cookies): the API shows only what the public pages
show, and every client is rate limited by its address. ETag and 304 come from Django's
ConditionalGetMiddleware, CORS for GET from django-cors-headers (settings.CORS_URLS_REGEX), the
rate limit from api.throttling.
"""

from django.http import Http404, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

from events.filters import EventFilter
from events.models import Event
from hubs.filters import HubFilter
from hubs.models import FocusTheme, Hub
from pages.models import News
from partners.filters import OrganisationFilter
from partners.models import Organisation

from . import serializers
from .contract import MOST_ROWS

CACHE_SECONDS = 60
HUB_PARAMETER = OpenApiParameter("hub", str, description=_("A hub's slug, e.g. hamburg"))
THEME_PARAMETER = OpenApiParameter("theme", str, description=_("A focus theme's slug, e.g. fintech"))


class Pages(CursorPagination):
    """Pages of a stable order that stay right while rows are added; links use settings.PORTAL_URL."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MOST_ROWS

    def get_page_size(self, request):
        """The page size asked for, from 1 to max_page_size; anything else is refused (400), as
        the schema says, rather than ignored."""
        given = request.query_params.get(self.page_size_query_param)
        if given is None:
            return self.page_size
        if not given.isdigit() or not 1 <= int(given) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("A whole number from 1 to %(most)s.") % {"most": self.max_page_size}
                    ]
                }
            )
        return int(given)

    def paginate_queryset(self, queryset, request, view=None):
        rows = super().paginate_queryset(queryset, request, view)
        self.base_url = serializers.absolute(request.get_full_path())
        return rows


def in_order(*fields):
    """Cursor pages in the order of `fields` (the last one unique)."""
    return type("Pages", (Pages,), {"ordering": fields})


def client_language(request) -> str:
    """The language of the API's messages: the first of the portal's that the client accepts
    (Accept-Language), else English. The portal's unprefixed addresses are German pages, but
    the API is one for both languages and for programs anywhere."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return "en"


# Parameters whose value is free text: given empty, they filter nothing. Any other parameter
# (a choice, a day, a number) is refused empty, as its schema has no empty value.
FREE_TEXT = {"q", "city", "cursor"}


def check_query(request):
    """Refuse a parameter given twice, or given empty where it is not free text (400)."""
    errors = {}
    for name, values in request.query_params.lists():
        if len(values) > 1:
            errors[name] = [_("Give this parameter once.")]
        elif not values[0].strip() and name not in FREE_TEXT:
            errors[name] = [_("Give this parameter a value, or leave it out.")]
    if errors:
        raise ValidationError(errors)


class PublicList(viewsets.ReadOnlyModelViewSet):
    filter_backends = [DjangoFilterBackend]
    lookup_value_regex = "[0-9]+"

    def initial(self, request, *args, **kwargs):
        translation.activate(client_language(request))
        super().initial(request, *args, **kwargs)
        check_query(request)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise NotFound from None  # in the client's language, without naming the model

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


def operations(*, many, one, description, parameters=()):
    """The schema of a list and of its rows: summaries and descriptions (examples: api.examples)."""
    return extend_schema_view(
        list=extend_schema(
            summary=many,
            description=description,
            parameters=list(parameters),
        ),
        retrieve=extend_schema(
            summary=one,
            description=_("By its id. An unknown id, or one the public pages do not show, answers 404."),
        ),
    )


@operations(
    many=_("The hubs"),
    one=_("One hub"),
    description=_("The digital hubs, with their cities and focus themes, by name."),
    parameters=[THEME_PARAMETER],
)
class HubViewSet(PublicList):
    queryset = Hub.objects.with_locations_and_themes()
    serializer_class = serializers.HubSerializer
    filterset_class = HubFilter
    pagination_class = in_order("name_de", "id")


@operations(
    many=_("The focus themes"),
    one=_("One focus theme"),
    description=_("The sectors the hubs concentrate on, with the hubs that do, by name."),
)
class ThemeViewSet(PublicList):
    queryset = FocusTheme.objects.all()
    serializer_class = serializers.ThemeSerializer
    filter_backends = []
    pagination_class = in_order("name_de", "id")


@operations(
    many=_("The public events"),
    one=_("One event"),
    description=_(
        "Published and cancelled events, each date of a series on its own, by start, with the "
        "filters of the portal's event list. Without date_from the list starts with the events "
        "that have not ended yet; give an earlier date_from for past ones."
    ),
    parameters=[
        HUB_PARAMETER,
        THEME_PARAMETER,
        OpenApiParameter(
            "date_from", OpenApiTypes.DATE, description=_("Events that end on or after this day")
        ),
        OpenApiParameter(
            "date_to", OpenApiTypes.DATE, description=_("Events that start on or before this day")
        ),
    ],
)
class EventViewSet(PublicList):
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
    pagination_class = in_order("start", "id")

    def get_queryset(self):
        return Event.objects.public().with_named_relations()

    def filter_queryset(self, queryset):
        events = super().filter_queryset(queryset)
        if self.action == "list" and not self.request.query_params.get("date_from"):
            events = events.filter(end__gte=timezone.now())
        return events


@operations(
    many=_("The partner organisations"),
    one=_("One partner organisation"),
    description=_("The organisations of the network the Hub-Agency or a hub vouches for, by name."),
    parameters=[HUB_PARAMETER, THEME_PARAMETER],
)
class PartnerViewSet(PublicList):
    queryset = Organisation.objects.published().with_named_relations()
    serializer_class = serializers.PartnerSerializer
    filterset_class = OrganisationFilter
    pagination_class = in_order("name", "id")


@operations(
    many=_("The news"),
    one=_("One news item"),
    description=_("News from the Hub-Agency, the latest first."),
)
class NewsViewSet(PublicList):
    queryset = News.objects.published().for_cards()
    serializer_class = serializers.NewsSerializer
    filter_backends = []
    pagination_class = in_order("-published_at", "-id")


def not_found(request, path):
    """Any other address under /api/v1/: a 404 in JSON, as the API answers it."""
    with translation.override(client_language(request)):
        return JsonResponse({"detail": gettext("Not found.")}, status=404)
