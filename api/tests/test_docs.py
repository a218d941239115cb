"""The API's documentation page: in both languages, its reference rendered by Swagger UI from
static/ under the CSP, readable on a phone and with a keyboard."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "schema"),
    [
        ("", "Offene Daten: die API des Portals", "/api/v1/openapi.json?lang=de"),
        ("/en", "Open data: the portal's API", "/api/v1/openapi.json?lang=en"),
    ],
)
def test_the_documentation_explains_the_api_in_the_visitors_language(client, language, heading, schema):
    response = client.get(f"{language}/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{schema}"' in html
    assert "https://digital-hubs.example.org/api/v1/events/?hub=hamburg" in html
    assert ("120 Anfragen pro Minute" if language == "" else "120 requests a minute") in html


def test_the_footer_leads_to_the_documentation(client):
    assert 'href="/api/docs/"' in client.get("/").content.decode()


def test_the_reference_documents_every_operation_with_its_example(client):
    html = client.get("/api/docs/").content.decode()

    for path in ["hubs", "themes", "events", "partners", "news"]:
        assert f"GET /api/v1/{path}/</code>" in html
        assert f"GET /api/v1/{path}/{{id}}/</code>" in html
    assert "Beispiel: GET /api/v1/events/?hub=berlin" in html
    assert "&quot;slug&quot;: &quot;hafen-summit&quot;" in html
    assert 'id="schema-BilingualText"' in html
    assert 'href="#schema-HubReference"' in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "summary"), [("", "Die öffentlichen Veranstaltungen"), ("/en", "The public events")]
)
def test_the_reference_reads_on_a_phone(page, phone_problems, language, summary):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{language}/api/docs/")

    page.get_by_role("link", name=summary).click()
    operation = page.get_by_role("region", name=summary)
    operation.locator("summary").click()
    expect(operation.get_by_role("code").last).to_contain_text("hafen-summit")
    assert phone_problems(page) == []
