from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from members.admin_scoping import HubScopedAdmin

from .models import Format, Outcome


@admin.register(Format)
class FormatAdmin(HubScopedAdmin):
    """The library's formats: the agency curates all, a hub's managers those their hub first
    ran (their texts; removing one takes it out of the library, its events stay)."""

    manager_can_delete = True
    list_display = ["__str__", "hub", "format_type", "effort", "created"]
    list_filter = ["format_type", "effort", "hub"]
    search_fields = ["title_de", "title_en", "summary_de", "summary_en"]
    filter_horizontal = ["focus_themes"]
    readonly_fields = ["hub", "outcome", "published_by", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["slug", "format_type", "effort", "focus_themes"]}),
        (_("In German"), {"fields": ["title_de", "summary_de"]}),
        (_("In English"), {"fields": ["title_en", "summary_en"]}),
        (_("Experience"), {"fields": ["worked", "to_change", "materials"]}),
        (_("Origin"), {"fields": ["hub", "outcome", "published_by", "created", "updated"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub")

    def has_add_permission(self, request):
        return False  # published from an event's outcome, on the site


@admin.register(Outcome)
class OutcomeAdmin(HubScopedAdmin):
    """What came of the events: read here, by hub, for the agency's overview; recorded on the site."""

    hub_field = "event__hub"
    list_display = ["event", "attendance", "format_type", "effort", "created"]
    list_filter = ["format_type", "effort", "event__hub"]
    search_fields = ["event__title_de", "event__title_en", "summary_de", "worked"]
    readonly_fields = [field.name for field in Outcome._meta.fields]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
