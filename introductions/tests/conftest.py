"""The world of the introductions tests: in Hamburg, `member` is a FinTech founder at seed
stage looking for funding (500,000 €), `investor` invests at seed stage in FinTech; Hamburg's
and Berlin's managers and the agency review (conftest.py)."""

import pytest

from conftest import person_in
from hubs.tests.factories import FocusThemeFactory
from members.models import FounderNeed, InvestmentStage, Profile, SpokenLanguage

from .factories import IntroductionFactory


@pytest.fixture
def fintech():
    return FocusThemeFactory(slug="fintech", name_de="FinTech", name_en="FinTech")


def make_founder(user, *, themes, needs=("funding",), stage="seed", funding_sought=500_000):
    Profile.objects.filter(user=user).update(
        member_type=Profile.MemberType.FOUNDER,
        startup_name="Beispiel Pay",
        startup_stage=stage,
        funding_sought=funding_sought,
    )
    profile = Profile.objects.get(user=user)
    profile.focus_themes.set(themes)
    profile.looking_for.set(FounderNeed.objects.filter(code__in=needs))
    return user


def make_investor(user, *, themes, stages=("seed",), tickets=(250_000, 2_000_000)):
    Profile.objects.filter(user=user).update(
        member_type=Profile.MemberType.INVESTOR, ticket_min=tickets[0], ticket_max=tickets[1]
    )
    profile = Profile.objects.get(user=user)
    profile.focus_themes.set(themes)
    profile.investment_stages.set(InvestmentStage.objects.filter(code__in=stages))
    return user


def speaks(user, *codes):
    Profile.objects.get(user=user).languages.set(SpokenLanguage.objects.filter(code__in=codes))


@pytest.fixture
def founder(member, fintech):
    return make_founder(member, themes=[fintech])


@pytest.fixture
def investor(hub, fintech):
    return make_investor(person_in(hub, "Ines Investorin"), themes=[fintech])


@pytest.fixture
def request_to_investor(founder, investor, hub):
    """The founder's request to the investor, awaiting review by Hamburg."""
    return IntroductionFactory(requester=founder, recipient=investor, hub=hub)


@pytest.fixture
def approved(request_to_investor, manager):
    from introductions import services

    return services.approve_introduction(introduction=request_to_investor, moderator=manager)


@pytest.fixture
def accepted(approved, investor):
    from introductions import services

    return services.accept_introduction(introduction=approved, recipient=investor)
