import django_filters
from django.utils.translation import gettext_lazy as _

from core.search import matching
from hubs.filters import focus_theme_filter, hub_filter
from hubs.reference import network

from .models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=100, help_text=_("Name, city or description")
    )
    hub = hub_filter(method="filter_hub", help_text=_("Partners of the hub"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All kinds")
    )
    theme = focus_theme_filter()
    city = django_filters.CharFilter(label=_("City"), method="filter_city", max_length=100)

    class Meta:
        model = Organisation
        fields = ["q", "hub", "kind", "theme", "city"]

    def filter_text(self, queryset, name, value: str):
        text = value.strip()
        return matching(queryset, text, Organisation.SEARCHED_FIELDS) if text else queryset

    def filter_hub(self, queryset, name, value: str):
        return queryset.partners_of(network().hubs_by_slug[value])

    def filter_city(self, queryset, name, value: str):
        city = value.strip()
        return queryset.filter(city__iexact=city) if city else queryset
