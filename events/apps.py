from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from members.personal_data import register

        from .models import Event, Registration
        from .personal_data import PERSONAL_DATA
        from .signals import registrations_changed, series_date_changed

        register(PERSONAL_DATA)
        post_save.connect(
            registrations_changed, sender=Registration, dispatch_uid="events.registration_saved"
        )
        post_delete.connect(
            registrations_changed, sender=Registration, dispatch_uid="events.registration_deleted"
        )
        post_save.connect(series_date_changed, sender=Event, dispatch_uid="events.series_date_saved")
        post_delete.connect(series_date_changed, sender=Event, dispatch_uid="events.series_date_deleted")
