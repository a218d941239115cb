from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class PortalConfig(AppConfig):
    """The project itself: its deployment checks and background tasks."""

    name = "hubportal"
    verbose_name = "Digital Hub Portal"

    def ready(self):
        from . import checks  # noqa: F401 - registers the checks
        from .page_cache import watch_public_content

        watch_public_content()


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's own site (hubportal.admin_site)."""

    default_site = "hubportal.admin_site.PortalAdminSite"
