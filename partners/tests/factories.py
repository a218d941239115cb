from datetime import date

import factory

from hubs.tests.factories import HubFactory
from members.tests.factories import UserFactory
from partners.models import Affiliation, Organisation, Partnership, PartnershipLevel


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A published organisation that the Hamburg-like hub of its factory curates."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Beispiel Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.MITTELSTAND
    city = "Hamburg"
    website = "https://example.org"
    description_de = "Ein Unternehmen im Netzwerk."
    hub = factory.SubFactory(HubFactory)
    status = Organisation.Status.PUBLISHED

    @factory.post_generation
    def focus_themes(organisation, create, extracted, **kwargs):
        if create and extracted:
            organisation.focus_themes.set(extracted)


class PartnershipLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipLevel
        django_get_or_create = ("name_de",)

    name_de = "Gründungspartner"
    name_en = "Founding partner"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    organisation = factory.SubFactory(OrganisationFactory)
    hub = factory.SubFactory(HubFactory)
    level = factory.SubFactory(PartnershipLevelFactory)
    since = date(2020, 1, 1)


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Affiliation.Role.FOUNDER
