"""Organisations and partnerships in the admin: agency staff curate all, a hub manager their hub's."""

import pytest
from django.urls import reverse

from hubs.tests.factories import FocusThemeFactory
from partners.models import Affiliation, Organisation, Partnership

from .factories import AffiliationFactory, OrganisationFactory, PartnershipFactory, PartnershipLevelFactory

pytestmark = pytest.mark.django_db


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def organisation_post(**overrides):
    return {
        "name": "Elbwerft AG",
        "slug": "elbwerft",
        "kind": Organisation.Kind.CORPORATE,
        "city": "Hamburg",
        "website": "https://elbwerft.example",
        "description_de": "Schiffbau.",
        "description_en": "Shipbuilding.",
        **inline_management("partnerships"),
        **inline_management("affiliations"),
        **overrides,
    }


def test_manager_adds_an_organisation_for_their_hub_published_with_history(client, manager, hub):
    theme = FocusThemeFactory()
    client.force_login(manager)

    response = client.post(
        reverse("admin:partners_organisation_add"),
        organisation_post(hub=hub.pk, focus_themes=[theme.pk]),
    )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert organisation.status == Organisation.Status.PUBLISHED
    assert list(organisation.focus_themes.all()) == [theme]
    entry = organisation.history.get()
    assert (entry.history_user, entry.history_change_reason) == (manager, "organisation.created")


@pytest.mark.parametrize("hub_choice", ["", "other"])
def test_a_manager_cannot_add_an_organisation_outside_their_hubs(client, manager, other_hub, hub_choice):
    client.force_login(manager)

    response = client.post(
        reverse("admin:partners_organisation_add"),
        organisation_post(hub=other_hub.pk if hub_choice else ""),
    )

    assert response.status_code == 200
    assert "hub" in response.context["adminform"].form.errors
    assert not Organisation.objects.exists()


def test_agency_adds_a_network_partner_without_hub(client, agency):
    client.force_login(agency)

    client.post(reverse("admin:partners_organisation_add"), organisation_post(hub=""))

    assert Organisation.objects.get().hub is None


def test_the_changelist_shows_a_manager_their_hubs_organisations_only(client, manager, hub, other_hub):
    OrganisationFactory(name="Hamburger Firma", hub=hub)
    OrganisationFactory(name="Berliner Firma", hub=other_hub)
    OrganisationFactory(name="Netzwerkpartner", hub=None)
    client.force_login(manager)

    response = client.get(reverse("admin:partners_organisation_changelist"))

    assert [organisation.name for organisation in response.context["cl"].result_list] == ["Hamburger Firma"]


def test_a_manager_partners_their_hub_with_another_hubs_organisation(client, manager, hub, other_hub):
    berlin_firm = OrganisationFactory(name="Berliner Firma", hub=other_hub)
    OrganisationFactory(name="Berliner Vorschlag", hub=other_hub, status=Organisation.Status.SUBMITTED)
    level = PartnershipLevelFactory()
    client.force_login(manager)

    found = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "partners",
            "model_name": "partnership",
            "field_name": "organisation",
            "term": "Berliner",
        },
    ).json()
    response = client.post(
        reverse("admin:partners_partnership_add"),
        {"organisation": berlin_firm.pk, "hub": hub.pk, "level": level.pk, "since": "2024-03-01"},
    )

    assert [result["text"] for result in found["results"]] == ["Berliner Firma"]
    assert response.status_code == 302
    partnership = Partnership.objects.get()
    assert (partnership.organisation, partnership.hub) == (berlin_firm, hub)


def test_a_manager_cannot_record_a_partnership_for_another_hub(client, manager, other_hub):
    client.force_login(manager)

    response = client.post(
        reverse("admin:partners_partnership_add"),
        {
            "organisation": OrganisationFactory().pk,
            "hub": other_hub.pk,
            "level": PartnershipLevelFactory().pk,
            "since": "2024-03-01",
        },
    )

    assert response.status_code == 200
    assert "hub" in response.context["adminform"].form.errors
    assert not Partnership.objects.exists()


def test_the_same_partnership_twice_is_a_form_error(client, agency, hub):
    partnership = PartnershipFactory(hub=hub)
    client.force_login(agency)

    response = client.post(
        reverse("admin:partners_partnership_add"),
        {
            "organisation": partnership.organisation.pk,
            "hub": hub.pk,
            "level": partnership.level.pk,
            "since": "2024-03-01",
        },
    )

    assert response.status_code == 200
    assert "Diese Organisation ist bereits Partner dieses Hubs." in response.content.decode()


def test_a_manager_removes_a_wrong_link_of_a_member(client, manager, hub, member):
    organisation = OrganisationFactory(hub=hub)
    affiliation = AffiliationFactory(organisation=organisation, user=member)
    client.force_login(manager)

    response = client.post(
        reverse("admin:partners_organisation_change", args=[organisation.pk]),
        organisation_post(
            name=organisation.name,
            slug=organisation.slug,
            hub=hub.pk,
            **inline_management("affiliations", total=1, initial=1),
            **{"affiliations-0-id": affiliation.pk, "affiliations-0-organisation": organisation.pk},
            **{"affiliations-0-DELETE": "on"},
        ),
    )

    assert response.status_code == 302
    assert not Affiliation.objects.exists()


def test_export_lists_the_organisations_with_their_partnerships(client, agency, hub):
    organisation = OrganisationFactory(
        name="Elbwerft AG", hub=hub, focus_themes=[FocusThemeFactory(name_de="Logistik")]
    )
    PartnershipFactory(organisation=organisation, hub=hub)
    AffiliationFactory(organisation=organisation)
    client.force_login(agency)

    response = client.post(
        reverse("admin:partners_organisation_changelist"),
        {"action": "export_organisations", "_selected_action": [organisation.pk]},
    )

    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("Name;Art;Stadt") or lines[0].startswith("Name,Art,Stadt")
    assert (
        "Elbwerft AG" in lines[1]
        and "Logistik" in lines[1]
        and "Hamburg (Gründungspartner, 2020-01-01)" in lines[1]
    )


def test_the_activity_log_names_organisation_changes(client, agency, manager, hub):
    client.force_login(manager)
    client.post(reverse("admin:partners_organisation_add"), organisation_post(hub=hub.pk))
    client.force_login(agency)

    response = client.get(reverse("admin:activity"))

    assert "Organisation angelegt" in response.content.decode()
    assert "Elbwerft AG" in response.content.decode()
