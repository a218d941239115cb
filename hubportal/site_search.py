"""One search over the portal's public content: the hubs, the coming events, the partner
organisations and the Format Library, each searched by its own list's filter (so that "all
results" on a list page shows the same), a few of each shown."""

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.translation import localized
from events.filters import UpcomingEventFilter
from events.models import Event
from formats.filters import FormatFilter
from formats.models import Format
from hubs.filters import HubFilter
from hubs.models import Hub
from hubs.reference import network
from partners.filters import OrganisationFilter
from partners.models import Organisation

SHOWN = 4  # results of each kind on the search page; its list has the rest


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the portal"), max_length=100, strip=True)


@dataclass
class Found:
    """What one kind of content holds for the search: a few results and how many there are."""

    title: str
    items: list
    count: int
    more_url: str
    card: str  # the template of one result's card


def search(text: str) -> list[Found]:
    query = {"q": text}
    hubs = HubFilter(query, queryset=Hub.objects.only("pk").order_by(localized("name"), "pk")).qs
    known = network().hubs_by_pk
    events = UpcomingEventFilter(query, queryset=Event.objects.public().for_cards().upcoming()).qs
    partners = OrganisationFilter(
        query, queryset=Organisation.objects.published().for_cards().order_by("name", "pk")
    ).qs
    formats = FormatFilter(query, queryset=Format.objects.for_cards().order_by("-created", "-pk")).qs
    return [
        found(
            _("Hubs"),
            hubs,
            "hubs:list",
            "hubs/includes/hub_card.html",
            text,
            shown=lambda rows: [
                known[hub.pk] for hub in rows if hub.pk in known
            ],  # cards of the cached network
        ),
        found(_("Events"), events, "events:list", "events/includes/event_card.html", text),
        found(
            _("Partners"), partners, "partners:directory", "partners/includes/organisation_card.html", text
        ),
        found(_("Formats"), formats, "formats:list", "formats/includes/format_card.html", text),
    ]


def found(title, queryset: QuerySet, route: str, card: str, text: str, shown=list) -> Found:
    return Found(
        title=title,
        items=shown(queryset[:SHOWN]),
        count=queryset.count(),
        more_url=f"{reverse(route)}?{urlencode({'q': text})}",
        card=card,
    )
