from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from members.personal_data import register

        from .models import ensure_partnership_levels
        from .personal_data import PERSONAL_DATA

        register(PERSONAL_DATA)
        post_migrate.connect(ensure_partnership_levels, sender=self)
