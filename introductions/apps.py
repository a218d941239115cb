from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "introductions"
    verbose_name = _("Introductions")

    def ready(self):
        from django.contrib.auth import get_user_model

        from . import services

        pre_delete.connect(
            services.forget_member, sender=get_user_model(), dispatch_uid="introductions.forget_member"
        )
