"""The settings read the environment; they refuse to run production without a secret key."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent.parent


def load_settings(**environment):
    """Import the production settings in a fresh interpreter and print a few of them."""
    env = {"PATH": os.environ["PATH"], **environment}
    code = (
        "import json; from hubportal.settings import base as s; "
        "print(json.dumps([s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS, s.EMAIL_BACKEND]))"
    )
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={**env, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DEBUG="false")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_development_runs_on_sqlite_with_console_email():
    result = load_settings(DEBUG="true")

    assert result.returncode == 0, result.stderr
    debug, engine, hosts, email = json.loads(result.stdout)
    assert debug is True
    assert engine == "django.db.backends.sqlite3"
    assert "localhost" in hosts
    assert email == "django.core.mail.backends.console.EmailBackend"


def test_database_url_switches_to_postgresql():
    result = load_settings(
        DEBUG="false",  # set explicitly: a developer's .env may switch it on
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="hubs.example.org",
        DATABASE_URL="postgres://portal:secret@db.example.org:5432/hubportal",
    )

    assert result.returncode == 0, result.stderr
    debug, engine, hosts, email = json.loads(result.stdout)
    assert debug is False
    assert engine == "django.db.backends.postgresql"
    assert hosts == ["hubs.example.org"]
    assert email == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.django_db
def test_ci_runs_the_suite_on_postgresql():
    """CI must test on PostgreSQL, as production runs; locally SQLite is allowed."""
    from django.db import connection

    if os.environ.get("CI") or os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert connection.vendor == "postgresql"
    else:
        assert connection.vendor == "sqlite"
