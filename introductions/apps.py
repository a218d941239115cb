from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "introductions"
    verbose_name = _("Introductions")

    def ready(self):
        from members.personal_data import register

        from .personal_data import PERSONAL_DATA

        register(PERSONAL_DATA)
