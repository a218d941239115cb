"""Partners in a real Chromium at phone size, with the keyboard alone."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from hubportal.tests.test_accessibility import log_in
from hubs.models import Hub
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from partners.models import Affiliation, Organisation

from .factories import OrganisationFactory, PartnershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    call_command("seed_hubs", stdout=StringIO())
    hamburg = Hub.objects.get(slug="hamburg")
    port = OrganisationFactory(
        name="Hafenwerk", slug="hafenwerk", hub=hamburg, kind=Organisation.Kind.MITTELSTAND
    )
    PartnershipFactory(organisation=port, hub=hamburg)
    OrganisationFactory(
        name="Institut Süd", kind=Organisation.Kind.RESEARCH, hub=Hub.objects.get(slug="muenchen")
    )
    member = ProfileFactory(display_name="Anna Beispiel", visibility=Profile.Visibility.PUBLIC).user
    MembershipFactory(user=member, hub=hamburg)
    return {"member": member, "hamburg": hamburg}


def test_a_member_finds_their_company_and_links_themselves_with_the_keyboard(page, content, page_problems):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, content["member"])
    page.goto("/partners/")

    # The filters fold behind a button on a phone; the keyboard opens and uses them.
    page.get_by_role("button", name="Filter").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Art", exact=True).focus()
    page.get_by_label("Art", exact=True).select_option("mittelstand")
    page.get_by_role("button", name="Partner anzeigen").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="1 Organisation gefunden")).to_be_visible()
    page.get_by_role("link", name="Hafenwerk").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Hafenwerk")
    page.get_by_label("Meine Rolle dort").focus()
    page.get_by_label("Meine Rolle dort").select_option("founder")
    page.get_by_role("button", name="Mich mit dieser Organisation verknüpfen").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("Die Seite der Organisation zeigt Sie jetzt")).to_be_visible()
    expect(page.get_by_role("link", name="Anna Beispiel")).to_be_visible()
    assert Affiliation.objects.get().role == Affiliation.Role.FOUNDER
    assert page_problems(page) == []


def test_a_member_proposes_an_organisation_and_the_manager_publishes_it(page, content, page_problems):
    manager = ProfileFactory(display_name="Maria Managerin").user
    MembershipFactory(user=manager, hub=content["hamburg"], role="manager")
    log_in(page, content["member"])
    page.goto("/en/partners/propose/")

    page.get_by_role("textbox", name="Name").fill("Elbwerft AG")
    page.get_by_role("combobox", name="Kind").select_option("corporate")
    page.get_by_role("textbox", name="City").fill("Hamburg")
    page.get_by_role("textbox", name="Short description (English)").fill("Ships and software.")
    page.get_by_role("combobox", name="My role there").select_option("management")
    page.get_by_role("button", name="Send for review").click()

    expect(page.get_by_text("The hub reviews your proposal")).to_be_visible()
    assert page_problems(page) == []
    page.get_by_role("button", name="Log out").click() if page.get_by_role(
        "button", name="Log out"
    ).count() else None
    page.context.clear_cookies()
    log_in(page, manager)
    page.goto("/en/partners/")
    expect(page.get_by_text("Elbwerft AG")).to_have_count(0)
    page.goto(Organisation.objects.get(name="Elbwerft AG").get_absolute_url())
    page.get_by_role("button", name="Veröffentlichen").click()

    expect(page.get_by_text("1 Organisation veröffentlicht")).to_be_visible()
    page.goto("/partners/")
    expect(page.get_by_role("link", name="Elbwerft AG")).to_be_visible()
