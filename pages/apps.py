from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from members.personal_data import register

        from .legal_texts import ensure_legal_pages
        from .personal_data import PERSONAL_DATA

        register(PERSONAL_DATA)

        post_migrate.connect(ensure_legal_pages, sender=self)
