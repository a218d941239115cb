"""The settings read the environment; they refuse to run production without a secret key."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent.parent


def load_settings(*names, **environment):
    """Import the production settings in a fresh interpreter and print a few of them."""
    names = names or ("DEBUG", "DATABASES['default']['ENGINE']", "ALLOWED_HOSTS", "EMAIL_BACKEND")
    code = f"import json; from hubportal.settings import base as s; print(json.dumps([{', '.join('s.' + name for name in names)}]))"
    return run_python(["-c", code], environment)


def run_python(arguments, environment):
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, *arguments],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], "PYTHONPATH": str(PROJECT), **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def minimal_production_environment():
    """Exactly what the README's "Going live" asks a hosting team to set."""
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hubportal"),
        "CACHE_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_URL": "smtp://mail.example.org:587",
        "PORTAL_URL": "https://portal.example.org",
    }


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DEBUG="false")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_development_runs_on_the_embedded_postgresql_with_console_email():
    # DATABASE_URL empty, as on a fresh clone (a developer's .env may name a server).
    result = load_settings(
        "DEBUG", "DATABASES['default']", "ALLOWED_HOSTS", "EMAIL_BACKEND", DEBUG="true", DATABASE_URL=""
    )

    assert result.returncode == 0, result.stderr
    debug, database, hosts, email = json.loads(result.stdout)
    assert debug is True
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == str(PROJECT / ".pgdata")
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
def test_the_suite_runs_on_postgresql_as_production_does():
    from django.db import connection

    assert connection.vendor == "postgresql"


def test_deployment_checks_pass_with_the_minimal_production_environment():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], minimal_production_environment()
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_is_https_only_by_default():
    result = load_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SAMESITE",
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER",
        **minimal_production_environment(),
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, 31_536_000, True, True, True, True, True, "Lax", "X-Real-IP"]


def test_development_serves_plain_http():
    result = load_settings(
        "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", DEBUG="true"
    )

    assert json.loads(result.stdout) == [False, 0, False]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("CACHE_URL", "locmemcache://", "hubportal.W001"),
        ("PORTAL_URL", "http://portal.example.org", "hubportal.W002"),
        ("PORTAL_URL", "https://elsewhere.example.org", "hubportal.E003"),
    ],
)
def test_deployment_checks_catch_a_wrong_environment(variable, value, message):
    environment = {**minimal_production_environment(), variable: value}

    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment)

    assert result.returncode != 0
    assert message in result.stderr


def test_portal_address_defaults_to_https_and_the_first_allowed_host():
    environment = minimal_production_environment()
    del environment["PORTAL_URL"]

    result = load_settings(
        "PORTAL_URL", **{**environment, "ALLOWED_HOSTS": "hubs.example.org,www.hubs.example.org"}
    )

    assert json.loads(result.stdout) == ["https://hubs.example.org"]
