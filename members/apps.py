from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import personal_data, services, signals
        from .models import Membership, User, ensure_fixed_choices

        personal_data.register(
            personal_data.PersonalData(
                app=self.label,
                holds=(
                    "account.EmailAddress.user",
                    "members.Profile.user",
                    "members.Membership.user",
                    "members.HistoricalMembership.user",
                ),
                export=services.members_own_data,
                after_deletion=services.forget_membership_history,
                curators=("admin.LogEntry.user",),  # the admin's log of changes, deleted with the account
            )
        )
        pre_delete.connect(
            services.erase_personal_data, sender=User, dispatch_uid="members.erase_personal_data"
        )
        post_delete.connect(
            services.erase_deletion_history, sender=User, dispatch_uid="members.erase_deletion_history"
        )
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
