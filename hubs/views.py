from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from .filters import HubFilter
from .models import FocusTheme, Hub
from .structured_data import organization


def hubs_for_display():
    return Hub.objects.with_locations_and_themes().in_display_order()


class HomeView(TemplateView):
    """The network at a glance: what it is, its hubs on a map of Germany, its themes."""

    template_name = "hubs/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["hubs"] = hubs_for_display()
        context["featured_hubs"] = hubs_for_display().filter(featured=True)
        context["themes"] = FocusTheme.objects.with_hub_count().in_display_order()
        context["search_form"] = HubFilter(queryset=Hub.objects.none()).form
        return context


class HubListView(FilterView):
    template_name = "hubs/hub_list.html"
    filterset_class = HubFilter
    context_object_name = "hubs"
    paginate_by = 24

    def get_queryset(self):
        return hubs_for_display()


class HubDetailView(DetailView):
    template_name = "hubs/hub_detail.html"
    context_object_name = "hub"

    def get_queryset(self):
        return Hub.objects.with_locations_and_themes()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["all_hubs"] = Hub.objects.prefetch_related("cities")
        context["structured_data"] = organization(self.object)
        return context
