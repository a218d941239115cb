from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with the portal's own site (hubportal.admin_site)."""

    default_site = "hubportal.admin_site.PortalAdminSite"
