"""Links to organisations and proposals in the member's data export, and gone with the account."""

import json

import pytest
from django.urls import reverse

from members.tests.factories import PASSWORD, ProfileFactory
from partners.models import Affiliation, Organisation

from .factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(client):
    user = ProfileFactory(display_name="Anna Beispiel").user
    client.force_login(user)
    return user


def test_export_contains_links_and_proposals_and_nobody_elses(client, anna):
    AffiliationFactory(
        user=anna, organisation=OrganisationFactory(name="Hafenwerk"), role=Affiliation.Role.FOUNDER
    )
    OrganisationFactory(name="Mein Vorschlag", status=Organisation.Status.SUBMITTED, proposed_by=anna)
    AffiliationFactory(organisation=OrganisationFactory(name="Fremde Firma"))

    data = json.loads(client.get(reverse("members:export")).content)

    assert [(link["organisation"], link["role"]) for link in data["organisations"]] == [
        ("Hafenwerk", "founder")
    ]
    assert [(proposal["name"], proposal["status"]) for proposal in data["proposed_organisations"]] == [
        ("Mein Vorschlag", "submitted")
    ]
    assert "Fremde Firma" not in json.dumps(data)


def test_deleting_the_account_removes_links_and_the_name_on_proposals(client, anna):
    organisation = OrganisationFactory(name="Hafenwerk")
    AffiliationFactory(user=anna, organisation=organisation)
    proposal = OrganisationFactory(
        name="Mein Vorschlag", status=Organisation.Status.SUBMITTED, proposed_by=anna
    )

    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not Affiliation.objects.exists()
    proposal.refresh_from_db()
    assert proposal.proposed_by is None
    assert "Anna Beispiel" not in client.get(organisation.get_absolute_url()).content.decode()


def test_the_privacy_page_explains_links_to_organisations(client):
    german = client.get(reverse("pages:privacy")).content.decode()
    english = client.get("/en" + reverse("pages:privacy")).content.decode()

    assert "Partner-Organisationen" in german and "Verknüpfungen speichern wir" in german
    assert "Partner organisations" in english and "We keep links until" in english
