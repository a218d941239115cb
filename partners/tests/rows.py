"""Partner organisations and their people, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from hubs.tests.factories import FocusThemeFactory
from members.tests.factories import ProfileFactory
from partners.tests.factories import AffiliationFactory, OrganisationFactory, PartnershipFactory


def organisations(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        organisation = OrganisationFactory(hub=world["hub"], focus_themes=themes)
        PartnershipFactory(organisation=organisation, hub=world["hub"])
        PartnershipFactory(organisation=organisation, hub=world["other_hub"])
        AffiliationFactory(organisation=organisation, user=world["member"])


def people(world, number):
    for _ in range(number):
        AffiliationFactory(organisation=world["organisation"], user=ProfileFactory().user)
