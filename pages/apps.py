from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from .legal_texts import ensure_legal_pages

        post_migrate.connect(ensure_legal_pages, sender=self)
