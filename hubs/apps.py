from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "hubs"
    verbose_name = _("Hub network")

    def ready(self):
        from .models import City, FocusTheme, Hub, HubFocus
        from .reference import network_changed

        for model in (Hub, City, HubFocus, FocusTheme):
            post_save.connect(
                network_changed, sender=model, dispatch_uid=f"hubs.network.saved.{model.__name__}"
            )
            post_delete.connect(
                network_changed, sender=model, dispatch_uid=f"hubs.network.deleted.{model.__name__}"
            )
