from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("archive/", views.EventListView.as_view(archive=True), name="archive"),
    path("new/", views.event_create, name="create"),
    path("moderation/", views.moderation, name="moderation"),
    path("calendar.ics", views.network_calendar, name="calendar"),
    path("calendar/<str:token>.ics", views.personal_calendar, name="personal_calendar"),
    path("calendar/reset/", views.reset_calendar_token, name="reset_calendar_token"),
    path("feed/", views.LatestEventsFeed(), name="feed"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/submit/", views.event_submit, name="submit"),
    path("<slug:slug>/publish/", views.event_publish, name="publish"),
    path("<slug:slug>/reject/", views.event_reject, name="reject"),
    path("<slug:slug>/cancel/", views.event_cancel, name="cancel"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/unregister/", views.unregister, name="unregister"),
    path("<slug:slug>/attendees/", views.attendees, name="attendees"),
    path("<slug:slug>/attendees.csv", views.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/calendar.ics", views.event_ics, name="ics"),
]
