from django.urls import path

from . import views
from .models import Page

app_name = "pages"

urlpatterns = [
    path("impressum/", views.page_detail, {"slug": Page.Slug.IMPRESSUM}, name="impressum"),
    path("datenschutz/", views.page_detail, {"slug": Page.Slug.PRIVACY}, name="privacy"),
    path("barrierefreiheit/", views.page_detail, {"slug": Page.Slug.ACCESSIBILITY}, name="accessibility"),
]
