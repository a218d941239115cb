from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesksConfig(AppConfig):
    name = "desks"
    verbose_name = _("Start-up Card desks")
