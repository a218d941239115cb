"""The documented examples: for each operation of the schema, a request and its answer.

They are the live answers to a hand-made network (api/tests/test_schema.py checks that each
one still is); `API_EXAMPLES_RECORD=1 pytest api/tests/test_schema.py` writes them anew after
a deliberate change of the API. A schema hook (settings.SPECTACULAR_SETTINGS) shows them.
"""

import json
from functools import cache
from pathlib import Path

FILE = Path(__file__).with_name("examples.json")


@cache
def load() -> dict:
    return json.loads(FILE.read_text())


def operation_name(operation_id: str) -> str:
    """The examples' name for an operation: hubs_list → hubs-list, hubs_retrieve → hubs-detail."""
    return operation_id.replace("_retrieve", "-detail").replace("_list", "-list")


def add_to_schema(result, generator, request, public):
    """Show each operation's example as its answer (drf-spectacular's postprocessing hook)."""
    documented = load()
    for path in result["paths"].values():
        for operation in path.values():
            example = documented.get(operation_name(operation["operationId"]))
            if example:
                content = operation["responses"]["200"]["content"]["application/json"]
                content["examples"] = {
                    "example": {"summary": f"GET {example['request']}", "value": example["response"]}
                }
    return result
