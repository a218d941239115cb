from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .models import ensure_fixed_choices
        from .signals import remember_language

        post_migrate.connect(ensure_fixed_choices, sender=self)
        user_logged_in.connect(remember_language, dispatch_uid="members.remember_language")
