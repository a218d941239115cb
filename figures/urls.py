"""The dashboard's pages in the admin, for agency staff and hub managers (views check the role)."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", admin.site.admin_view(views.dashboard), name="dashboard"),
    path("tables.csv", admin.site.admin_view(views.download), {"kind": "csv"}, name="csv"),
    path("tables.xlsx", admin.site.admin_view(views.download), {"kind": "xlsx"}, name="xlsx"),
    path("report/", admin.site.admin_view(views.report), name="report"),
    path("report.pdf", admin.site.admin_view(views.report_pdf), name="report_pdf"),
]
