"""The one admin of agency staff and hub managers, with two doors closed.

The login goes through allauth's login page (allauth's documented admin protection), so
that its rate limits and lockout hold for the admin too. The "view on site" shortcut
answers only for objects the user reaches in the admin itself, so that it reveals no
hidden profile or other hub's unpublished event.
"""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _


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
            *urls,
        ]

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
