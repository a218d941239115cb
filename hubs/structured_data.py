"""schema.org descriptions of hubs for search engines (JSON-LD)."""

from core.mail import absolute_url
from core.markup import markdown_as_text


def organization(hub) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": f"Digital Hub {hub.name}",
        "url": absolute_url(hub.get_absolute_url()),
        "description": hub.tagline or markdown_as_text(hub.description, limit=300),
        "foundingDate": str(hub.selected_in),
        "knowsAbout": [focus.theme.name for focus in hub.focus_areas.all()],
        "location": [
            {
                "@type": "Place",
                "name": city.name,
                "address": {"@type": "PostalAddress", "addressLocality": city.name, "addressCountry": "DE"},
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": float(city.latitude),
                    "longitude": float(city.longitude),
                },
            }
            for city in hub.cities.all()
        ],
        "parentOrganization": {"@type": "Organization", "name": "Digital Hub Initiative"},
    }
    if hub.website:
        data["sameAs"] = [hub.website]
    if hub.contact_email:
        data["email"] = hub.contact_email
    return data
