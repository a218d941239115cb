import django_filters
from django.utils.translation import gettext_lazy as _

from .models import FederalState, FocusTheme, Hub


def focus_themes(request):
    return FocusTheme.objects.in_display_order()


def hubs(request):
    return Hub.objects.in_display_order()


def focus_theme_filter():
    """The focus theme filter of every list: chosen by slug, named in the visitor's language."""
    return django_filters.ModelChoiceFilter(
        label=_("Focus theme"),
        field_name="focus_themes",
        to_field_name="slug",
        queryset=focus_themes,
        empty_label=_("All themes"),
        distinct=True,
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

    def filter_text(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset
