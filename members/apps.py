from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import signals
        from .models import Membership, User, ensure_fixed_choices

        post_migrate.connect(ensure_fixed_choices, sender=self)
        user_logged_in.connect(signals.remember_language, dispatch_uid="members.remember_language")
        post_save.connect(signals.account_saved, sender=User, dispatch_uid="members.account_saved")
        post_save.connect(
            signals.membership_changed, sender=Membership, dispatch_uid="members.membership_saved"
        )
        post_delete.connect(
            signals.membership_changed, sender=Membership, dispatch_uid="members.membership_deleted"
        )
        m2m_changed.connect(signals.groups_changed, sender=User.groups.through, dispatch_uid="members.groups")
