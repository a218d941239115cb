"""The one admin of agency staff and hub managers, with two doors closed and an activity log.

The login goes through allauth's login page (allauth's documented admin protection), so
that its rate limits and lockout hold for the admin too. The "view on site" shortcut
answers only for objects the user reaches in the admin itself, so that it reveals no
hidden profile or other hub's unpublished event. The activity log shows the agency what
happened in the network (hubportal.activity).
"""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from core.audit import ACTIONS
from members.models import User
from members.permissions import is_agency

from .activity import HISTORY_PAGES, ActivityFilter


class PortalAdminSite(admin.AdminSite):
    site_header = _("Digital Hub Portal administration")
    site_title = _("Digital Hub Portal")
    index_title = _("Curation")

    def login(self, request, extra_context=None):
        return secure_admin_login(super().login)(request, extra_context)

    def get_urls(self):
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        return [
            path(
                "r/<int:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            path("activity/", self.admin_view(self.activity), name="activity"),
            *urls,
        ]

    def activity(self, request):
        """What happened in the network, from the histories: for the agency."""
        if not is_agency(request.user):
            raise PermissionDenied
        form = ActivityFilter(request.GET or None)
        page = Paginator(form.entries(), 50).get_page(request.GET.get("page"))
        people = User.objects.in_bulk({entry["who"] for entry in page if entry["who"]})
        rows = [
            {
                **entry,
                "who": people.get(entry["who"]),
                "what": ACTIONS.get(entry["action"])
                or entry["action"]
                or _("Change without a recorded reason"),
                "url": reverse(HISTORY_PAGES[entry["object_kind"]], args=[entry["object_id"]]),
            }
            for entry in page
        ]
        context = {
            **self.each_context(request),
            "title": _("Activity"),
            "form": form,
            "page_obj": page,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/activity.html", context)

    def view_on_site(self, request, content_type_id, object_id):
        content_type = ContentType.objects.filter(pk=content_type_id).first()
        model = content_type.model_class() if content_type else None
        model_admin = self._registry.get(model)
        if model_admin is None or not hasattr(model, "get_absolute_url"):
            raise Http404
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return redirect(obj.get_absolute_url())
