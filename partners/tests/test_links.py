"""Members link themselves to organisations with a role, and remove the link."""

import pytest
from django.urls import reverse

from members.tests.factories import UserFactory
from partners.models import Affiliation, Organisation
from partners.services import MAX_AFFILIATIONS

from .factories import AffiliationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_member_links_themselves_and_appears_on_the_page(client, member):
    organisation = OrganisationFactory()
    client.force_login(member)

    response = client.post(
        reverse("partners:link", args=[organisation.slug]), {"role": Affiliation.Role.INVESTMENT}, follow=True
    )

    assert Affiliation.objects.get(organisation=organisation).user == member
    assert [profile.user for profile in response.context["people"]] == [member]
    assert "Investment-Team" in response.content.decode()
    assert "Meine Verknüpfung entfernen" in response.content.decode()


def test_linking_again_changes_the_role(client, member):
    organisation = OrganisationFactory()
    AffiliationFactory(organisation=organisation, user=member, role=Affiliation.Role.TEAM)
    client.force_login(member)

    response = client.post(
        reverse("partners:link", args=[organisation.slug]), {"role": Affiliation.Role.MANAGEMENT}, follow=True
    )

    assert Affiliation.objects.get().role == Affiliation.Role.MANAGEMENT
    assert "Ihre Rolle wurde geändert." in messages_of(response)


def test_member_removes_their_link(client, member):
    organisation = OrganisationFactory()
    AffiliationFactory(organisation=organisation, user=member)
    client.force_login(member)

    response = client.post(reverse("partners:unlink", args=[organisation.slug]), follow=True)

    assert not Affiliation.objects.exists()
    assert response.status_code == 200
    again = client.post(reverse("partners:unlink", args=[organisation.slug]), follow=True)
    assert again.status_code == 200  # a message, not an error


def test_unlinking_removes_only_ones_own_link(client, member, other_member):
    organisation = OrganisationFactory()
    AffiliationFactory(organisation=organisation, user=other_member)
    client.force_login(member)

    client.post(reverse("partners:unlink", args=[organisation.slug]))

    assert Affiliation.objects.get().user == other_member


@pytest.mark.parametrize("role", ["", "king"])
def test_a_missing_or_unknown_role_is_a_message(client, member, role):
    organisation = OrganisationFactory()
    client.force_login(member)

    response = client.post(reverse("partners:link", args=[organisation.slug]), {"role": role}, follow=True)

    assert not Affiliation.objects.exists()
    assert "Bitte wählen Sie Ihre Rolle in der Organisation." in messages_of(response)


def test_a_member_without_profile_is_asked_to_complete_it(client):
    organisation = OrganisationFactory()
    client.force_login(UserFactory())

    response = client.post(
        reverse("partners:link", args=[organisation.slug]), {"role": Affiliation.Role.TEAM}, follow=True
    )

    assert not Affiliation.objects.exists()
    assert any("Profil" in message for message in messages_of(response))


@pytest.mark.parametrize("status", [Organisation.Status.SUBMITTED, Organisation.Status.REJECTED])
def test_nobody_links_to_an_unpublished_organisation(client, member, status):
    organisation = OrganisationFactory(status=status, proposed_by=member)
    client.force_login(member)

    response = client.post(
        reverse("partners:link", args=[organisation.slug]), {"role": Affiliation.Role.TEAM}
    )

    assert response.status_code == 404
    assert not Affiliation.objects.exists()


def test_links_per_member_are_limited(client, member):
    for organisation in OrganisationFactory.create_batch(MAX_AFFILIATIONS):
        AffiliationFactory(organisation=organisation, user=member)
    one_more = OrganisationFactory()
    client.force_login(member)

    response = client.post(
        reverse("partners:link", args=[one_more.slug]), {"role": Affiliation.Role.TEAM}, follow=True
    )

    assert Affiliation.objects.filter(user=member).count() == MAX_AFFILIATIONS
    assert f"Sie können sich mit höchstens {MAX_AFFILIATIONS} Organisationen verknüpfen." in messages_of(
        response
    )


def test_anonymous_visitors_are_asked_to_log_in(client):
    organisation = OrganisationFactory()

    response = client.post(
        reverse("partners:link", args=[organisation.slug]), {"role": Affiliation.Role.TEAM}
    )
    page = client.get(organisation.get_absolute_url()).content.decode()

    assert response.url.startswith(reverse("account_login"))
    assert "um sich mit dieser Organisation zu verknüpfen" in page


def test_the_dashboard_lists_links_and_open_proposals(client, member, hub):
    linked = OrganisationFactory(name="Hafenwerk")
    AffiliationFactory(organisation=linked, user=member, role=Affiliation.Role.FOUNDER)
    OrganisationFactory(
        name="Noch in Prüfung", hub=hub, status=Organisation.Status.SUBMITTED, proposed_by=member
    )
    OrganisationFactory(name="Fremder Vorschlag", hub=hub, status=Organisation.Status.SUBMITTED)
    client.force_login(member)

    text = client.get(reverse("members:dashboard")).content.decode()

    assert "Hafenwerk" in text and "Gründer/in" in text
    assert "Noch in Prüfung" in text and "Wartet auf Prüfung" in text
    assert "Fremder Vorschlag" not in text
