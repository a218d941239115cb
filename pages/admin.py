from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from members.admin_scoping import AgencyOnlyAdmin

from .models import News, Page


@admin.register(Page)
class PageAdmin(AgencyOnlyAdmin):
    list_display = ["title_de", "slug", "updated"]
    search_fields = ["title_de", "title_en", "body_de", "body_en"]
    readonly_fields = ["updated"]
    fieldsets = [
        (None, {"fields": ["slug", "updated"]}),
        (_("German"), {"fields": ["title_de", "body_de"]}),
        (_("English"), {"fields": ["title_en", "body_en"]}),
    ]

    def has_delete_permission(self, request, obj=None):
        # Impressum and Datenschutz are required by law; they are edited, never removed.
        return False


@admin.register(News)
class NewsAdmin(AgencyOnlyAdmin):
    list_display = ["title_de", "published_at", "author"]
    list_filter = ["hubs"]
    search_fields = ["title_de", "title_en", "teaser_de", "body_de"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_de"]}
    filter_horizontal = ["hubs"]
    readonly_fields = ["author", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["slug", "published_at", "hubs", "author"]}),
        (_("German"), {"fields": ["title_de", "teaser_de", "body_de"]}),
        (_("English"), {"fields": ["title_en", "teaser_en", "body_en"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)
