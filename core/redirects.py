"""Where to send somebody next, when the address comes from the request."""

from django.utils.http import url_has_allowed_host_and_scheme


def on_this_site(request, target: str | None) -> str | None:
    """`target` if it is an address on this site to go on to, else None: a `next` parameter
    must not send anybody to another website."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None
