from django.urls import path

from core.page_cache import for_everybody

from .views import calendars, feeds, moderation, pages

app_name = "events"

urlpatterns = [
    path("", for_everybody(pages.EventListView.as_view()), name="list"),
    path("archive/", for_everybody(pages.EventListView.as_view(archive=True)), name="archive"),
    path("new/", pages.event_create, name="create"),
    path("moderation/", moderation.moderation, name="moderation"),
    path("calendar.ics", for_everybody(calendars.network_calendar), name="calendar"),
    path("calendar/<str:token>.ics", calendars.personal_calendar, name="personal_calendar"),
    path("calendar/reset/", calendars.reset_calendar_token, name="reset_calendar_token"),
    path("feed/", for_everybody(feeds.LatestEventsFeed()), name="feed"),
    path("series/<int:pk>/", pages.series, name="series"),
    path("<slug:slug>/", for_everybody(pages.event_detail), name="detail"),
    path("<slug:slug>/edit/", pages.event_edit, name="edit"),
    path("<slug:slug>/submit/", pages.event_submit, name="submit"),
    path("<slug:slug>/publish/", moderation.event_publish, name="publish"),
    path("<slug:slug>/reject/", moderation.event_reject, name="reject"),
    path("<slug:slug>/cancel/", pages.event_cancel, name="cancel"),
    path("<slug:slug>/report/", pages.event_report, name="report"),
    path("<slug:slug>/reports/close/", pages.close_reports, name="close_reports"),
    path("<slug:slug>/register/", pages.register, name="register"),
    path("<slug:slug>/unregister/", pages.unregister, name="unregister"),
    path("<slug:slug>/attendees/", pages.attendees, name="attendees"),
    path("<slug:slug>/attendees.csv", pages.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/calendar.ics", for_everybody(calendars.event_ics), name="ics"),
]
