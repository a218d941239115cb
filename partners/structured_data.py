"""schema.org descriptions of partner organisations for search engines (JSON-LD)."""

from core.mail import absolute_url

SCHEMA_TYPES = {
    "research": "ResearchOrganization",
    "public_body": "GovernmentOrganization",
    "startup": "Corporation",
    "corporate": "Corporation",
    "mittelstand": "Corporation",
}


def organization_schema(organisation, partnerships) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(organisation.kind, "Organization"),
        "name": organisation.name,
        "url": absolute_url(organisation.get_absolute_url()),
        "knowsAbout": [theme.name for theme in organisation.themes],
        "memberOf": [
            {
                "@type": "ProgramMembership",
                "programName": partnership.level.name,
                "hostingOrganization": {
                    "@type": "Organization",
                    "name": f"Digital Hub {partnership.hub.name}",
                    "url": absolute_url(partnership.hub.get_absolute_url()),
                },
            }
            for partnership in partnerships
        ],
    }
    if organisation.description:
        data["description"] = organisation.description
    if organisation.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
            "addressCountry": "DE",
        }
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.logo:
        data["logo"] = absolute_url(organisation.logo.url)
    return data
