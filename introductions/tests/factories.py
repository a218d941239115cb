import factory
from django.utils import timezone

from introductions.models import Introduction
from members.tests.factories import UserFactory


class IntroductionFactory(factory.django.DjangoModelFactory):
    """A request awaiting review by the hub of the factory's caller (none: the agency)."""

    class Meta:
        model = Introduction

    requester = factory.SubFactory(UserFactory)
    recipient = factory.SubFactory(UserFactory)
    hub = None
    note = "Wir würden gern über eine Seed-Runde sprechen."
    status = Introduction.Status.REQUESTED
    waiting_since = factory.LazyFunction(timezone.now)
