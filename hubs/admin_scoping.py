"""The boundary between agency staff and hub managers in the one admin, written once.

Agency staff (superusers and the agency group, User.is_agency) curate everything. Hub
managers are staff whose manager memberships name their hubs; every hub-scoped ModelAdmin
shows them those hubs' objects only, for lists, forms, searches, autocompletes, actions and
history alike, and lets them change only what the admin class allows. Objects of other hubs
answer as if they did not exist.
"""

from django.contrib import admin
from django.db import models

from .models import Hub


def is_agency(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff and user.is_agency


def managed_hubs(user):
    return Hub.objects.managed_by(user)


def is_hub_manager(user) -> bool:
    # Asked for every model and permission an admin page shows: once per request is enough.
    if not hasattr(user, "_is_hub_manager"):
        user._is_hub_manager = managed_hubs(user).exists()
    return user._is_hub_manager


class PortalAdmin(admin.ModelAdmin):
    """What every ModelAdmin of the portal shares."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class AgencyOnlyAdmin(PortalAdmin):
    """Models that only agency staff curate (themes, pages, news, profiles)."""

    def has_module_permission(self, request):
        return is_agency(request.user)

    def has_view_permission(self, request, obj=None):
        return is_agency(request.user)

    def has_add_permission(self, request):
        return is_agency(request.user)

    def has_change_permission(self, request, obj=None):
        return is_agency(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_agency(request.user)


class HubScopedAdmin(PortalAdmin):
    """A model that belongs to a hub: agency staff see all, a hub manager their hubs' only."""

    hub_field = "hub"  # how the model reaches its hub; "pk" for Hub itself
    manager_can_add = False
    manager_can_delete = False
    agency_only_fields: tuple[str, ...] = ()  # read-only for hub managers

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_agency(request.user):
            return queryset
        return queryset.filter(**{f"{self.hub_field}__in": managed_hubs(request.user)})

    def in_scope(self, request, obj) -> bool:
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_module_permission(self, request):
        return is_agency(request.user) or is_hub_manager(request.user)

    def has_view_permission(self, request, obj=None):
        if is_agency(request.user):
            return True
        if not is_hub_manager(request.user):
            return False
        return obj is None or self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return is_agency(request.user) or (self.manager_can_add and is_hub_manager(request.user))

    def has_delete_permission(self, request, obj=None):
        if is_agency(request.user):
            return True
        return self.manager_can_delete and self.has_view_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not is_agency(request.user):
            readonly += [field for field in self.agency_only_fields if field not in readonly]
        return readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "hub" and not is_agency(request.user):
            kwargs["queryset"] = managed_hubs(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AgencyOnlyInline:
    """An inline that hub managers may see but not change (the parent admin decides who sees it)."""

    def has_view_permission(self, request, obj=None):
        return is_agency(request.user) or is_hub_manager(request.user)

    def has_add_permission(self, request, obj=None):
        return is_agency(request.user)

    def has_change_permission(self, request, obj=None):
        return is_agency(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_agency(request.user)
