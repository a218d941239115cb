"""Demo matchmaking for development: the demo investor Ben Muster and several demo founders
get complementary profiles, so that their dashboards show explained matches, and Hamburg's
demo manager finds introductions in every state in the queue.

Each introduction goes through the services, step by step, as its members and the hub took
them; then its dates move back to the day it was asked (`move_back`), and the daily schedule
runs as it would have since: it expires what waited too long and asks what came of the
introductions accepted a month ago."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F

from hubs.models import FocusTheme, Hub
from members.demo import appoint_demo_manager
from members.models import FounderNeed, InvestmentStage, Profile, SpokenLanguage, User
from members.services import join_hub

from . import services
from .models import Introduction, Outcome

DEMO_INVESTOR = "ben.muster@example.org"
FOUNDERS = {  # email: (stage, funding sought)
    "anna.beispiel@example.org": ("seed", 500_000),
    "greta.beispiel@example.org": ("seed", 750_000),
    "moritz.beispiel@example.org": ("series_a", 1_500_000),
    "samir.beispiel@example.org": ("seed", 400_000),
    "yara.beispiel@example.org": ("seed", 600_000),
    "finn.beispiel@example.org": ("series_a", 2_000_000),
}
CORPORATE = "clara.exempel@example.org"
RESEARCHER = "deniz.vorlage@example.org"
Status = Introduction.Status
# requester, recipient, the state it ends in, days since it was asked, the note
INTRODUCTIONS = [
    ("anna", "ben", Status.REQUESTED, 2, "Wir schließen gerade unsere Seed-Runde über 500.000 € und suchen einen Lead-Investor mit FinTech-Erfahrung."),
    ("clara", "deniz", Status.MORE_INFO, 5, "Wir möchten ein Pilotprojekt zu sicheren Zahlungen in der Fertigung mit Ihrem Institut aufsetzen."),
    ("greta", "ben", Status.APPROVED, 4, "Unser Produkt automatisiert die Buchhaltung kleiner Händler; wir würden Ihnen gern unsere Zahlen zeigen."),
    ("moritz", "ben", Status.ACCEPTED, 12, "Wir wachsen seit einem Jahr zweistellig pro Monat und bereiten eine Series A vor."),
    ("samir", "clara", Status.ACCEPTED, 40, "Wir suchen einen ersten Industriekunden für einen Pilot mit unserer Zahlungslösung."),
    ("yara", "deniz", Status.DECLINED_BY_HUB, 9, "Können wir uns kurz austauschen?"),
    ("finn", "clara", Status.DECLINED, 20, "Wir würden gern über eine Partnerschaft sprechen."),
    ("anna", "deniz", Status.EXPIRED, 30, "Wir suchen Unterstützung bei der Kryptografie."),
    ("greta", "clara", Status.WITHDRAWN, 15, "Gibt es bei Ihnen Pilotprojekte für Buchhaltung?"),
]  # fmt: skip


def demo_user(first_name: str) -> User | None:
    return (
        User.objects.filter(email__startswith=f"{first_name}.").filter(email__endswith="@example.org").first()
    )


@transaction.atomic
def create_demo_introductions() -> int:
    """Give the demo members complementary profiles and create the demo introductions, once;
    returns how many introductions were created."""
    ben = User.objects.filter(email=DEMO_INVESTOR).select_related("profile").first()
    hamburg = Hub.objects.filter(slug="hamburg").first()
    if ben is None or hamburg is None or Introduction.objects.filter(recipient=ben).exists():
        return 0
    fintech = FocusTheme.objects.filter(slug="fintech").first()
    german, english = SpokenLanguage.objects.get(code="de"), SpokenLanguage.objects.get(code="en")
    for number, profile in enumerate(
        Profile.objects.filter(user__email__endswith="@example.org").order_by("pk")
    ):
        profile.languages.set([german, english] if number % 2 else [german])

    ben.profile.investment_stages.set(InvestmentStage.objects.filter(code__in=["seed", "series_a"]))
    Profile.objects.filter(pk=ben.profile.pk).update(ticket_min=250_000, ticket_max=2_000_000)
    ben.profile.languages.set([german, english])
    involved = [ben]
    for email, (stage, sought) in FOUNDERS.items():
        profile = Profile.objects.filter(user__email=email, member_type=Profile.MemberType.FOUNDER).first()
        if profile is None:
            continue
        Profile.objects.filter(pk=profile.pk).update(startup_stage=stage, funding_sought=sought)
        profile.looking_for.add(*FounderNeed.objects.filter(code__in=["funding", "customers"]))
        involved.append(profile.user)
    Profile.objects.filter(user__email=CORPORATE).update(offers_pilots=True)
    Profile.objects.filter(user__email=RESEARCHER).update(research_field="Kryptografie für sichere Zahlungen")
    involved += list(User.objects.filter(email__in=[CORPORATE, RESEARCHER]))
    for user in involved:
        if fintech and hasattr(user, "profile"):
            user.profile.focus_themes.add(fintech)
        # Hamburg's demo manager reviews their introductions.
        join_hub(user=user, hub=hamburg)

    manager = appoint_demo_manager()
    created = 0
    for requester_name, recipient_name, status, days, note in INTRODUCTIONS:
        requester, recipient = demo_user(requester_name), demo_user(recipient_name)
        if requester is None or recipient is None:
            continue
        introduction = services.request_introduction(
            requester=requester, profile=recipient.profile, note=note, hub=hamburg
        )
        take_steps_to(status, introduction, manager=manager)
        move_back(introduction, timedelta(days=days))
        created += 1
    services.run_schedule()  # as every morning since
    for introduction in Introduction.objects.filter(recipient__email=CORPORATE, outcome_asked=True):
        services.record_outcome(
            introduction=introduction, member=introduction.requester, answer=Outcome.Answer.PILOT
        )
    return created


def take_steps_to(status: str, introduction: Introduction, *, manager: User) -> None:
    """The steps of the requester, the hub and the recipient that lead to `status` (an expired
    request waits for the schedule)."""
    if status == Status.MORE_INFO:
        services.ask_for_more(
            introduction=introduction,
            moderator=manager,
            question="Welche Fertigungsbereiche sollen in den Pilot, und wer leitet ihn bei Ihnen?",
        )
    elif status == Status.DECLINED_BY_HUB:
        services.decline_introduction(
            introduction=introduction,
            moderator=manager,
            reason="Bitte schreiben Sie etwas genauer, worum es Ihnen geht, dann fragen Sie gern erneut.",
        )
    elif status == Status.WITHDRAWN:
        services.withdraw_introduction(introduction=introduction, requester=introduction.requester)
    elif status in (Status.APPROVED, Status.ACCEPTED, Status.DECLINED):
        services.approve_introduction(introduction=introduction, moderator=manager)
        if status == Status.ACCEPTED:
            services.accept_introduction(introduction=introduction, recipient=introduction.recipient)
        elif status == Status.DECLINED:
            services.decline_as_recipient(introduction=introduction, recipient=introduction.recipient)


def move_back(introduction: Introduction, by: timedelta) -> None:
    """Move an introduction the demo made now, with its history, `by` back in time (the services
    make each step at the moment it is taken)."""
    moved = {name: F(name) - by for name in ["created", "waiting_since", "approved", "answered"]}
    Introduction.objects.filter(pk=introduction.pk).update(**moved)
    Introduction.history.filter(id=introduction.pk).update(history_date=F("history_date") - by, **moved)
