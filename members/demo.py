"""Demo members for development: plausible people with clearly fictional names and
example.org addresses, spread over every member type and hub."""

from allauth.account.models import EmailAddress
from django.db import transaction

from core.slugs import unique_slug
from hubs.models import Hub

from .models import FounderNeed, InvestmentStage, Profile, User
from .services import grant_manager, join_hub

DEMO_PASSWORD = "hubportal-demo"  # noqa: S105 - documented demo login, DEBUG only
DEMO_AGENCY_EMAIL = "agentur@example.org"
DEMO_MANAGER_EMAIL = "manager.hamburg@example.org"

FIRST_NAMES = [
    "Anna", "Ben", "Clara", "Deniz", "Emma", "Felix", "Greta", "Hannah", "Ilias", "Jana",
    "Karim", "Lea", "Moritz", "Nora", "Oskar", "Paula", "Quirin", "Rosa", "Samir", "Tilda",
    "Umut", "Vera", "Wanda", "Xaver", "Yara", "Zoe", "Aylin", "Bruno", "Chiara", "Elif",
    "Finn", "Henrik", "Ida", "Jonas", "Lina", "Mats",
]  # fmt: skip
SURNAMES = ["Beispiel", "Muster", "Exempel", "Vorlage", "Skizze", "Entwurf"]

ORGANISATIONS = {
    Profile.MemberType.FOUNDER: "{surname} Labs GmbH",
    Profile.MemberType.INVESTOR: "{surname} Ventures",
    Profile.MemberType.CORPORATE: "{surname} Maschinenbau AG",
    Profile.MemberType.SCIENCE: "Institut für Digitale Beispiele",
    Profile.MemberType.ADMINISTRATION: "Stadtverwaltung Musterstadt",
    Profile.MemberType.OTHER: "Verein {surname} e. V.",
}
# Members write their profiles in their own words: most in German, every third in English.
POSITIONS = {
    "de": {
        Profile.MemberType.FOUNDER: "Gründerin und CEO",
        Profile.MemberType.INVESTOR: "Partner",
        Profile.MemberType.CORPORATE: "Leitung Digitalisierung",
        Profile.MemberType.SCIENCE: "Professorin",
        Profile.MemberType.ADMINISTRATION: "Referent Wirtschaftsförderung",
        Profile.MemberType.OTHER: "Vorstand",
    },
    "en": {
        Profile.MemberType.FOUNDER: "Founder and CEO",
        Profile.MemberType.INVESTOR: "Partner",
        Profile.MemberType.CORPORATE: "Head of Digital",
        Profile.MemberType.SCIENCE: "Professor",
        Profile.MemberType.ADMINISTRATION: "Economic development officer",
        Profile.MemberType.OTHER: "Board member",
    },
}
BIOS = {
    "de": "{first_name} ist ein erfundenes Demo-Mitglied des Portals und zeigt, wie Profile im Verzeichnis aussehen.",
    "en": "{first_name} is a made-up demo member of the portal and shows what profiles look like in the directory.",
}
VISIBILITIES = (
    [Profile.Visibility.PUBLIC] * 4 + [Profile.Visibility.MEMBERS] * 2 + [Profile.Visibility.HIDDEN]
)
TICKETS = [(25_000, 250_000), (250_000, 2_000_000), (1_000_000, 10_000_000), (50_000, 500_000)]


@transaction.atomic
def create_demo_members() -> int:
    """Create the demo members that do not exist yet; returns how many were created."""
    hubs = list(Hub.objects.prefetch_related("focus_themes").order_by("slug"))
    stages = list(InvestmentStage.objects.all())
    needs = list(FounderNeed.objects.all())
    member_types = list(Profile.MemberType)
    created = 0
    for index, first_name in enumerate(FIRST_NAMES):
        surname = SURNAMES[index % len(SURNAMES)]
        email = f"{first_name.lower()}.{surname.lower()}@example.org"
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        member_type = member_types[index % len(member_types)]
        home_hub = hubs[index % len(hubs)] if hubs else None
        name = f"{first_name} {surname}"
        language = "en" if index % 3 == 2 else "de"
        profile = Profile.objects.create(
            user=user,
            slug=unique_slug(Profile, name, fallback="mitglied"),
            display_name=name,
            member_type=member_type,
            organisation=ORGANISATIONS[member_type].format(surname=surname),
            position=POSITIONS[language][member_type],
            text_language=language,
            city=home_hub.cities.first().name_de if home_hub else "",
            bio=BIOS[language].format(first_name=first_name),
            visibility=VISIBILITIES[index % len(VISIBILITIES)],
            website=f"https://{surname.lower()}.example.org/",
        )
        if home_hub:
            profile.focus_themes.set(home_hub.focus_themes.all())
            join_hub(user=user, hub=home_hub)
            if index % 3 == 0:
                join_hub(user=user, hub=hubs[(index + 5) % len(hubs)])
        if member_type == Profile.MemberType.INVESTOR:
            ticket_min, ticket_max = TICKETS[index % len(TICKETS)]
            profile.investor_type = list(Profile.InvestorType)[index % len(Profile.InvestorType)]
            profile.ticket_min, profile.ticket_max = ticket_min, ticket_max
            profile.save()
            profile.investment_stages.set(stages[index % 2 : index % 2 + 2])
        elif member_type == Profile.MemberType.FOUNDER:
            profile.startup_name = f"{surname}{['AI', 'Flow', 'Health', 'Chain'][index % 4]}"
            profile.startup_stage = stages[index % len(stages)].code
            profile.founded_in = 2018 + index % 7
            profile.team_size = 3 + index % 20
            profile.save()
            profile.looking_for.set(needs[index % 3 : index % 3 + 2])
        created += 1
    return created


def demo_login(email: str, **fields) -> User:
    """The demo account with `email`, made the first time with its address confirmed."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def demo_agency() -> User:
    """The agency's demo login (a superuser): it curates and reviews what the demo makes."""
    return demo_login(DEMO_AGENCY_EMAIL, is_staff=True, is_superuser=True)


def appoint_demo_manager() -> User:
    """A hub manager for Hamburg, to try the admin as hub managers see it."""
    manager = demo_login(DEMO_MANAGER_EMAIL)
    grant_manager(user=manager, hub=Hub.objects.get(slug="hamburg"), by=demo_agency())
    return manager
