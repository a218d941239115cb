from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
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
