from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.csv_export import csv_response
from members.admin_scoping import AuditedAdmin, HubScopedAdmin

from . import services
from .forms import DeskSpaceAdminForm
from .models import DeskBooking, DeskSpace


@admin.register(DeskSpace)
class DeskSpaceAdmin(HubScopedAdmin, AuditedAdmin):
    """A hub's guest desks: agency staff curate all, a manager their hub's. A space with
    bookings is switched off rather than deleted."""

    form = DeskSpaceAdminForm
    manager_can_add = True
    list_display = ["name_de", "hub", "desk_count", "opens_at", "closes_at", "active"]
    list_filter = ["active", "hub"]
    search_fields = ["name_de", "name_en", "address", "hub__name_de"]
    autocomplete_fields = ["hub"]
    readonly_fields = ["created", "updated"]
    fieldsets = [
        (None, {"fields": ["hub", "slug", "active", "address", "desk_count"]}),
        (gettext_lazy("Opening hours"), {"fields": ["opening_days", "opens_at", "closes_at"]}),
        (gettext_lazy("German"), {"fields": ["name_de", "description_de", "house_rules_de"]}),
        (gettext_lazy("English"), {"fields": ["name_en", "description_en", "house_rules_en"]}),
        (gettext_lazy("History"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
    prepopulated_fields = {"slug": ["name_de"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub")


@admin.action(description=gettext_lazy("Mark the selected bookings as “did not come”"))
def mark_no_shows(modeladmin, request, queryset):
    marked = 0
    for booking in queryset:
        try:
            services.mark_no_show(booking=booking, manager=request.user)
        except services.DeskError as error:
            modeladmin.message_user(request, f"{booking}: {error}", level="error")
        else:
            marked += 1
    if marked:
        modeladmin.message_user(
            request,
            ngettext("%(count)s booking marked.", "%(count)s bookings marked.", marked) % {"count": marked},
        )


@admin.action(description=gettext_lazy("Export the selected bookings as CSV"))
def export_bookings(modeladmin, request, queryset):
    header = [_("Day"), _("Hub"), _("Space"), _("Name"), _("Start-up"), _("Status"), _("Booked")]
    rows = (
        [
            booking.day.isoformat(),
            booking.space.hub.name_de,
            booking.space.name_de,
            booking.user.profile.display_name if booking.user and hasattr(booking.user, "profile") else "",
            booking.user.profile.startup_name if booking.user and hasattr(booking.user, "profile") else "",
            booking.get_status_display(),
            booking.created.date().isoformat(),
        ]
        for booking in queryset.select_related("space__hub", "user__profile").order_by("day", "pk")
    )
    return csv_response(filename="desk-bookings", header=header, rows=rows)


@admin.register(DeskBooking)
class DeskBookingAdmin(HubScopedAdmin):
    """The bookings of the spaces a user curates, to read, mark and export. Bookings are made
    and cancelled by the founders on the site, through the services."""

    hub_field = "space__hub"
    list_display = ["day", "space", "hub", "member", "status", "created"]
    list_filter = ["status", "space__hub", "space"]
    search_fields = ["space__name_de", "user__email", "user__profile__display_name"]
    date_hierarchy = "day"
    actions = [mark_no_shows, export_bookings]
    fields = ["space", "user", "day", "status", "reminded", "created", "updated"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("space__hub", "user__profile")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("hub"), ordering="space__hub__name_de")
    def hub(self, booking):
        return booking.space.hub

    @admin.display(description=gettext_lazy("member"), ordering="user__profile__display_name")
    def member(self, booking):
        profile = getattr(booking.user, "profile", None) if booking.user else None
        return profile.display_name if profile else _("(removed)")
