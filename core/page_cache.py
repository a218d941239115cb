"""Public pages for visitors without a session, served from the shared cache (Redis).

Most visitors are not logged in and see the same page for the same address. Such a page is
rendered once and then served from the cache until anything a public page may show changes:
a change to any model of the portal's apps (watch_public_content), except those no public page
shows (NOT_ON_PUBLIC_PAGES), bumps one version number that is part of every key, once per
transaction, when it commits, so that no page outlives the data it shows. A test renders every
cached page and fails when it reads a model that is not watched. Pages also expire after
PAGE_CACHE_SECONDS, since "upcoming" moves on by itself.

Only GET and HEAD requests without a session or messages cookie, for the routes declared
`for_everybody` where they are defined (the apps' urls.py), answered 200 without setting a
cookie, are cached. Logged-in members always
get a page made for them. Responses to cookieless visitors do not vary by cookie: they carry
no `Vary: Cookie`, and no cookie.

Documents that are slow to make and show few rows of their own (calendar feeds, sitemap files)
are also kept under the version of what they show (`versioned`): a registration or a profile
edit elsewhere does not make them anew, and a poll of an unchanged one is answered with 304.
PAGE_CACHE_SECONDS=0 turns both off.
"""

import hashlib
import secrets
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.template.response import SimpleTemplateResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.functional import cached_property
from django.utils.translation import get_language

VERSION_KEY = "page-cache:version"
VERSIONED_SECONDS = 60 * 60

PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
STORED_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "ETag",
    "Last-Modified",
    "X-Robots-Tag",
    # What a page says of its own framing (events.views.embeds); the others are alike.
    "Content-Security-Policy",
    "Cross-Origin-Resource-Policy",
)


# What no page for everybody shows: the admin's, the moderators' and a member's own.
NOT_ON_PUBLIC_PAGES = {
    "events.CalendarFeed",
    "events.CalendarToken",
    "events.PostingSuspension",
    "introductions.HiddenSuggestion",
}


def watched_models():
    """The models whose changes make the cached pages out of date: every model of the portal's
    own apps (proxies included, whose saves are signalled as theirs), but their history and
    NOT_ON_PUBLIC_PAGES."""
    from django.apps import apps
    from simple_history.models import HistoricalChanges

    return [
        model
        for config in apps.get_app_configs()
        # The project's own apps sit in its directory (installed packages are deeper, in the venv).
        if Path(config.path).parent == Path(settings.BASE_DIR) and config.name != "hubportal"
        for model in config.get_models()
        if not issubclass(model, HistoricalChanges) and model._meta.label not in NOT_ON_PUBLIC_PAGES
    ]


def watch_public_content():
    """Connect content_changed to every change of a watched model, its many-to-many ones too."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in watched_models():
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache.saved.{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache.deleted.{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"page_cache.m2m.{label}.{field.name}",
            )


def content_changed(sender, update_fields=None, **kwargs):
    """Receiver for every change a public page may show: the cached pages are out of date once
    the change commits (a page made meanwhile read the data before it, under the old version).
    However many rows a transaction changes, the version changes once. (An account's login,
    which saves its last_login, changes nothing public.)"""
    if update_fields is not None and set(update_fields) <= {"last_login", "language"}:
        return
    connection = transaction.get_connection()
    # Django's own list of what runs when this transaction commits (it drops what a savepoint
    # rolled back registered): already there, the bump needs no second entry.
    if any(callback is bump_version for _savepoints, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(bump_version)


def bump_version():
    cache.set(VERSION_KEY, new_version(), timeout=None)


def current_version() -> str:
    return cache.get_or_set(VERSION_KEY, new_version, timeout=None)


def new_version() -> str:
    # Random rather than counted: a cache emptied and filled again never brings an old one back.
    return secrets.token_hex(8)


def for_everybody(view):
    """Declares a route's pages alike for every visitor without a session: they are kept in the
    page cache (PublicPageCache). Wraps the view, so that a view shared with other routes (or
    Django's own) is declared for this route only."""

    @wraps(view)
    def page_for_everybody(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    page_for_everybody.for_everybody = True
    return page_for_everybody


def is_for_everybody(request) -> bool:
    if request.method not in ("GET", "HEAD") or any(request.COOKIES.get(name) for name in PERSONAL_COOKIES):
        return False
    try:
        return getattr(resolve(request.path_info).func, "for_everybody", False)
    except Resolver404:
        return False


class PublicPageCache:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_for_everybody(request):
            return self.get_response(request)
        key = f"page-cache:{current_version()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            return self.replay(stored)
        response = self.get_response(request)
        if self.is_for_everybody(response) and not getattr(request, "csp_nonce", None):
            # (a page with a nonce is for this one request: its nonce would not match the next one's)
            self.mark_public(response)
            cache.set(key, self.store(response), settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def is_for_everybody(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def mark_public(response):
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        response.public_page = True  # AnonymousVaryCookie: no Vary on the way out

    @staticmethod
    def store(response) -> dict:
        headers = {name: response[name] for name in (*STORED_HEADERS, "Cache-Control") if name in response}
        frameable = getattr(response, "xframe_options_exempt", False)
        return {"content": response.content, "headers": headers, "frameable": frameable}

    @staticmethod
    def replay(stored) -> HttpResponse:
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"].items():
            response[name] = value
        response.public_page = True
        response.xframe_options_exempt = stored.get("frameable", False)
        return response


class NoCookieVaryForEverybody:
    """Placed before SessionMiddleware, so that on the way out it sees what that one added: a
    page for everybody (PublicPageCache) says it does not vary by cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "public_page", False) and "Vary" in response:
            kept = [
                field
                for field in (part.strip() for part in response["Vary"].split(","))
                if field.lower() != "cookie"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


def versioned(version_of):
    """For a view whose document changes only with `version_of(request, *args, **kwargs)`: that
    version is its ETag, answers a poll with 304, and keys the document in the cache."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            version = version_of(request, *args, **kwargs)
            etag = quote_etag(version)
            unchanged = get_conditional_response(request, etag=etag)
            if unchanged is not None:
                return unchanged
            if not settings.PAGE_CACHE_SECONDS:
                response = view(request, *args, **kwargs)
            else:
                key = f"versioned:{get_language()}:{request.get_full_path()}:{version}"
                stored = cache.get(key)
                if stored is not None:
                    response = PublicPageCache.replay(stored)
                else:
                    response = view(request, *args, **kwargs)
                    if isinstance(response, SimpleTemplateResponse):
                        response.render()
                    if PublicPageCache.is_for_everybody(response):
                        cache.set(key, PublicPageCache.store(response), VERSIONED_SECONDS)
            if request.method in ("GET", "HEAD") and response.status_code == 200:
                response.headers.setdefault("ETag", etag)
            return response

        return wrapper

    return decorator


class CountedOncePerVersion(Paginator):
    """For the member directory: counting 100,000 members costs more than the rest of the page,
    and the total changes only when the content does, so it is kept under the pages' version."""

    @cached_property
    def count(self) -> int:
        try:
            sql, params = self.object_list.query.sql_with_params()
        except EmptyResultSet:  # a queryset that is none() by construction
            return 0
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        return cache.get_or_set(
            f"list-count:{current_version()}:{digest}", lambda: Paginator.count.func(self), VERSIONED_SECONDS
        )
