from django.urls import path

from core.page_cache import for_everybody

from .views import embeds

app_name = "embed"

urlpatterns = [
    path("events/", for_everybody(embeds.network_events), name="network_events"),
    path("events.js", for_everybody(embeds.script), name="script"),
    path("hubs/<slug:slug>/events/", for_everybody(embeds.hub_events), name="hub_events"),
]
