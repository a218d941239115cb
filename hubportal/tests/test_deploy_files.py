"""The files in deploy/ stay true to the portal: the commands the systemd units run exist and
run, and the environment they read is the one the settings ask for."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"
MINIMAL_ENVIRONMENT = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "CACHE_URL",
    "EMAIL_URL",
    "PORTAL_URL",
}


def manage_commands():
    """Every `manage.py …` command line of the systemd units."""
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        for line in unit.read_text().splitlines():
            if line.startswith("ExecStart=") and "manage.py" in line:
                arguments = shlex.split(line.removeprefix("ExecStart="))
                yield unit.name, arguments[arguments.index("manage.py") + 1 :]


@pytest.mark.django_db(transaction=True)  # the worker manages its own connection
@pytest.mark.parametrize(("unit", "arguments"), list(manage_commands()), ids=lambda value: str(value))
def test_the_units_commands_exist_and_run(unit, arguments, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as in production
    if arguments[0] == "db_worker":
        arguments = [*arguments, "--batch", "--no-startup-delay"]  # run once, not forever

    call_command(*arguments, verbosity=0)


def test_the_units_run_gunicorn_with_the_projects_configuration():
    unit = (DEPLOY / "systemd" / "hubportal@.service").read_text()

    assert "ExecStart=/srv/hubportal/app/.venv/bin/gunicorn hubportal.wsgi" in unit
    assert "WorkingDirectory=/srv/hubportal/app" in unit  # where gunicorn.conf.py is read from
    assert "Environment=GUNICORN_BIND=127.0.0.1:%i" in unit


def test_the_example_environment_sets_the_minimal_production_environment():
    variables = {
        line.split("=", 1)[0]
        for line in (DEPLOY / "environment.example").read_text().splitlines()
        if re.match(r"[A-Z_]+=", line)
    }

    assert variables >= MINIMAL_ENVIRONMENT
    assert "DEBUG=false" in (DEPLOY / "environment.example").read_text()


def test_the_nginx_configuration_documents_every_value_it_needs():
    configuration = (DEPLOY / "nginx.conf").read_text()
    comments = "\n".join(line for line in configuration.splitlines() if line.startswith("#"))
    needed = set(re.findall(r"\$\{([A-Z0-9_]+)\}", configuration))

    assert needed == {
        "SERVER_NAME",
        "HTTP_PORT",
        "HTTPS_PORT",
        "TLS_CERTIFICATE",
        "TLS_CERTIFICATE_KEY",
        "UPSTREAM_1",
        "UPSTREAM_2",
        "MEDIA_ROOT",
    }
    for name in needed:
        assert name in comments, name
