from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "hubs"

urlpatterns = [
    path("", for_everybody(views.HubListView.as_view()), name="list"),
    path("<slug:slug>/", for_everybody(views.HubDetailView.as_view()), name="detail"),
]
