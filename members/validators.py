from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class OnHost:
    """A link to a page on `host` or one of its subdomains, e.g. a LinkedIn profile."""

    def __init__(self, host: str):
        self.host = host

    def __call__(self, url):
        hostname = urlsplit(url).hostname or ""
        if hostname != self.host and not hostname.endswith(f".{self.host}"):
            raise ValidationError(
                _("Please enter an address on %(host)s."), params={"host": self.host}, code="wrong_host"
            )

    def __eq__(self, other):
        return isinstance(other, OnHost) and other.host == self.host
