"""Real servers and processes for the tests that play outages and production."""

import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent

# The public pages that exist as soon as the hub network is loaded (seed_hubs), in German;
# their English versions live under /en/.
NETWORK_PAGES = [
    "/",
    "/hubs/",
    "/hubs/hamburg/",
    "/events/",
    "/events/archive/",
    "/members/",
    "/news/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/events/feed/",
    "/news/feed/",
    "/events/calendar.ics",
    "/hubs/hamburg/calendar.ics",
]


def worker_number() -> int:
    """Which of pytest-xdist's workers runs the test (0 without xdist), for what workers must not
    share: the media directory, a Redis database."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (for a server to start, or to find closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalWebsite:
    """A web server on loopback, started at once, that answers each path with what the test put
    there (`put`, or `pages[path] = (status, headers, body)`), after `delay` seconds: another
    website, as a hub's calendar or the page that frames the portal's events."""

    def __init__(self):
        self.pages = {}
        self.delay = 0
        website = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                time.sleep(website.delay)
                status, headers, body = website.pages.get(self.path, (404, {}, b"not here"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def put(self, path, body: bytes, *, content_type="text/calendar") -> str:
        self.pages[path] = (200, {"Content-Type": content_type}, body)
        return self.url + path

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class SmtpSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests
    of mail delivery; `port` is fixed from the start, so that it can be started late, as a
    mail server coming back."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self._controller = None

    def start(self):
        from email import message_from_bytes, policy

        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append(message_from_bytes(envelope.content, policy=policy.default))
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller:
            self._controller.stop()


def run_with_the_database_down(script: str, **environment) -> subprocess.CompletedProcess:
    """Run a snippet in a fresh interpreter with the test settings and a database address that
    nothing answers on; `client` is a test client that reports errors as responses."""
    environment = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(PROJECT),
        "DJANGO_SETTINGS_MODULE": "hubportal.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
        "ALLOWED_HOSTS": "testserver",
        "LOG_FORMAT": "json",
        **environment,
    }
    code = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n" + script
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
