"""The portal as it runs in production, tested from outside.

Separate processes, as on the server: collectstatic and migrate into a fresh PostgreSQL
database, two gunicorn instances on loopback behind nginx with the committed
deploy/nginx.conf (TLS from a throwaway self-signed certificate), the background worker,
Redis as the cache, and an SMTP server (aiosmtpd) standing in for the mail server. Every
request goes through nginx over HTTPS, as a visitor's would.
"""

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import string
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest

from core.tests.support import NETWORK_PAGES, SmtpSink, free_port
from hubportal.database import connect_to_server, database_settings

from .test_security_headers import assert_observatory_headers

pytestmark = pytest.mark.production

PROJECT = Path(__file__).resolve().parent.parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SETUP = """
import json
from datetime import timedelta
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from events.models import Event
from hubs.models import Hub
from members.models import Profile, User

hub = Hub.objects.get(slug="hamburg")
start = timezone.now() + timedelta(days=7)
events = [
    Event.objects.create(
        title_de=f"Abend {number}", slug=f"abend-{number}", description_de="Ein Abend.", hub=hub,
        event_type="meetup", format="online", online_url="https://meet.example.org/",
        start=start, end=start + timedelta(hours=2), language="de", capacity=1000, status="published",
    )
    for number in range(EVENTS)
]
sessions = []
for number in range(MEMBERS):
    user = User.objects.create_user(f"last{number}@example.org", "Stadt-Land-Fluss-42")
    Profile.objects.create(user=user, slug=f"last-{number}", display_name=f"Last {number}", member_type="founder")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append({"user": user.pk, "session": session.session_key})
print(json.dumps({"events": [[event.pk, event.slug] for event in events], "members": sessions}))
"""


def fill_in(template: str, **values) -> str:
    """What envsubst does with the site configuration: ${NAME} replaced, nginx's own $variables
    kept; a name without a value is an error."""
    return re.sub(r"\$\{([A-Z0-9_]+)\}", lambda match: str(values[match.group(1)]), template)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A visitor's browser, as far as the tests need one: cookies, CSRF token, no redirects."""

    def __init__(self, portal):
        self.portal = portal
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=portal.tls),
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirects(),
        )

    def request(self, path, *, data=None, method=None, headers=None, base=None):
        body = urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - https to the portal under test
            (base or self.portal.url) + path,
            data=body,
            method=method,
            headers={"Origin": self.portal.url, **(headers or {})},
        )
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def post_form(self, path, fields):
        """Open the form's page for its CSRF token, then send the form."""
        _status, _headers, page = self.get(path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        return self.request(path, data={"csrfmiddlewaretoken": token, **fields})

    def log_in_with_session(self, session_key):
        host = urlsplit(self.portal.url).hostname + ".local"  # how http.cookiejar files "localhost"
        for name, value in [("sessionid", session_key), ("csrftoken", self.portal.csrf_secret)]:
            self.cookies.set_cookie(
                http.cookiejar.Cookie(
                    0,
                    name,
                    value,
                    None,
                    False,
                    host,
                    False,
                    False,
                    "/",
                    True,
                    True,
                    None,
                    False,
                    None,
                    None,
                    {},
                )
            )


class Portal:
    """The portal's processes and their addresses."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.https_port, self.http_port = free_port(), free_port()
        self.gunicorn_ports = [free_port(), free_port()]
        self.url = f"https://localhost:{self.https_port}"
        self.processes = {}
        self.sink = SmtpSink()
        self.csrf_secret = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.database = f"hubportal_production_{secrets.token_hex(4)}"
        self.server = database_settings(os.environ["DATABASE_URL"])
        self.database_url = (
            f"postgres://{self.server['USER']}:{self.server['PASSWORD']}@{quote(self.server['HOST'], safe='')}:"
            f"{self.server['PORT'] or 5432}/{self.database}"
        )

    @property
    def environment(self):
        """Exactly the environment the README's "Going live" asks for, with local addresses."""
        return {
            "PATH": os.environ["PATH"],
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": self.database_url,
            "CACHE_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14"),
            "EMAIL_URL": f"smtp://127.0.0.1:{self.sink.port}",
            "PORTAL_URL": self.url,
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
        }

    def connect(self, database):
        return connect_to_server(os.environ["DATABASE_URL"], database=database)

    def manage(self, *arguments, environment):
        result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"manage.py {' '.join(arguments)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def start(self, name, command, environment):
        log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        self.processes[name] = (
            subprocess.Popen(  # noqa: S603 - fixed commands
                command,
                cwd=PROJECT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            ),
            log,
        )

    def kill(self, name):
        process, log = self.processes.pop(name)
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        log.close()

    def stop(self, name):
        process, log = self.processes.pop(name)
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()

    def logs(self):
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-3000:]}" for path in self.workdir.glob("*.log")
        )

    def make_certificate(self):
        self.certificate, self.key = self.workdir / "tls.crt", self.workdir / "tls.key"
        subprocess.run(  # noqa: S603 - fixed command
            [
                shutil.which("openssl") or "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                str(self.key),
                "-out",
                str(self.certificate),
            ],
            check=True,
            capture_output=True,
        )
        self.tls = ssl.create_default_context(cafile=str(self.certificate))

    def configure_nginx(self):
        """The committed site configuration, filled in, inside a minimal main configuration."""
        site = fill_in(
            (PROJECT / "deploy" / "nginx.conf").read_text(),
            SERVER_NAME="localhost",
            HTTP_PORT=self.http_port,
            HTTPS_PORT=self.https_port,
            TLS_CERTIFICATE=self.certificate,
            TLS_CERTIFICATE_KEY=self.key,
            UPSTREAM_1=f"127.0.0.1:{self.gunicorn_ports[0]}",
            UPSTREAM_2=f"127.0.0.1:{self.gunicorn_ports[1]}",
            MEDIA_ROOT=self.workdir / "media",
        )
        nginx_dir = self.workdir / "nginx"
        nginx_dir.mkdir(mode=0o777)
        nginx_dir.chmod(0o777)  # nginx's workers run as another user
        (nginx_dir / "site.conf").write_text(site)
        (nginx_dir / "nginx.conf").write_text(
            f"""
            daemon off;
            worker_processes 2;
            pid {nginx_dir}/nginx.pid;
            error_log {self.workdir}/nginx-error.log;
            events {{ worker_connections 512; }}
            http {{
                include /etc/nginx/mime.types;
                access_log {self.workdir}/nginx-access.log;
                client_body_temp_path {nginx_dir}/body;
                proxy_temp_path {nginx_dir}/proxy;
                fastcgi_temp_path {nginx_dir}/fastcgi;
                uwsgi_temp_path {nginx_dir}/uwsgi;
                scgi_temp_path {nginx_dir}/scgi;
                include {nginx_dir}/site.conf;
            }}
            """
        )
        return nginx_dir / "nginx.conf"

    def wait_until_listening(self, port, timeout=60):
        """gunicorn listens once it has loaded and warmed up the application (preload_app);
        nginx, started earlier, would take a refused connection for a failed upstream."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return
            time.sleep(0.2)
        pytest.fail(f"gunicorn did not listen on {port} in {timeout} s\n{self.logs()}")

    def wait_until_ready(self, visitor, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with suppress(OSError):
                if visitor.get("/healthz")[0] == 200:
                    return
            time.sleep(0.3)
        pytest.fail(f"the portal did not answer through nginx in {timeout} s\n{self.logs()}")


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is missing; .ci/run installs it with apt.")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("production runs on PostgreSQL: set DATABASE_URL")
    workdir = tmp_path_factory.mktemp("production")
    workdir.chmod(0o755)
    portal = Portal(workdir)
    admin = portal.connect("postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{portal.database}"')
    portal.sink.start()
    try:
        environment = portal.environment
        portal.manage("collectstatic", "--noinput", "-v", "0", environment=environment)
        portal.manage("migrate", "--noinput", "-v", "0", environment=environment)
        portal.manage("seed_hubs", environment=environment)
        output = portal.manage(
            "shell", "-c", SETUP.replace("EVENTS", "30").replace("MEMBERS", "8"), environment=environment
        )
        portal.load = json.loads(output.strip().splitlines()[-1])
        portal.make_certificate()
        for number, port in enumerate(portal.gunicorn_ports, start=1):
            portal.start(
                f"gunicorn-{number}",
                [sys.executable, "-m", "gunicorn", "hubportal.wsgi"],
                {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
            )
        portal.start(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
            environment,
        )
        for port in portal.gunicorn_ports:
            portal.wait_until_listening(port)
        portal.start("nginx", [NGINX, "-c", str(portal.configure_nginx())], environment)
        portal.wait_until_ready(Visitor(portal))
        yield portal
    finally:
        for name in list(portal.processes):
            portal.stop(name)
        portal.sink.stop()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{portal.database}" WITH (FORCE)')
        admin.close()


def test_every_public_page_answers_through_nginx_in_both_languages(portal):
    visitor = Visitor(portal)
    failures = []
    for path in NETWORK_PAGES:
        for prefix in ("", "/en"):
            status, _headers, _body = visitor.get(prefix + path)
            if status != 200:
                failures.append(f"{prefix}{path}: {status}")
    for path in ["/sitemap.xml", "/robots.txt", "/healthz"]:
        status, _headers, _body = visitor.get(path)
        if status != 200:
            failures.append(f"{path}: {status}")

    assert failures == [], portal.logs()


@pytest.mark.parametrize(
    "path", ["/nope/", "/en/nope/", "/favicon.png", "/hubs/atlantis/", "/en/events/nope/"]
)
def test_unknown_addresses_are_404_in_production(portal, path):
    status, _headers, body = Visitor(portal).get(path)

    assert status == 404
    assert "Seite nicht gefunden" in body.decode() or "Page not found" in body.decode()


def test_the_favicon_is_found_where_browsers_look_for_it(portal):
    visitor = Visitor(portal)
    status, headers, _body = visitor.get("/favicon.ico")

    assert status == 301
    icon = headers["Location"].removeprefix(portal.url)
    assert icon.startswith("/static/img/favicon.") and icon.endswith(".ico")  # hashed, kept for a year
    assert visitor.get(icon)[0] == 200


def test_pages_carry_the_security_headers_through_nginx(portal):
    _status, headers, _body = Visitor(portal).get("/")

    class Response(dict):
        def __getitem__(self, name):
            return headers[name]

    assert_observatory_headers(Response())
    assert "Server" not in headers or "nginx/" not in headers["Server"]


def test_static_files_are_fingerprinted_immutable_and_compressed(portal):
    visitor = Visitor(portal)
    _status, _headers, home = visitor.get("/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', home).group(1).decode()

    for encoding in ("br", "gzip"):
        status, headers, _body = visitor.get(stylesheet, headers={"Accept-Encoding": encoding})
        assert status == 200
        assert headers["Content-Encoding"] == encoding
        assert "immutable" in headers["Cache-Control"]


def test_plain_http_is_sent_to_https_whatever_the_client_claims(portal):
    visitor = Visitor(portal)
    base = f"http://localhost:{portal.http_port}"

    status, headers, _body = visitor.get("/", base=base, headers={"X-Forwarded-Proto": "https"})

    assert status == 301
    assert headers["Location"].startswith("https://localhost")


def test_a_client_cannot_make_https_look_like_http(portal):
    status, _headers, _body = Visitor(portal).get("/", headers={"X-Forwarded-Proto": "http"})

    assert status == 200  # no redirect loop: nginx sets the header itself


def test_each_request_is_logged_by_gunicorn_with_the_id_nginx_gave_it(portal):
    _status, headers, _body = Visitor(portal).get("/hubs/")
    request_id = headers["X-Request-ID"]

    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [
            json.loads(line)
            for name in ("gunicorn-1", "gunicorn-2")
            for line in (portal.workdir / f"{name}.log").read_text().splitlines()
            if line.startswith("{")
        ]
        matching = [line for line in lines if line.get("request_id") == request_id]
        if matching:
            break
        time.sleep(0.2)
    assert [line["message"] for line in matching] == ["GET /hubs/ 200"]


def test_trace_is_not_allowed(portal):
    status, _headers, _body = Visitor(portal).get("/", method="TRACE")

    assert status == 405


def test_sign_up_mail_arrives_through_the_worker_and_its_link_confirms(portal):
    visitor = Visitor(portal)
    # A new address each run: Redis outlives the run, and allauth allows one mail per address in 3 minutes.
    email = f"neu-{secrets.token_hex(4)}@example.org"

    status, headers, _body = visitor.post_form(
        "/accounts/signup/",
        {"email": email, "password1": "Stadt-Land-Fluss-42", "password2": "Stadt-Land-Fluss-42"},
    )
    assert status == 302, headers
    message = wait_for_mail(portal, email)

    body = message.get_body(("plain",)).get_content()
    link = re.search(re.escape(portal.url) + r"(/accounts/confirm-email/\S+/)", body)
    assert link, body
    status, _headers, _body = visitor.post_form(link.group(1), {})
    assert status == 302
    with portal.connect(portal.database) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT verified FROM account_emailaddress WHERE email = %s", [email])
        assert cursor.fetchone() == (True,)


def wait_for_mail(portal, address, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in portal.sink.messages:
            if message["To"] == address:
                return message
        time.sleep(0.2)
    with portal.connect(portal.database) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT task_path, status, exception_class_path, traceback FROM django_tasks_database_dbtaskresult"
        )
        tasks = cursor.fetchall()
    pytest.fail(f"no mail to {address} within {timeout} s\ntasks: {tasks}\n{portal.logs()}")


def test_killing_one_gunicorn_loses_no_acknowledged_write_and_the_other_serves(portal):
    """Members register for events while one of the two gunicorns is killed (SIGKILL): every
    registration that was answered as done is in the database, and the portal keeps serving."""
    members = portal.load["members"]
    events = portal.load["events"]
    work = [(member, event) for event in events for member in members]
    acknowledged, refused = [], []
    done = threading.Event()
    lock = threading.Lock()
    visitors = {}
    for member in members:
        visitors[member["user"]] = Visitor(portal)
        visitors[member["user"]].log_in_with_session(member["session"])

    def register(item):
        member, (event_id, slug) = item
        status, headers, _body = visitors[member["user"]].request(
            f"/events/{slug}/register/", data={"csrfmiddlewaretoken": portal.csrf_secret}
        )
        with lock:
            if status == 302 and headers["Location"] == f"/events/{slug}/":
                acknowledged.append((member["user"], event_id))
            else:
                refused.append(status)
            if len(acknowledged) + len(refused) == len(work) // 4:
                done.set()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = pool.map(register, work)
        assert done.wait(timeout=60), portal.logs()
        portal.kill("gunicorn-1")
        list(results)

    with portal.connect(portal.database) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT user_id, event_id FROM events_registration")
        stored = set(cursor.fetchall())
    assert set(acknowledged) <= stored
    assert len(refused) <= 8, f"more failures than requests in flight at the kill: {refused}"
    assert len(acknowledged) >= len(work) - 8
    visitor = Visitor(portal)
    assert [visitor.get("/events/")[0] for _ in range(10)] == [200] * 10
