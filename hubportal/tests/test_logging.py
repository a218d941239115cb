"""Observable in production: one structured line a request, tracebacks for every 500 with the
request's id, and errors to Sentry without personal data."""

import gzip
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import brotli
import pytest
from django.urls import reverse

from core.tests.support import free_port, run_with_the_database_down
from hubportal.logging import JsonFormatter, RequestIdFilter
from members.tests.factories import UserFactory

PROJECT = Path(__file__).resolve().parent.parent.parent


def as_json(record):
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def request_lines(caplog):
    return [as_json(record) for record in caplog.records if record.name == "hubportal.requests"]


@pytest.mark.django_db
def test_every_request_is_one_structured_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="hubportal.requests"):
        response = client.get(reverse("hubs:list"), HTTP_X_REQUEST_ID="nginx-0123456789abcdef")

    [line] = request_lines(caplog)
    assert line["message"] == "GET /hubs/ 200"
    assert line["method"] == "GET"
    assert line["path"] == "/hubs/"
    assert line["status"] == 200
    assert line["duration_ms"] > 0
    assert line["user_id"] is None
    assert line["request_id"] == "nginx-0123456789abcdef" == response["X-Request-ID"]


@pytest.mark.django_db
def test_the_line_names_the_logged_in_user_by_id_only(client, caplog):
    user = UserFactory(email="anna@example.org")
    client.force_login(user)

    with caplog.at_level(logging.INFO, logger="hubportal.requests"):
        client.get(reverse("members:dashboard"))

    [line] = request_lines(caplog)
    assert line["user_id"] == user.pk
    assert "anna@example.org" not in json.dumps(line)


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["", "kurz", "<script>", "x" * 65])
def test_a_missing_or_odd_request_id_is_replaced(client, header):
    response = client.get(reverse("hubs:list"), HTTP_X_REQUEST_ID=header)

    assert len(response["X-Request-ID"]) == 32
    assert response["X-Request-ID"] != header


def test_a_server_error_is_logged_with_its_traceback_and_request_id():
    result = run_with_the_database_down(
        "print('ID', client.get('/events/')['X-Request-ID'])", LOG_LEVEL="INFO"
    )

    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    [request_id] = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("ID ")]
    [error] = [line for line in lines if line["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert "OperationalError" in error["traceback"]
    assert error["request_id"] == request_id
    [request_line] = [line for line in lines if line["logger"] == "hubportal.requests"]
    assert request_line["status"] == 503


class SentryIngest(BaseHTTPRequestHandler):
    """Sentry's ingest endpoint, as far as a test needs it: keep what arrives."""

    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        decompress = {"gzip": gzip.decompress, "br": brotli.decompress}.get(
            self.headers.get("Content-Encoding"), lambda raw: raw
        )
        SentryIngest.received.append(decompress(body).decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_reach_sentry_without_personal_data():
    server = HTTPServer(("127.0.0.1", free_port()), SentryIngest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    SentryIngest.received = []
    try:
        result = run_with_the_database_down(
            "client.cookies['sessionid'] = 'geheim'\n"
            "client.post('/accounts/login/', {'login': 'anna@example.org', 'password': 'geheim'})\n"
            "import sentry_sdk; sentry_sdk.flush()\n",
            SENTRY_DSN=f"http://public@127.0.0.1:{server.server_port}/1",
        )
    finally:
        server.shutdown()

    assert SentryIngest.received, result.stderr
    sent = "\n".join(SentryIngest.received)
    assert "OperationalError" in sent
    for personal in ("anna@example.org", "geheim", "sessionid", '"ip_address"', '"cookies"'):
        assert personal not in sent, personal
