from django.urls import path

from .views import embeds

app_name = "embed"

urlpatterns = [
    path("events/", embeds.network_events, name="network_events"),
    path("events.js", embeds.script, name="script"),
    path("hubs/<slug:slug>/events/", embeds.hub_events, name="hub_events"),
]
