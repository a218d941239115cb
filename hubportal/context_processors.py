from typing import NamedTuple

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from core.translation import active_language
from members import permissions


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


LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}  # each in its own language


def language_links(request):
    """This page in each language: links, not a form, so that public pages need no session or
    CSRF cookie (and can be cached for everybody)."""
    language = active_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": translate_url(path, code),
                "current": code == language,
            }
            for code, _name in settings.LANGUAGES
        ]
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


def roles(request):
    """The visitor's roles for the templates (members.permissions decides them), looked up only
    when a template asks."""
    user = getattr(request, "user", None)  # none on a bad request refused before authentication
    return {
        "roles": SimpleLazyObject(
            lambda: Roles(agency=permissions.is_agency(user), curation=permissions.has_curation_role(user))
        )
    }


class Roles(NamedTuple):
    agency: bool  # curates the whole network
    curation: bool  # agency staff or a hub manager: works in the admin, has a moderation queue
