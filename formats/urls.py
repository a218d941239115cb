from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "formats"

urlpatterns = [
    path("", for_everybody(views.FormatListView.as_view()), name="list"),
    path("outcomes/<slug:slug>/", views.outcome_edit, name="outcome"),
    path("outcomes/<slug:slug>/publish/", views.outcome_publish, name="publish"),
    path("<slug:slug>/", for_everybody(views.format_detail), name="detail"),
    path("<slug:slug>/run/", views.format_run, name="run"),
]
