from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "members"

urlpatterns = [
    path("", for_everybody(views.MemberDirectoryView.as_view()), name="directory"),
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/export/", views.export_data, name="export"),
    path("me/delete/", views.delete_account, name="delete_account"),
    path("hubs/<slug:slug>/join/", views.join_hub, name="join_hub"),
    path("hubs/<slug:slug>/leave/", views.leave_hub, name="leave_hub"),
    path("<slug:slug>/", for_everybody(views.ProfileDetailView.as_view()), name="profile"),
]
