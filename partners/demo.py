"""Demo partner organisations for development: clearly fictitious names, for every hub, with
partnerships, linked demo members and one proposal awaiting review in Hamburg."""

from datetime import date

from django.db import transaction

from hubs.models import Hub
from members.models import Profile, User

from .models import Affiliation, Organisation, Partnership, PartnershipLevel

# Per hub: name pattern, kind, description (German, English).
TEMPLATES = [
    (
        "{city} Muster Maschinenbau AG",
        Organisation.Kind.MITTELSTAND,
        "Ein erfundener Mittelständler, der seine Fertigung mit Start-ups des Hubs digitalisiert.",
        "A fictitious Mittelstand company digitising its production with the hub's start-ups.",
    ),
    (
        "Beispiel-Institut {city}",
        Organisation.Kind.RESEARCH,
        "Ein erfundenes Forschungsinstitut, das Ergebnisse mit Gründerteams in Anwendungen bringt.",
        "A fictitious research institute that turns results into products with founding teams.",
    ),
    (
        "{city} Demo Ventures",
        Organisation.Kind.INVESTOR,
        "Ein erfundener Frühphasen-Investor für Start-ups aus der Region.",
        "A fictitious early-stage investor in the region's start-ups.",
    ),
]
NETWORK_PARTNER = "Exempel Bank AG"
PROPOSAL = "Skizze Robotics GmbH"
# Who of the hub's demo members belongs to each kind of organisation, and in which role.
PEOPLE = {
    Organisation.Kind.MITTELSTAND: (Profile.MemberType.CORPORATE, Affiliation.Role.MANAGEMENT),
    Organisation.Kind.RESEARCH: (Profile.MemberType.SCIENCE, Affiliation.Role.RESEARCH),
    Organisation.Kind.INVESTOR: (Profile.MemberType.INVESTOR, Affiliation.Role.INVESTMENT),
}


@transaction.atomic
def create_demo_partners() -> int:
    """Create the demo organisations that do not exist yet; returns how many were created."""
    levels = list(PartnershipLevel.objects.order_by("position"))
    if not levels:
        return 0
    created = 0
    hubs = list(Hub.objects.prefetch_related("cities", "focus_themes").order_by("slug"))
    for hub_index, hub in enumerate(hubs):
        city = hub.cities.all()[0].name_de if hub.cities.all() else hub.name_de
        themes = list(hub.focus_themes.all())
        for index, (pattern, kind, description_de, description_en) in enumerate(TEMPLATES):
            name = pattern.format(city=city.split("/")[0].strip())
            organisation, is_new = Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "slug": f"demo-{hub.slug}-{index}",
                    "kind": kind,
                    "city": city,
                    "website": "https://example.org/",
                    "description_de": description_de,
                    "description_en": description_en,
                    "hub": hub,
                },
            )
            if not is_new:
                continue
            created += 1
            organisation.focus_themes.set(themes[index : index + 2] or themes[:1])
            Partnership.objects.create(
                organisation=organisation,
                hub=hub,
                level=levels[(hub_index + index) % len(levels)],
                since=date(2017 + (hub_index + index) % 8, 1 + index * 3, 1),
            )
            member_type, role = PEOPLE[kind]
            people = User.objects.filter(memberships__hub=hub, profile__member_type=member_type).order_by(
                "email"
            )
            for user in people[:2]:
                Affiliation.objects.get_or_create(
                    user=user, organisation=organisation, defaults={"role": role}
                )
    created += create_network_partner(hubs, levels) + create_proposal()
    return created


def create_network_partner(hubs, levels) -> int:
    """A partner of several hubs that the agency looks after itself."""
    organisation, is_new = Organisation.objects.get_or_create(
        name=NETWORK_PARTNER,
        defaults={
            "slug": "demo-exempel-bank",
            "kind": Organisation.Kind.CORPORATE,
            "city": "Frankfurt am Main",
            "website": "https://example.org/",
            "description_de": "Eine erfundene Bank, die Gründerteams in mehreren Hubs begleitet.",
            "description_en": "A fictitious bank that supports founding teams in several hubs.",
        },
    )
    if is_new:
        for hub in hubs[::3]:
            Partnership.objects.create(
                organisation=organisation, hub=hub, level=levels[0], since=date(2018, 5, 1)
            )
    return int(is_new)


def create_proposal() -> int:
    """A proposal awaiting review by Hamburg's demo manager."""
    proposer = (
        Profile.objects.filter(user__memberships__hub__slug="hamburg", user__memberships__role="member")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    hamburg = Hub.objects.filter(slug="hamburg").first()
    if proposer is None or hamburg is None:
        return 0
    organisation, is_new = Organisation.objects.get_or_create(
        name=PROPOSAL,
        defaults={
            "slug": "demo-skizze-robotics",
            "kind": Organisation.Kind.STARTUP,
            "city": "Hamburg",
            "description_de": "Ein erfundenes Start-up für Roboter im Hafenbetrieb.",
            "hub": hamburg,
            "status": Organisation.Status.SUBMITTED,
            "proposed_by": proposer.user,
        },
    )
    if is_new:
        Affiliation.objects.get_or_create(
            user=proposer.user, organisation=organisation, defaults={"role": Affiliation.Role.FOUNDER}
        )
    return int(is_new)
