from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import views
from .schema import SchemaView

router = DefaultRouter()
router.include_format_suffixes = False
router.register("hubs", views.HubViewSet, basename="hub")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("events", views.EventViewSet, basename="event")
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("news", views.NewsViewSet, basename="news")

app_name = "api"
urlpatterns = [
    path("openapi.json", SchemaView.as_view(), name="schema"),
    path("", include(router.urls)),
    re_path(r"^(?P<path>[\s\S]*)$", views.not_found, name="not_found"),  # line breaks too
]
