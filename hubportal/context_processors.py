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
