"""Outages degrade, never 500: Redis down leaves pages, logins and sign-ups working (rate
limits fall back to each process); a database that cannot be reached gets a styled 503; the
health check tells the load balancer, and only it."""

import logging
import os
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from core.cache import CONNECTION_OPTIONS
from core.tests.support import free_port, run_with_the_database_down, worker_number
from members.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parent.parent.parent


def redis_cache(location):
    """The cache as production configures it for CACHE_URL=redis://…"""
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": CONNECTION_OPTIONS,
        }
    }


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def redis_up(settings):
    # One Redis database for each worker of the suite (clearing the cache clears its database);
    # 12 to 14 are the benchmark's and the production test's.
    database = (15, *range(11, 0, -1))[worker_number()]
    location = os.environ.get("TEST_REDIS_URL", f"redis://127.0.0.1:6379/{database}")
    try:
        redis.Redis.from_url(location, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {location}; .ci/run starts it.")
        pytest.skip(f"Redis is not reachable at {location}")
    settings.CACHES = redis_cache(location)
    yield location
    cache.clear()


def test_pages_logins_sign_ups_and_resets_work_while_redis_is_down(client, redis_down):
    user = UserFactory(email="anna@example.org")

    assert client.get(reverse("home")).status_code == 200
    login = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert login.status_code == 302
    assert client.get(reverse("members:dashboard")).status_code in (200, 302)
    client.logout()
    signup = client.post(
        reverse("account_signup"),
        {"email": "neu@example.org", "password1": "Stadt-Land-Fluss-42", "password2": "Stadt-Land-Fluss-42"},
    )
    assert signup.status_code == 302
    reset = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    assert reset.status_code == 302


def test_the_outage_is_logged_once_not_for_every_request(client, redis_down, caplog):
    with caplog.at_level(logging.ERROR, logger="core.cache"):
        for _ in range(3):
            client.get(reverse("account_login"))
            client.post(reverse("account_login"), {"login": "x@example.org", "password": "falsch"})

    assert [record.getMessage() for record in caplog.records if record.name == "core.cache"] == [
        "Redis cannot be reached; caching in this process until it is back"
    ]


def test_rate_limits_still_hold_while_redis_is_down(client, redis_down):
    user = UserFactory(email="anna@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "falsch"})

    refused = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_cache_lives_in_redis_while_it_is_up(redis_up):
    cache.set("greeting", "moin")

    assert cache.get("greeting") == "moin"
    client = redis.Redis.from_url(redis_up)
    assert any(
        key.endswith(b":greeting")
        for key in client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*")
    )


def test_health_check_answers_ok_when_all_is_well(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_health_check_answers_plain_http_from_the_load_balancer(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_health_check_reports_redis_down_without_details(client, redis_down, caplog):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "Health check failed: cache" in caplog.text


def test_database_down_answers_a_styled_503_without_a_database():
    result = run_with_the_database_down(
        "for path in ['/', '/events/', '/en/hubs/']:\n"
        "    response = client.get(path)\n"
        "    print(response.status_code, response['Retry-After'], 'gleich wieder da' in response.content.decode())\n"
    )

    assert printed(result) == ["503 60 True"] * 3, result.stderr


def test_health_check_reports_the_database_down():
    result = run_with_the_database_down("print(client.get('/healthz').status_code)")

    assert printed(result) == ["503"], result.stderr


def printed(result):
    """What the snippet printed, without the log lines (JSON) around it."""
    return [line for line in result.stdout.splitlines() if not line.startswith("{")]


@pytest.mark.parametrize("redis", ["redis_down", "redis_up"])
def test_the_api_answers_and_limits_its_clients_with_redis_up_or_down(client, settings, request, redis):
    request.getfixturevalue(redis)
    settings.API_ANONYMOUS_RATE = "2/minute"

    answers = [client.get("/api/v1/hubs/").status_code for _ in range(3)]

    assert answers == [200, 200, 429]
