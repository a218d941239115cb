from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesksConfig(AppConfig):
    name = "desks"
    verbose_name = _("Start-up Card desks")

    def ready(self):
        from members.personal_data import register

        from .personal_data import PERSONAL_DATA

        register(PERSONAL_DATA)
