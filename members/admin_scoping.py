"""The boundary between agency staff and hub managers in the one admin, written once.

Agency staff curate everything. Hub managers see their own hubs' objects only, for lists,
forms, searches, autocompletes, actions and history alike, and change only what the admin
class allows. Objects of other hubs answer as if they did not exist. Who has which role is
decided by members.permissions.

The audit trail (django-simple-history) is read-only for everybody: reverting an old
version would write it back past the services and the fields a manager may not change.
"""

from functools import reduce
from operator import or_

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.utils.text import smart_split, unescape_string_literal
from simple_history.admin import SimpleHistoryAdmin

from core.audit import record_deletion
from hubs.models import Hub

from .permissions import curated_by, is_agency, is_hub_manager


class PortalAdmin(admin.ModelAdmin):
    """What every ModelAdmin of the portal shares."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_search_results(self, request, queryset, search_term):
        """As Django's search, word by word, each word in any search field; but each field is
        searched in a subquery of its own, which PostgreSQL answers from that field's trigram
        index (core.search.admin_search_indexes). One condition over several joined tables would
        make it read them all, and would need DISTINCT; the subqueries never repeat a row."""
        fields = self.get_search_fields(request)
        words = [
            unescape_string_literal(word) if word[0] in "\"'" and word[0] == word[-1] else word
            for word in smart_split(search_term)
        ]
        # Two letters are too few for a trigram: PostgreSQL reads the tables either way, and one
        # join does that faster than a subquery per field.
        if not words or any(len(word) < 3 for word in words) or any(field[0] in "^=@" for field in fields):
            return super().get_search_results(request, queryset, search_term)
        rows = queryset.model._base_manager
        for word in words:
            in_any_field = (
                Q(pk__in=rows.filter(**{f"{field}__icontains": word}).values("pk")) for field in fields
            )
            queryset = queryset.filter(reduce(or_, in_any_field))
        return queryset, False

    def get_changeform_initial_data(self, request):
        """Prefill the add form from the query string, as Django does, but leave out values their
        field cannot read: a related object's widget would otherwise fail on them."""
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            reader = field.target_field if field.is_relation else field
            try:
                for single in value if isinstance(value, list) else [value]:
                    reader.to_python(single)
            except ValidationError:
                del initial[name]
        return initial

    def history_view(self, request, object_id, extra_context=None):
        self.get_object_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def get_object_or_404(self, request, object_id):
        """The object among those this user reaches here (another hub's are not); a malformed
        id is as unknown as a foreign one."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj


class AuditedAdmin(PortalAdmin, SimpleHistoryAdmin):
    """A model with django-simple-history's history pages, read-only (see the module docstring)."""

    def history_view(self, request, object_id, extra_context=None):
        if not is_agency(request.user) or self.model._default_manager.filter(pk=self._pk(object_id)).exists():
            return super().history_view(request, object_id, extra_context)
        # The agency may read the history of deleted objects.
        return SimpleHistoryAdmin.history_view(self, request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        if not is_agency(request.user):
            self.get_object_or_404(request, object_id)
        self._pk(object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def save_model(self, request, obj, form, change):
        """Saved with an action in the history (core.audit), unless a service set one."""
        if not getattr(obj, "_change_reason", None):
            obj._change_reason = f"{self.model._meta.model_name}.{'updated' if change else 'created'}"
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        record_deletion(obj, action=f"{self.model._meta.model_name}.deleted", by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def _pk(self, object_id):
        try:
            return self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError as error:
            raise Http404 from error


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
        return curated_by(super().get_queryset(request), request.user, through=self.hub_field)

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
            kwargs["queryset"] = curated_by(Hub.objects.all(), request.user, through="pk")
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
