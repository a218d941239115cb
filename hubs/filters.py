import django_filters
from django.utils.translation import gettext_lazy as _

from core.querysets import having

from .models import FederalState, Hub
from .reference import hub_choices, theme_choices


def with_theme(queryset, name, value: str):
    return having(queryset, "focus_themes", slug=value)


def focus_theme_filter():
    """The focus theme filter of every list: chosen by slug, named in the visitor's language,
    the choices from the cached network (no query)."""
    return django_filters.ChoiceFilter(
        label=_("Focus theme"),
        choices=theme_choices,
        empty_label=_("All themes"),
        method=with_theme,
    )


def hub_filter(**options):
    """The hub filter of the event and member lists, chosen by slug like the theme filter."""
    return django_filters.ChoiceFilter(
        label=_("Hub"), choices=hub_choices, empty_label=_("All hubs"), **options
    )


class HubFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=100,
        help_text=_("Name, city or theme"),
    )
    theme = focus_theme_filter()
    state = django_filters.ChoiceFilter(
        label=_("Federal state"),
        field_name="cities__state",
        choices=FederalState.choices,
        empty_label=_("All states"),
        distinct=True,
    )

    class Meta:
        model = Hub
        fields = ["q", "theme", "state"]

    def filter_text(self, queryset, name, value: str):
        return queryset.search(value.strip()) if value.strip() else queryset
