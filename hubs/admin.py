from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import City, FocusTheme, Hub, HubFocus

admin.site.site_header = _("Digital Hub Portal administration")
admin.site.site_title = _("Digital Hub Portal")
admin.site.index_title = _("Curation")


class CityInline(admin.TabularInline):
    model = City
    extra = 0
    min_num = 1
    fields = ["name_de", "name_en", "state", "latitude", "longitude", "position"]


class HubFocusInline(admin.TabularInline):
    model = HubFocus
    extra = 0
    min_num = 1
    autocomplete_fields = ["theme"]
    fields = ["theme", "city", "position"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the edited hub's own cities; HubFocus.clean() enforces the same on save.
        if db_field.name == "city":
            hub_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = City.objects.filter(hub_id=hub_id) if hub_id else City.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Hub)
class HubAdmin(admin.ModelAdmin):
    list_display = ["name_de", "name_en", "city_names", "theme_names", "selected_in", "updated"]
    list_filter = ["selected_in", "cities__state", "focus_themes"]
    search_fields = ["name_de", "name_en", "tagline_de", "tagline_en", "cities__name_de", "cities__name_en"]
    prepopulated_fields = {"slug": ["name_de"]}
    readonly_fields = ["created", "updated"]
    inlines = [CityInline, HubFocusInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["slug", "selected_in", "website", "contact_email", "logo"]}),
        (_("German"), {"fields": ["name_de", "tagline_de", "description_de"]}),
        (_("English"), {"fields": ["name_en", "tagline_en", "description_en"]}),
        (_("History"), {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("cities", "focus_areas__theme")

    @admin.display(description=_("cities"))
    def city_names(self, hub):
        return ", ".join(city.name_de for city in hub.cities.all())

    @admin.display(description=_("focus themes"))
    def theme_names(self, hub):
        return ", ".join(focus.theme.name_de for focus in hub.focus_areas.all())


@admin.register(FocusTheme)
class FocusThemeAdmin(admin.ModelAdmin):
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
