from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "desks"

urlpatterns = [
    path("", for_everybody(views.DeskSpaceListView.as_view()), name="list"),
    path("counts/", views.counts, name="counts"),
    path("counts.csv", views.counts_csv, name="counts_csv"),
    path("bookings/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("bookings/<int:pk>/no-show/", views.no_show, name="no_show"),
    path("<slug:slug>/", for_everybody(views.space_detail), name="detail"),
    path("<slug:slug>/book/", views.book, name="book"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
    path("<slug:slug>/check-in.csv", views.check_in_csv, name="check_in_csv"),
]
