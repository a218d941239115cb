from django.http import Http404
from django.views.generic import TemplateView
from django_filters.views import FilterView

from core.translation import localized

from .filters import HubFilter
from .models import Hub
from .reference import network
from .structured_data import organization


class HomeView(TemplateView):
    """The network at a glance: what it is, its hubs on a map of Germany, its themes."""

    template_name = "hubs/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hubs = network().hubs_in_display_order()
        context["hubs"] = hubs
        context["featured_hubs"] = [hub for hub in hubs if hub.featured]
        context["themes"] = network().themes_in_display_order()
        return context


class HubListView(FilterView):
    """The hubs, filtered in the database; the cards come from the cached network."""

    template_name = "hubs/hub_list.html"
    filterset_class = HubFilter
    context_object_name = "hubs"
    paginate_by = 24

    def get_queryset(self):
        return Hub.objects.only("pk").order_by(localized("name"), "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        known = network().hubs_by_pk
        context["hubs"] = [known[hub.pk] for hub in context["hubs"] if hub.pk in known]
        return context


class HubDetailView(TemplateView):
    """A hub from the cached network; its members block reads what changes daily (member_tags)."""

    template_name = "hubs/hub_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hub = network().hubs_by_slug.get(kwargs["slug"])
        if hub is None:
            raise Http404
        context["hub"] = hub
        context["all_hubs"] = network().hubs
        context["structured_data"] = organization(hub)
        return context
