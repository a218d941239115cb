"""The partner directory, an organisation's page with its hubs and people, and hub pages."""

import json

import pytest
from django.urls import reverse

from hubs.tests.factories import FocusThemeFactory
from members.models import Profile
from members.tests.factories import ProfileFactory
from partners.models import Affiliation, Organisation

from .factories import AffiliationFactory, OrganisationFactory, PartnershipFactory, PartnershipLevelFactory

pytestmark = pytest.mark.django_db


def names(response):
    return [organisation.name for organisation in response.context["organisations"]]


@pytest.fixture
def directory(hub, other_hub):
    fintech = FocusThemeFactory(slug="fintech", name_de="FinTech")
    logistics = FocusThemeFactory(slug="logistik", name_de="Logistik")
    port = OrganisationFactory(
        name="Hafenwerk", kind=Organisation.Kind.MITTELSTAND, city="Hamburg", focus_themes=[logistics]
    )
    bank = OrganisationFactory(
        name="Spreebank",
        kind=Organisation.Kind.CORPORATE,
        city="Berlin",
        hub=other_hub,
        focus_themes=[fintech],
        description_de="Zahlungsverkehr für Gründerinnen",
    )
    institute = OrganisationFactory(name="Institut Nord", kind=Organisation.Kind.RESEARCH, city="Kiel")
    OrganisationFactory(name="Vorgeschlagen", status=Organisation.Status.SUBMITTED)
    OrganisationFactory(name="Abgelehnt", status=Organisation.Status.REJECTED)
    PartnershipFactory(organisation=port, hub=hub)
    PartnershipFactory(organisation=bank, hub=hub)
    PartnershipFactory(organisation=bank, hub=other_hub)
    return {"port": port, "bank": bank, "institute": institute}


def test_directory_lists_published_organisations_by_name(client, directory):
    response = client.get(reverse("partners:directory"))

    assert response.status_code == 200
    assert names(response) == ["Hafenwerk", "Institut Nord", "Spreebank"]
    assert "3 Organisationen gefunden" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"hub": "hamburg"}, ["Hafenwerk", "Spreebank"]),
        ({"hub": "berlin"}, ["Spreebank"]),
        ({"kind": "research"}, ["Institut Nord"]),
        ({"theme": "fintech"}, ["Spreebank"]),
        ({"city": "hamburg"}, ["Hafenwerk"]),
        ({"q": "Zahlungsverkehr"}, ["Spreebank"]),
        ({"q": "gründerin"}, ["Spreebank"]),
        ({"q": "Hafen"}, ["Hafenwerk"]),
        ({"hub": "hamburg", "kind": "corporate"}, ["Spreebank"]),
    ],
)
def test_directory_filters(client, directory, query, expected):
    response = client.get(reverse("partners:directory"), query)

    assert names(response) == expected


@pytest.mark.parametrize(
    "query", [{"hub": "atlantis"}, {"kind": "castle"}, {"theme": "nope"}, {"q": "x" * 101}, {"page": "999"}]
)
def test_bad_filters_are_explained_not_errors(client, directory, query):
    response = client.get(reverse("partners:directory"), query)

    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "Einige Filterwerte sind ungültig" in response.content.decode()


def test_directory_is_paginated(client, hub):
    OrganisationFactory.create_batch(25, hub=hub)

    first = client.get(reverse("partners:directory"))
    second = client.get(reverse("partners:directory"), {"page": 2})

    assert len(first.context["organisations"]) == 24
    assert len(second.context["organisations"]) == 1


def test_organisation_page_shows_hubs_themes_and_json_ld(client, directory, hub):
    response = client.get(directory["bank"].get_absolute_url())

    text = response.content.decode()
    assert response.status_code == 200
    assert "Spreebank" in text
    assert "Gründungspartner" in text
    assert "FinTech" in text
    data = json.loads(
        text.split('<script type="application/ld+json"')[1].split(">", 1)[1].split("</script>")[0]
    )
    assert data["@type"] == "Corporation"
    assert data["name"] == "Spreebank"
    assert data["address"]["addressLocality"] == "Berlin"
    assert {membership["hostingOrganization"]["name"] for membership in data["memberOf"]} == {
        "Digital Hub Hamburg",
        "Digital Hub Berlin",
    }


def test_organisation_page_in_english_shows_the_english_texts(client, hub):
    organisation = OrganisationFactory(description_de="Auf Deutsch", description_en="In English")
    PartnershipFactory(organisation=organisation, hub=hub, level=PartnershipLevelFactory())

    german = client.get(organisation.get_absolute_url()).content.decode()
    english = client.get("/en" + organisation.get_absolute_url()).content.decode()

    assert "In English" in english and "Founding partner" in english
    assert "Auf Deutsch" in german and "In English" not in german


def test_english_visitors_see_the_german_description_marked_as_german(client):
    organisation = OrganisationFactory(description_de="Nur auf Deutsch", description_en="")

    text = client.get("/en" + organisation.get_absolute_url()).content.decode()

    assert '<p lang="de">Nur auf Deutsch</p>' in text


def test_people_are_shown_as_far_as_their_profiles_allow(client, member, other_member, agency):
    organisation = OrganisationFactory()
    public = ProfileFactory(display_name="Petra Public", visibility=Profile.Visibility.PUBLIC)
    members_only = ProfileFactory(display_name="Max Mitglied", visibility=Profile.Visibility.MEMBERS)
    hidden = ProfileFactory(display_name="Hanna Hidden", visibility=Profile.Visibility.HIDDEN)
    for profile in [public, members_only, hidden]:
        AffiliationFactory(organisation=organisation, user=profile.user, role=Affiliation.Role.FOUNDER)

    def people(user):
        client.logout()
        if user:
            client.force_login(user)
        return [
            profile.display_name for profile in client.get(organisation.get_absolute_url()).context["people"]
        ]

    assert people(None) == ["Petra Public"]
    assert people(member) == ["Max Mitglied", "Petra Public"]
    assert people(hidden.user) == ["Hanna Hidden", "Max Mitglied", "Petra Public"]
    assert people(agency) == ["Hanna Hidden", "Max Mitglied", "Petra Public"]
    assert "Gründer" in client.get(organisation.get_absolute_url()).content.decode()


def test_people_are_paginated(client):
    organisation = OrganisationFactory()
    for _ in range(25):
        AffiliationFactory(organisation=organisation, user=ProfileFactory().user)

    first = client.get(organisation.get_absolute_url())
    second = client.get(organisation.get_absolute_url(), {"page": 2})

    assert len(first.context["people"]) == 24
    assert len(second.context["people"]) == 1


def test_unknown_organisation_is_404(client):
    assert client.get(reverse("partners:detail", args=["gibt-es-nicht"])).status_code == 404


def test_hub_page_shows_its_partners(client, hub, directory):
    response = client.get(hub.get_absolute_url())

    text = response.content.decode()
    assert "Hafenwerk" in text and "Spreebank" in text
    assert "Institut Nord" not in text


def test_hub_page_links_to_all_partners_when_there_are_more(client, hub):
    for organisation in OrganisationFactory.create_batch(13):
        PartnershipFactory(organisation=organisation, hub=hub)

    text = client.get(hub.get_absolute_url()).content.decode()

    assert f"{reverse('partners:directory')}?hub=hamburg" in text


def test_sitemap_lists_published_organisations(client, directory):
    section = client.get(reverse("sitemap_section", kwargs={"section": "partners"})).content.decode()
    index = client.get(reverse("sitemap")).content.decode()

    assert directory["bank"].get_absolute_url() in section
    assert "/en" + directory["bank"].get_absolute_url() in section
    assert "vorgeschlagen" not in section.lower()
    assert "sitemap-partners.xml" in index
