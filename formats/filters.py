import django_filters
from django.utils.translation import gettext_lazy as _

from core.search import mentions
from events.models import EventType
from hubs.filters import focus_theme_filter, hub_filter
from hubs.reference import network

from .models import Effort, Format, Run


class FormatFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=100, help_text=_("Title or summary")
    )
    theme = focus_theme_filter()
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="format_type", choices=EventType.choices, empty_label=_("All types")
    )
    effort = django_filters.ChoiceFilter(
        label=_("Effort"), choices=Effort.choices, empty_label=_("Any effort")
    )
    hub = hub_filter(method="filter_hub", help_text=_("Formats this hub has run"))

    class Meta:
        model = Format
        fields = ["q", "theme", "type", "effort", "hub"]

    def filter_text(self, queryset, name, value: str):
        """Formats are few (one per event that made one): each word in a title or summary."""
        words = value.split()
        for word in words:
            queryset = queryset.filter(mentions(word, ["title_de", "title_en", "summary_de", "summary_en"]))
        return queryset

    def filter_hub(self, queryset, name, slug):
        hub = network().hubs_by_slug[slug]
        return queryset.filter(pk__in=Run.objects.filter(event__hub=hub).values("format"))
