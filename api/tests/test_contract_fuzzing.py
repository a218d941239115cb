"""Schemathesis reads the OpenAPI document and sends the API what it promises to answer and what
it promises to refuse (every check, every phase), against a live server with the rate limit
raised: the API keeps its contract, with no failure."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

SCHEMATHESIS = shutil.which("st") or str(Path(sys.executable).parent / "st")


def test_schemathesis_finds_no_failure(live_server, open_data, settings):
    settings.API_ANONYMOUS_RATE = "1000000/second"  # schemathesis asks many times a second
    result = subprocess.run(  # noqa: S603 - the test tools' own command
        [
            SCHEMATHESIS,
            "run",
            f"{live_server.url}/api/v1/openapi.json?lang=en",  # the German one differs only in words
            "--checks",
            "all",
            "--max-examples",
            "20",
            "--seed",
            "20261205",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stdout[-6000:]
    assert "No issues found" in result.stdout
