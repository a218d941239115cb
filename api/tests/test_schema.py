"""The OpenAPI schema validates, in both languages, and its documented examples are the live
answers to the hand-made network of conftest.open_data."""

import json
import os

import pytest
from openapi_schema_validator import OAS30Validator, validate
from openapi_spec_validator import validate as validate_spec

from api import examples
from api.schema import schema as schema_of

pytestmark = pytest.mark.django_db

# The request each operation's example answers.
REQUESTS = {
    "hubs-list": "/api/v1/hubs/?theme=logistik",
    "hubs-detail": "/api/v1/hubs/9201/",
    "themes-list": "/api/v1/themes/",
    "themes-detail": "/api/v1/themes/9102/",
    "events-list": "/api/v1/events/?hub=berlin",
    "events-detail": "/api/v1/events/9301/",
    "partners-list": "/api/v1/partners/?hub=hamburg",
    "partners-detail": "/api/v1/partners/9401/",
    "news-list": "/api/v1/news/",
    "news-detail": "/api/v1/news/9501/",
}


def schema(client, language="de"):
    response = client.get(f"/api/v1/openapi.json?lang={language}")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_schema_is_valid_openapi_3(client, language):
    document = schema(client, language)

    validate_spec(document)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        f"/api/v1/{name}/{suffix}"
        for name in ("hubs", "themes", "events", "partners", "news")
        for suffix in ("", "{id}/")
    }


def test_the_schema_speaks_the_language_asked_for(client):
    assert (
        schema(client, "de")["paths"]["/api/v1/events/"]["get"]["summary"]
        == "Die öffentlichen Veranstaltungen"
    )
    assert schema(client, "en")["paths"]["/api/v1/events/"]["get"]["summary"] == "The public events"


def test_the_documented_examples_are_the_live_answers(client, open_data):
    live = {operation: client.get(path).json() for operation, path in REQUESTS.items()}
    if os.environ.get("API_EXAMPLES_RECORD"):
        recorded = {op: {"request": REQUESTS[op], "response": answer} for op, answer in live.items()}
        examples.FILE.write_text(json.dumps(recorded, indent=2, ensure_ascii=False) + "\n")
        examples.load.cache_clear()
        schema_of.cache_clear()

    documented = examples.load()

    assert set(documented) == set(REQUESTS)
    for operation, path in REQUESTS.items():
        assert documented[operation]["request"] == path
        assert documented[operation]["response"] == live[operation], operation


def test_every_operation_shows_its_example(client):
    operations = [operation for path in schema(client)["paths"].values() for operation in path.values()]

    for operation in operations:
        name = examples.operation_name(operation["operationId"])
        content = operation["responses"]["200"]["content"]["application/json"]
        (example,) = content["examples"].values()
        assert example["value"] == examples.load()[name]["response"]
        assert example["summary"] == f"GET {REQUESTS[name]}"


def test_the_live_answers_match_the_schema(client, open_data):
    document = schema(client)
    for operation, path in REQUESTS.items():
        route = path.split("?")[0].removeprefix("/api/v1/")
        name = route.split("/")[0]
        template = f"/api/v1/{name}/" if operation.endswith("-list") else f"/api/v1/{name}/{{id}}/"
        response_schema = document["paths"][template]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]

        validate(
            client.get(path).json(),
            {**response_schema, "components": document["components"]},
            cls=OAS30Validator,
        )


def test_every_operation_documents_every_status_it_answers(client, open_data):
    document = client.get("/api/v1/openapi.json?lang=en").json()

    for path, operations in document["paths"].items():
        for operation in operations.values():
            responses = operation["responses"]
            assert {"200", "400", "404", "429"} <= set(responses), path
            assert "Retry-After" in responses["429"]["headers"]
            assert responses["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
    assert document["components"]["schemas"]["InvalidParameters"]["additionalProperties"]["items"] == {
        "type": "string"
    }


def test_hubs_and_themes_are_named_as_they_are_now(client, open_data):
    from hubs.tests.factories import HubFactory

    def hub_choices():
        document = client.get("/api/v1/openapi.json?lang=en").json()
        [hub] = [
            parameter
            for parameter in document["paths"]["/api/v1/events/"]["get"]["parameters"]
            if parameter["name"] == "hub"
        ]
        return hub["schema"]["enum"]

    before = hub_choices()
    HubFactory(slug="neustadt", name_de="Neustadt")

    assert "neustadt" not in before
    assert "neustadt" in hub_choices()


def test_the_schema_is_made_before_the_first_migrate(monkeypatch):
    """`manage.py check --deploy` (drf-spectacular's check) makes the schema before the database
    has tables, as the README's "Going live" runs it."""
    from django.db import ProgrammingError

    from api import contract

    def no_tables():
        raise ProgrammingError('relation "hubs_hub" does not exist')

    monkeypatch.setattr(contract, "network", no_tables)

    assert contract.known_slugs() == {"hub": [], "theme": []}
