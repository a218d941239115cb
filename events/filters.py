import django_filters
from django.utils.translation import gettext_lazy as _

from core.forms import DayInput
from core.search import matching
from hubs.filters import focus_theme_filter, hub_filter
from hubs.reference import network

from .models import Event


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=100, help_text=_("Title, description or venue")
    )
    hub = hub_filter(method="filter_hub")
    theme = focus_theme_filter()
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="event_type", choices=Event.Type.choices, empty_label=_("All types")
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=Event.Format.choices, empty_label=_("All formats")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        method="filter_language",
        choices=Event.Language.choices,
        empty_label=_("All languages"),
    )
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="end", lookup_expr="date__gte", widget=DayInput
    )
    date_to = django_filters.DateFilter(
        label=_("Until"), field_name="start", lookup_expr="date__lte", widget=DayInput
    )

    class Meta:
        model = Event
        fields = ["q", "hub", "theme", "type", "format", "language", "date_from", "date_to"]

    def filter_text(self, queryset, name, value: str):
        text = value.strip()
        if not text:
            return queryset
        return matching(queryset, text, Event.SEARCHED_FIELDS)

    def filter_hub(self, queryset, name, value: str):
        return queryset.for_hub(network().hubs_by_slug[value])

    def filter_language(self, queryset, name, value: str):
        """Events held in German also suit German speakers when held in both languages."""
        if value == Event.Language.BOTH:
            return queryset.filter(language=value)
        return queryset.filter(language__in=[value, Event.Language.BOTH])


class UpcomingEventFilter(EventFilter):
    """The upcoming events' filters: a series once, by its next date among the chosen days."""

    @property
    def qs(self):
        if not hasattr(self, "_once_per_series"):  # without filters too, where the set is unbound
            since = self.form.cleaned_data.get("date_from") if self.is_bound and self.is_valid() else None
            self._once_per_series = super().qs.next_of_each_series(since=since)
        return self._once_per_series
