from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app of the portal builds on: translated fields, search, mail, the audit trail,
    markup, images, the page cache and the admin's moderation actions. It imports no other app
    of the portal (hubportal/tests/test_architecture.py keeps it so)."""

    name = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from .page_cache import watch_public_content

        watch_public_content()
