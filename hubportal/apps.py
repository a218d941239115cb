from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class PortalConfig(AppConfig):
    """The project itself: its deployment checks and background tasks."""

    name = "hubportal"
    verbose_name = "Digital Hub Portal"

    def ready(self):
        from . import checks  # noqa: F401 - registers the checks

        self.watch_public_content()

    @staticmethod
    def watch_public_content():
        """Changes to what public pages show make the cached pages out of date (page_cache)."""
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .page_cache import content_changed

        for label in [
            "hubs.Hub",
            "hubs.City",
            "hubs.HubFocus",
            "hubs.FocusTheme",
            "events.Event",
            "events.Registration",
            "members.User",
            "members.Profile",
            "members.Membership",
            "pages.News",
            "pages.Page",
            "partners.Organisation",
            "partners.Partnership",
            "partners.PartnershipLevel",
            "partners.Affiliation",
            "desks.DeskSpace",
            "desks.DeskBooking",
            "formats.Format",
            "formats.Outcome",
            "formats.Run",
        ]:
            model = apps.get_model(label)
            post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache.saved.{label}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache.deleted.{label}")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    content_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"page_cache.m2m.{label}.{field.name}",
                )


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's own site (hubportal.admin_site)."""

    default_site = "hubportal.admin_site.PortalAdminSite"
