from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRate(AnonRateThrottle):
    """settings.API_ANONYMOUS_RATE per client address: the one the TLS proxy names in its
    trusted header (as for allauth's rate limits), else the connection's."""

    def get_rate(self):
        return settings.API_ANONYMOUS_RATE

    def get_ident(self, request):
        header = settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER
        if header:
            address = request.headers.get(header, "").strip()
            if address:
                return address
        return request.META.get("REMOTE_ADDR", "")
