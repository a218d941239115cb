import django_filters

from hubs.filters import hub_filter

from .models import DeskSpace


class DeskSpaceFilter(django_filters.FilterSet):
    hub = hub_filter(field_name="hub__slug")

    class Meta:
        model = DeskSpace
        fields = ["hub"]
