from django.conf import settings
from django.urls import translate_url

from hubportal.translation import active_language


def page_addresses(request):
    """The canonical address of the page and its versions in the other languages (hreflang)."""
    base = settings.PORTAL_URL.rstrip("/")
    language = active_language()
    alternates = [(code, base + translate_url(request.path, code)) for code, _name in settings.LANGUAGES]
    return {
        "canonical_url": base + request.path,
        "alternate_urls": alternates,
        "default_language_url": dict(alternates)[settings.LANGUAGE_CODE],
        "og_locale": {"de": "de_DE", "en": "en_GB"}.get(language, "de_DE"),
    }


def navigation(request):
    """Where the page sits in the main navigation: the view's name and its app ("events").

    Error pages for unknown addresses have no resolved view, so both are then empty.
    """
    match = request.resolver_match
    return {
        "current_view": match.view_name if match else "",
        "current_section": match.app_name if match else "",
    }
