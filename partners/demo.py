"""Demo partner organisations for development: clearly fictitious names, for every hub, with
partnerships, linked demo members and one proposal awaiting review in Hamburg."""

from datetime import date

from django.db import transaction

from core.audit import record
from hubs.models import Hub
from members.demo import demo_agency
from members.models import Profile, User

from .models import Affiliation, Organisation, Partnership, PartnershipLevel
from .services import PartnerError, link_member, propose_organisation, save_organisation

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
    agency = demo_agency()
    created = 0
    hubs = list(Hub.objects.prefetch_related("cities", "focus_themes").order_by("slug"))
    for hub_index, hub in enumerate(hubs):
        city = hub.cities.all()[0].name_de if hub.cities.all() else hub.name_de
        themes = list(hub.focus_themes.all())
        for index, (pattern, kind, description_de, description_en) in enumerate(TEMPLATES):
            name = pattern.format(city=city.split("/")[0].strip())
            if Organisation.objects.filter(name=name).exists():
                continue
            organisation = save_organisation(
                organisation=Organisation(
                    name=name,
                    slug=f"demo-{hub.slug}-{index}",
                    kind=kind,
                    city=city,
                    website="https://example.org/",
                    description_de=description_de,
                    description_en=description_en,
                    hub=hub,
                ),
                editor=agency,
                focus_themes=themes[index : index + 2] or themes[:1],
            )
            created += 1
            partnership = Partnership(
                organisation=organisation,
                hub=hub,
                level=levels[(hub_index + index) % len(levels)],
                since=date(2017 + (hub_index + index) % 8, 1 + index * 3, 1),
            )
            record(partnership, action="partnership.created", by=agency)
            member_type, role = PEOPLE[kind]
            people = User.objects.filter(memberships__hub=hub, profile__member_type=member_type).order_by(
                "email"
            )
            for user in people[:2]:
                try:
                    link_member(organisation=organisation, user=user, role=role)
                except PartnerError:
                    continue  # on as many boards as a member may be
    created += create_network_partner(hubs, levels, agency) + create_proposal()
    return created


def create_network_partner(hubs, levels, agency) -> int:
    """A partner of several hubs that the agency looks after itself."""
    if Organisation.objects.filter(name=NETWORK_PARTNER).exists():
        return 0
    organisation = save_organisation(
        organisation=Organisation(
            name=NETWORK_PARTNER,
            slug="demo-exempel-bank",
            kind=Organisation.Kind.CORPORATE,
            city="Frankfurt am Main",
            website="https://example.org/",
            description_de="Eine erfundene Bank, die Gründerteams in mehreren Hubs begleitet.",
            description_en="A fictitious bank that supports founding teams in several hubs.",
        ),
        editor=agency,
    )
    for hub in hubs[::3]:
        partnership = Partnership(organisation=organisation, hub=hub, level=levels[0], since=date(2018, 5, 1))
        record(partnership, action="partnership.created", by=agency)
    return 1


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
    if Organisation.objects.filter(name=PROPOSAL).exists():
        return 0
    propose_organisation(
        organisation=Organisation(
            name=PROPOSAL,
            slug="demo-skizze-robotics",
            kind=Organisation.Kind.STARTUP,
            city="Hamburg",
            description_de="Ein erfundenes Start-up für Roboter im Hafenbetrieb.",
            hub=hamburg,
        ),
        proposer=proposer.user,
        role=Affiliation.Role.FOUNDER,
    )
    return 1
