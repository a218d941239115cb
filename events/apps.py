from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from .models import Registration
        from .signals import registrations_changed

        post_save.connect(
            registrations_changed, sender=Registration, dispatch_uid="events.registration_saved"
        )
        post_delete.connect(
            registrations_changed, sender=Registration, dispatch_uid="events.registration_deleted"
        )
