from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "hub", "start", "event_type", "format", "status", "attendee_count"]
    list_filter = ["status", "event_type", "format", "language", "hub"]
    search_fields = ["title", "description", "venue", "hub__name_de"]
    date_hierarchy = "start"
    autocomplete_fields = ["hub", "cohosts", "focus_themes", "organiser"]
    readonly_fields = ["revision", "created", "updated"]
    inlines = [RegistrationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "rejection_reason", "organiser"]}),
        (_("Hubs and themes"), {"fields": ["hub", "cohosts", "focus_themes"]}),
        (_("When and where"), {"fields": ["start", "end", "format", "venue", "address", "online_url"]}),
        (_("Content"), {"fields": ["event_type", "language", "description", "cost_note"]}),
        (
            _("Registration"),
            {"fields": ["registration_mode", "capacity", "waitlist", "registration_url"]},
        ),
        (_("History"), {"fields": ["revision", "created", "updated"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub").with_attendee_count()

    @admin.display(description=_("registered"), ordering="attendee_count")
    def attendee_count(self, event):
        return event.attendee_count
