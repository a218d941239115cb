from django.contrib import admin
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hubportal.images import LogoField
from hubportal.mail import absolute_url
from members.admin_scoping import AgencyOnlyAdmin, AgencyOnlyInline, AuditedAdmin, HubScopedAdmin
from members.permissions import is_agency

from .models import City, FocusTheme, Hub, HubFocus


class CityInline(AgencyOnlyInline, admin.TabularInline):
    model = City
    extra = 0
    min_num = 1
    fields = ["name_de", "name_en", "state", "latitude", "longitude", "position"]


class HubFocusInline(AgencyOnlyInline, admin.TabularInline):
    model = HubFocus
    extra = 0
    min_num = 1
    fields = ["theme", "city", "position"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the edited hub's own cities; HubFocus.clean() enforces the same on save.
        if db_field.name == "city":
            hub_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = City.objects.filter(hub_id=hub_id) if hub_id else City.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Hub)
class HubAdmin(HubScopedAdmin, AuditedAdmin):
    """Agency staff curate every hub; a hub manager edits the texts and contact of their own."""

    formfield_overrides = {**HubScopedAdmin.formfield_overrides, models.ImageField: {"form_class": LogoField}}
    hub_field = "pk"
    agency_only_fields = ("slug", "selected_in", "name_de", "name_en", "featured")
    list_display = ["name_de", "name_en", "city_names", "theme_names", "selected_in", "featured", "updated"]
    list_filter = ["featured", "selected_in", "cities__state", "focus_themes"]
    search_fields = ["name_de", "name_en", "tagline_de", "tagline_en", "cities__name_de", "cities__name_en"]
    readonly_fields = ["created", "updated", "embed_code"]
    inlines = [CityInline, HubFocusInline]
    fieldsets = [
        (None, {"fields": ["slug", "selected_in", "featured", "website", "contact_email", "logo"]}),
        (
            _("Events on the hub's website"),
            {
                "fields": ["embed_origins", "embed_code"],
                "description": _(
                    "The hub's coming events can appear on its own website. Name the website below "
                    "and save: until then the list stays empty there, because the portal lets only "
                    "the websites named here show it. Then copy the code into a page of the website."
                ),
            },
        ),
        (_("German"), {"fields": ["name_de", "tagline_de", "description_de"]}),
        (_("English"), {"fields": ["name_en", "tagline_en", "description_en"]}),
        (_("History"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ["name_de"]} if is_agency(request.user) else {}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("cities", "focus_areas__theme").distinct()

    @admin.display(description=_("code for the website"))
    def embed_code(self, hub):
        """The script to copy into the hub's website, and a preview of what it shows."""
        if hub.pk is None:
            return _("Save the hub first.")
        script = absolute_url(reverse("embed:script"))
        code = f'<script src="{script}" data-hub="{hub.slug}" data-count="5" async></script>'  # shown as text
        return render_to_string(
            "admin/hubs/embed_code.html",
            {"hub": hub, "code": code, "preview": f"{reverse('embed:hub_events', args=[hub.slug])}?count=5"},
        )

    @admin.display(description=_("cities"))
    def city_names(self, hub):
        return ", ".join(city.name_de for city in hub.cities.all())

    @admin.display(description=_("focus themes"))
    def theme_names(self, hub):
        return ", ".join(focus.theme.name_de for focus in hub.focus_areas.all())


@admin.register(FocusTheme)
class FocusThemeAdmin(AgencyOnlyAdmin):
    list_display = ["name_de", "name_en", "slug", "hub_count"]
    search_fields = ["name_de", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_de"]}
    fieldsets = [
        (None, {"fields": ["slug"]}),
        (_("German"), {"fields": ["name_de", "description_de"]}),
        (_("English"), {"fields": ["name_en", "description_en"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_hub_count()

    @admin.display(description=_("hubs"), ordering="hub_count")
    def hub_count(self, theme):
        return theme.hub_count
