from django.urls import path

from . import views

app_name = "introductions"

urlpatterns = [
    path("", views.matches, name="matches"),
    path("hide/", views.hide, name="hide"),
    path("hidden/show/", views.show_hidden, name="show_hidden"),
    path("matchmaking/", views.switch_matchmaking, name="switch"),
    path("ask/<slug:slug>/", views.ask, name="ask"),
    path("queue/", views.queue, name="queue"),
    path("counts/", views.counts, name="counts"),
    path("counts.csv", views.counts_csv, name="counts_csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/ask-more/", views.ask_more, name="ask_more"),
    path("<int:pk>/revise/", views.revise, name="revise"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/refuse/", views.refuse, name="refuse"),
    path("<int:pk>/outcome/", views.outcome, name="outcome"),
]
