"""What `manage.py check --deploy` asks of a production environment beyond Django's own checks."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def production_environment(app_configs, **kwargs):
    messages = []
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        messages.append(
            Warning(
                "The cache is local to each process.",
                hint="Set CACHE_URL=redis://… so that rate limits hold across all workers.",
                id="hubportal.W001",
            )
        )
    portal = urlsplit(settings.PORTAL_URL)
    if portal.scheme != "https":
        messages.append(
            Warning(
                "PORTAL_URL does not use https.",
                hint="Links in emails and calendars would lead visitors to an unencrypted address.",
                id="hubportal.W002",
            )
        )
    if not validate_host(portal.hostname or "", settings.ALLOWED_HOSTS):
        messages.append(
            Error(
                "The host of PORTAL_URL is not in ALLOWED_HOSTS.",
                hint="Links in emails would lead to an address the portal refuses to serve.",
                id="hubportal.E003",
            )
        )
    return messages
