"""Middleware of the portal: what every request passes through before any view."""

from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils import translation
from django.utils.translation import gettext

from api.views import client_language

from .views import bad_request

# No page of the portal takes PUT, PATCH or DELETE, and TRACE would echo the request's
# headers (cookies included) back to a script that sent it.
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


class RejectMalformedRequests:
    """Refuse what no view can serve, before a view or the database sees it.

    Unknown methods answer 405. A NUL character in the address or query string answers 400:
    no URL needs one, and PostgreSQL refuses them in text. Forms refuse NUL characters on
    their own, with a message on the field, so posted data is left to them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            if request.path.startswith("/api/"):  # the API answers in JSON, as its schema says
                with translation.override(client_language(request)):
                    return JsonResponse({"address": [gettext("No address has a NUL character.")]}, status=400)
            return bad_request(request, exception=None)
        return self.get_response(request)


class SecurityHeaders:
    """The headers Django's SecurityMiddleware does not set: no other site may load the
    portal's responses (Spectre-style leaks), and no page may use the camera, microphone,
    location or other powerful browser features."""

    PERMISSIONS_POLICY = ", ".join(
        f"{feature}=()"
        for feature in [
            "accelerometer",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "payment",
            "usb",
        ]
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        return response
