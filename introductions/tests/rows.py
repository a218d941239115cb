"""Suggestions' candidates and introductions, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from django.utils import timezone

from hubs.tests.factories import FocusThemeFactory, HubFactory
from introductions.models import Outcome
from introductions.tests.conftest import make_founder, make_investor
from introductions.tests.factories import IntroductionFactory
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from partners.tests.factories import OrganisationFactory


def candidates(world, number):
    """Investors in Hamburg and investor organisations that fit the member, a FinTech founder
    looking for funding: the suggestions' candidates."""
    theme = FocusThemeFactory(slug="fintech")
    make_founder(world["member"], themes=[theme])
    for _ in range(number):
        make_investor(ProfileFactory(focus_themes=[theme]).user, themes=[theme])
        MembershipFactory(hub=world["hub"], user=Profile.objects.latest("pk").user)
        OrganisationFactory(kind="investor", focus_themes=[theme])


def introductions(world, number):
    """Requests awaiting Hamburg's review, and the member's own, made and received."""
    for _ in range(number):
        IntroductionFactory(
            requester=ProfileFactory().user, recipient=ProfileFactory().user, hub=world["hub"]
        )
        IntroductionFactory(requester=world["member"], recipient=ProfileFactory().user, hub=world["hub"])
        IntroductionFactory(
            requester=ProfileFactory().user,
            recipient=world["member"],
            hub=world["hub"],
            approved=timezone.now(),
        )


def introduction_hubs(world, number):
    """An accepted introduction with an outcome in each of `number` hubs (a row per hub)."""
    for _ in range(number):
        introduction = IntroductionFactory(hub=HubFactory(), status="accepted")
        Outcome.objects.create(introduction=introduction, member=introduction.requester, answer="met")
