from django.urls import path

from core.page_cache import for_everybody

from . import views
from .models import Page

app_name = "pages"

urlpatterns = [
    path("impressum/", for_everybody(views.page_detail), {"slug": Page.Slug.IMPRESSUM}, name="impressum"),
    path("datenschutz/", for_everybody(views.page_detail), {"slug": Page.Slug.PRIVACY}, name="privacy"),
    path(
        "barrierefreiheit/",
        for_everybody(views.page_detail),
        {"slug": Page.Slug.ACCESSIBILITY},
        name="accessibility",
    ),
]
