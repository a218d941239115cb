"""The hubs and focus themes as nearly every page names them, kept in the shared cache.

Cards, filters, maps and lists look hubs and themes up here instead of querying them: a dozen
hubs with their cities and focus areas and a few dozen themes, which change when the agency
edits them. Any change to a hub, its cities or focus areas, or a theme makes the cache anew
(hubs.apps). What changes all the time, such as a hub's member count, is read from its row.
"""

import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.db.models import Count, Prefetch

from .models import City, FocusTheme, Hub, HubFocus

VERSION_KEY = "hub-network:version"


@dataclass
class Network:
    hubs: list[Hub]  # with their cities and focus areas
    themes: list[FocusTheme]  # with hub_count

    @cached_property
    def hubs_by_pk(self) -> dict[int, Hub]:
        return {hub.pk: hub for hub in self.hubs}

    @cached_property
    def hubs_by_slug(self) -> dict[str, Hub]:
        return {hub.slug: hub for hub in self.hubs}

    @cached_property
    def themes_by_pk(self) -> dict[int, FocusTheme]:
        return {theme.pk: theme for theme in self.themes}

    def hubs_in_display_order(self) -> list[Hub]:
        return sorted(self.hubs, key=lambda hub: alphabetical(hub.name))

    def themes_in_display_order(self) -> list[FocusTheme]:
        return sorted(self.themes, key=lambda theme: alphabetical(theme.name))

    def hubs_named(self, pks) -> list[Hub]:
        return [self.hubs_by_pk[pk] for pk in pks if pk in self.hubs_by_pk]

    def themes_named(self, pks) -> list[FocusTheme]:
        return sorted(
            (self.themes_by_pk[pk] for pk in pks if pk in self.themes_by_pk),
            key=lambda theme: alphabetical(theme.name),
        )


# A page names hubs many times over (each card): the process keeps what it last read for a
# moment, so that it asks the cache at most once a second.
_recent = threading.local()
FRESH_FOR = 1.0  # seconds


def network() -> Network:
    """The network from the cache, made from the database when it is not there."""
    if getattr(_recent, "network", None) is not None and time.monotonic() - _recent.read_at < FRESH_FOR:
        return _recent.network
    version = cache.get_or_set(VERSION_KEY, new_version, timeout=None)
    if getattr(_recent, "version", None) != version:
        _recent.network, _recent.version = read_network(version), version
    _recent.read_at = time.monotonic()
    return _recent.network


def read_network(version) -> Network:
    key = f"hub-network:{version}"
    found = cache.get(key)
    if found is None:
        found = Network(
            hubs=list(
                Hub.objects.prefetch_related(
                    Prefetch("cities", queryset=City.objects.order_by("position", "name_de")),
                    Prefetch(
                        "focus_areas",
                        queryset=HubFocus.objects.select_related("theme", "city").order_by(
                            "position", "theme__name_de"
                        ),
                    ),
                ).order_by("name_de")
            ),
            themes=list(FocusTheme.objects.annotate(hub_count=Count("hubs")).order_by("name_de")),
        )
        cache.set(key, found, timeout=None)
    return found


def network_changed(**kwargs):
    """Receiver for changes to hubs, their cities and focus areas, and themes."""
    forget()
    cache.set(VERSION_KEY, new_version(), timeout=None)


def forget() -> None:
    """Drop what this process remembers of the network (after a change, or a cleared cache)."""
    _recent.network = None
    _recent.version = None


def new_version() -> str:
    # Random rather than counted: a cache emptied and filled again never brings an old one back.
    return secrets.token_hex(8)


def hub_choices() -> list[tuple[str, str]]:
    """The hubs for a filter's choices, by slug, named in the visitor's language."""
    return [(hub.slug, hub.name) for hub in network().hubs_in_display_order()]


def theme_choices() -> list[tuple[str, str]]:
    return [(theme.slug, theme.name) for theme in network().themes_in_display_order()]


def alphabetical(name: str) -> str:
    """A sort key for names as a reader expects them: "Köln" among the K's."""
    return "".join(
        char for char in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(char)
    )
