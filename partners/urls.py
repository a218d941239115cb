from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "partners"

urlpatterns = [
    path("", for_everybody(views.OrganisationDirectoryView.as_view()), name="directory"),
    path("propose/", views.propose, name="propose"),
    path("<slug:slug>/", for_everybody(views.organisation_detail), name="detail"),
    path("<slug:slug>/edit/", views.edit_proposal, name="edit"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
    path("<slug:slug>/reject/", views.reject, name="reject"),
    path("<slug:slug>/link/", views.link, name="link"),
    path("<slug:slug>/unlink/", views.unlink, name="unlink"),
]
