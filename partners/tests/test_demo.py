from io import StringIO

import pytest
from django.core.management import call_command

from hubs.models import Hub
from partners.models import Affiliation, Organisation, Partnership, PartnershipLevel

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_partners_for_every_hub_once(settings):
    settings.DEBUG = True

    call_command("seed_demo", stdout=StringIO())
    counts = (Organisation.objects.count(), Partnership.objects.count(), Affiliation.objects.count())
    call_command("seed_demo", stdout=StringIO())

    assert (Organisation.objects.count(), Partnership.objects.count(), Affiliation.objects.count()) == counts
    for hub in Hub.objects.all():
        assert Organisation.objects.published().partners_of(hub).count() >= 3, hub
    assert Affiliation.objects.filter(organisation__status=Organisation.Status.PUBLISHED).count() >= 12
    assert Organisation.objects.filter(hub=None, partnerships__isnull=False).exists()
    proposal = Organisation.objects.awaiting_review().get()
    assert proposal.hub.slug == "hamburg" and proposal.proposed_by is not None


@pytest.mark.django_db(transaction=True)
def test_the_first_partnership_levels_are_there_after_a_flush_as_after_migrating():
    call_command("flush", "--no-input")

    levels = list(PartnershipLevel.objects.values_list("name_en", flat=True))
    assert levels == ["Founding partner", "Strategic partner", "Partner", "Supporter"]


def test_migrating_again_keeps_the_levels_the_agency_renamed():
    PartnershipLevel.objects.filter(name_de="Förderer").update(name_de="Sponsor", name_en="Sponsor")

    call_command("migrate", "--no-input", verbosity=0)

    assert set(PartnershipLevel.objects.values_list("name_de", flat=True)) == {
        "Gründungspartner",
        "Strategischer Partner",
        "Partner",
        "Sponsor",
    }
