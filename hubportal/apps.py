from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class PortalConfig(AppConfig):
    """The project on top of the apps: it composes them (urls, admin site, sitemaps, search,
    the activity log) and checks the deployment."""

    name = "hubportal"
    verbose_name = "Digital Hub Portal"

    def ready(self):
        from . import checks  # noqa: F401 - registers the checks


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's own site (hubportal.admin_site)."""

    default_site = "hubportal.admin_site.PortalAdminSite"
