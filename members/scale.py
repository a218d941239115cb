"""Members at the network's size, for manage.py seed_scale (core/scale.py): accounts of every
type and visibility in one to three hubs each, two managers a hub."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from core.scale import CITIES, DOMAIN, FIRST_NAMES, LAST_NAMES, WORDS, Scale, counted
from hubs.models import Hub

from .models import FounderNeed, InvestmentStage, Membership, Profile, Stage, User

VISIBILITIES = (
    [Profile.Visibility.MEMBERS] * 6 + [Profile.Visibility.PUBLIC] * 3 + [Profile.Visibility.HIDDEN]
)


def create_members(scale: Scale, number: int, password: str) -> list[int]:
    hashed = make_password(password)  # one hash for all: hashing 100,000 passwords would take hours
    pick = scale.random
    users = [
        User(
            email=f"member{index}@{DOMAIN}",
            password=hashed,
            language=pick.choice(["de", "de", "en", ""]),
            date_joined=scale.now - timedelta(days=pick.randrange(1, 1500)),
        )
        for index in range(number)
    ]
    scale.write("accounts", User, users)
    users = list(User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk").values_list("pk", "email"))
    scale.write(
        "email addresses",
        EmailAddress,
        [EmailAddress(user_id=pk, email=email, verified=True, primary=True) for pk, email in users],
    )
    types = Profile.MemberType.values
    profiles = []
    for index, (pk, _email) in enumerate(users):
        name = f"{pick.choice(FIRST_NAMES)} {pick.choice(LAST_NAMES)}"
        member_type = types[index % len(types)]
        profile = Profile(
            user_id=pk,
            slug=f"mitglied-{index:06d}",
            display_name=name,
            member_type=member_type,
            organisation=f"{pick.choice(WORDS)}{pick.choice(WORDS).lower()} GmbH",
            position=pick.choice(["CEO", "CTO", "Partnerin", "Referent", "Professorin", ""]),
            bio=f"{name} arbeitet an {pick.choice(WORDS)} und {pick.choice(WORDS)}.",
            city=pick.choice(CITIES),
            visibility=pick.choice(VISIBILITIES),
        )
        if member_type == Profile.MemberType.INVESTOR:
            profile.investor_type = pick.choice(Profile.InvestorType.values)
            profile.ticket_min = pick.choice([25_000, 100_000, 500_000])
            profile.ticket_max = profile.ticket_min * pick.choice([4, 10, 20])
        if member_type == Profile.MemberType.FOUNDER:
            profile.startup_name = f"{pick.choice(WORDS)}{pick.choice(WORDS).lower()}"
            profile.startup_stage = pick.choice(Stage.values)
            profile.funding_sought = pick.choice([None, 150_000, 500_000, 1_500_000, 5_000_000])
            profile.founded_in = pick.randrange(2012, scale.now.year + 1)
            profile.team_size = pick.randrange(1, 80)
        if member_type == Profile.MemberType.CORPORATE:
            profile.offers_pilots = pick.random() < 0.35
        if member_type == Profile.MemberType.SCIENCE:
            profile.research_field = f"{pick.choice(WORDS)} und {pick.choice(WORDS)}"
        profile.matchmaking = pick.random() < 0.9
        profiles.append(profile)
    scale.write("profiles", Profile, profiles)
    profile_ids = dict(
        Profile.objects.filter(user_id__in=[pk for pk, _e in users]).values_list("user_id", "pk")
    )
    scale.write(
        "interests",
        Profile.focus_themes.through,
        [
            Profile.focus_themes.through(profile_id=profile_ids[pk], focustheme_id=theme.pk)
            for pk, _e in users
            for theme in pick.sample(scale.themes, pick.randrange(1, 4))
        ],
    )
    scale.write(
        "working languages",
        Profile.languages.through,
        [
            Profile.languages.through(profile_id=profile_ids[pk], spokenlanguage_id=code)
            for pk, _e in users
            for code in [
                "de",
                *(["en"] if pick.random() < 0.4 else []),
                *(["fr"] if pick.random() < 0.05 else []),
            ]
        ],
    )
    investors = Profile.objects.filter(pk__in=profile_ids.values(), member_type=Profile.MemberType.INVESTOR)
    scale.write(
        "investment stages",
        Profile.investment_stages.through,
        [
            Profile.investment_stages.through(profile_id=pk, investmentstage_id=stage)
            for pk in investors.values_list("pk", flat=True)
            for stage in pick.sample(list(InvestmentStage.objects.values_list("pk", flat=True)), 2)
        ],
    )
    founders = Profile.objects.filter(pk__in=profile_ids.values(), member_type=Profile.MemberType.FOUNDER)
    scale.write(
        "needs",
        Profile.looking_for.through,
        [
            Profile.looking_for.through(profile_id=pk, founderneed_id=need)
            for pk in founders.values_list("pk", flat=True)
            for need in pick.sample(list(FounderNeed.objects.values_list("pk", flat=True)), 2)
        ],
    )
    memberships = []
    for index, (pk, _email) in enumerate(users):
        for position, hub in enumerate(pick.sample(scale.hubs, pick.randrange(1, 4))):
            manager = index < 2 * len(scale.hubs) and position == 0
            role = Membership.Role.MANAGER if manager else Membership.Role.MEMBER
            memberships.append(Membership(user_id=pk, hub=hub, role=role))
    scale.write("memberships", Membership, memberships)
    User.objects.filter(memberships__role=Membership.Role.MANAGER, email__endswith=f"@{DOMAIN}").update(
        is_staff=True
    )
    return [pk for pk, _email in users]


def count_members() -> None:
    Hub.objects.update(member_count=counted(Membership, "hub"))
