"""schema.org descriptions of events for search engines (JSON-LD)."""

from django.utils import timezone

from core.mail import absolute_url
from core.markup import markdown_as_text

from .models import Event

ATTENDANCE = {
    Event.Format.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_schema(event: Event) -> dict:
    url = absolute_url(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": markdown_as_text(event.description),
        "url": url,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[event.format],
        "inLanguage": ["de", "en"] if event.language == Event.Language.BOTH else [event.language],
        "organizer": [
            {
                "@type": "Organization",
                "name": f"Digital Hub {hub.name}",
                "url": absolute_url(hub.get_absolute_url()),
            }
            for hub in event.hubs
        ],
        "location": locations(event),
    }
    if event.free_of_charge:
        data["isAccessibleForFree"] = True
    offer = {"@type": "Offer", "url": event.registration_url or url}
    if event.free_of_charge:
        offer.update(price=0, priceCurrency="EUR")
    if event.cost_note:
        offer["description"] = event.cost_note
    if event.registration_mode == Event.RegistrationMode.PORTAL:
        offer["availability"] = (
            "https://schema.org/InStock" if event.has_free_seats else "https://schema.org/SoldOut"
        )
    if event.registration_mode != Event.RegistrationMode.NONE:
        data["offers"] = offer
    return data


def locations(event: Event) -> list[dict]:
    places = []
    if event.format in (Event.Format.ON_SITE, Event.Format.HYBRID):
        places.append({"@type": "Place", "name": event.venue or event.address, "address": event.address})
    if event.format in (Event.Format.ONLINE, Event.Format.HYBRID):
        # The link itself is for registered members only.
        places.append({"@type": "VirtualLocation", "url": absolute_url(event.get_absolute_url())})
    return places
