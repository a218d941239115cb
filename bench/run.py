"""The benchmark: the portal as production runs it, measured page by page against a trivial view.

    make bench                                  # 100,000 members, 20,000 events
    .venv/bin/python bench/run.py --members 300 --events 60 --duration 1 --repetitions 1

It fills a database of its own (BENCH_DATABASE_URL, made and seeded once with seed_scale),
starts gunicorn as production does (DEBUG=false, PostgreSQL, Redis as the cache, two sync
workers), and loads every public page in German and English, anonymous and logged in, with
wrk (fixed concurrency, a warm-up, then the median of the repetitions). /robots.txt from the
same gunicorn in the same run is the baseline. Each page is also made in-process without the
page cache: the time of a miss, its queries and bytes, and the plan of each query (EXPLAIN).
Lighthouse then audits three pages at phone size. The tables go to stdout and, as Markdown,
to bench/RESULTS.md (or --output).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import redis

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from hubportal.database import connect_to_server  # noqa: E402 - the project's, found from bench/

LIGHTHOUSE = PROJECT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PYTHON = sys.executable
BASELINE = "/robots.txt"
IN_PROCESS = """
import json, statistics, sys, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pages, session_key, big_tables = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
members_only = json.loads(sys.argv[4])
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
with connection.cursor() as cursor:  # on a small table a sequential scan is the right plan
    cursor.execute("SELECT relname FROM pg_class WHERE relname = ANY(%s) AND reltuples >= 10000", [big_tables])
    big_tables = [row[0] for row in cursor.fetchall()]
results = {}
for logged_in in (False, True):
    if logged_in:
        client.cookies["sessionid"] = session_key
    for path in pages + (members_only if logged_in else []):
        client.get(path)  # warm the process caches (network reference, templates)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        queries = captured.captured_queries  # now: the log starts anew with the next connection
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        scans = set()
        with connection.cursor() as cursor:
            for query in queries:
                if query["sql"].lstrip().upper().startswith("SELECT"):
                    cursor.execute("EXPLAIN " + query["sql"])
                    plan = "\\n".join(row[0] for row in cursor.fetchall())
                    scans.update(table for table in big_tables if f"Seq Scan on {table} " in plan)
        results[f"{int(logged_in)}{path}"] = {
            "status": response.status_code,
            "queries": len(queries),
            "bytes": len(response.content),
            "miss_ms": statistics.median(timings),
            "seq_scans": sorted(scans),
        }
print(json.dumps(results))
"""
ADMIN = """
import json, statistics, sys, time
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from figures.quarters import recent
from members.models import Membership, User

agency, _made = User.objects.get_or_create(email="bench-agency@example.org")
call_command("grant_role", agency.email, "agency", stdout=sys.stderr)
manager = User.objects.filter(memberships__role=Membership.Role.MANAGER).order_by("pk").first()
pages = [
    ("activity log", reverse("admin:activity")),
    ("introduction requests (site)", reverse("introductions:queue") + "?show=open"),
    ("introductions per hub (site)", reverse("introductions:counts")),
    ("network in numbers", reverse("figures:dashboard")),
    ("network in numbers as XLSX", reverse("figures:xlsx")),
    ("quarterly report", reverse("figures:report") + "?quarter=" + recent(1)[0]),
]
for model, model_admin in admin.site._registry.items():
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with translation.override("en"):
        name = str(model._meta.verbose_name_plural)
    pages.append((name, changelist))
    if model_admin.search_fields:
        pages.append((f"{name}, searched", changelist + "?q=an"))
        pages.append((f"{name}, searched for a name", changelist + "?q=bauer"))
results = []
for who, user in (("agency", agency), ("hub manager", manager)):
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
    client.force_login(user)
    for name, path in pages:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        queries = len(captured.captured_queries)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        results.append([name, path, who, response.status_code, statistics.median(timings), queries])
# What the worker's hourly count of the whole network's last twelve months costs (not cached).
from figures.measures import Scope, count, default_period

scope = Scope((), *default_period())
with CaptureQueriesContext(connection) as captured:
    count(scope)
timings = []
for _ in range(3):
    started = time.perf_counter()
    count(scope)
    timings.append((time.perf_counter() - started) * 1000)
results.append(
    ["network in numbers, counted afresh", "", "worker", 200, statistics.median(timings), len(captured.captured_queries)]
)
print(json.dumps(results))
"""
# The tables that grow with the network: a public page must never read one of them whole.
BIG_TABLES = [
    "members_user",
    "members_profile",
    "members_membership",
    "members_profile_focus_themes",
    "events_event",
    "events_registration",
    "events_event_focus_themes",
    "events_event_cohosts",
    "partners_affiliation",
    "desks_deskbooking",
    "members_profile_languages",
    "introductions_introduction",
]
# A member's own pages, measured logged in only: the dashboard with its suggestions, all suggestions.
MEMBERS_ONLY = ["/members/me/", "/introductions/", "/en/members/me/", "/en/introductions/"]
SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from importlib import import_module
from django.conf import settings
from members.models import User

# A member as most are: no staff rights, a profile, in a hub.
user = (
    User.objects.filter(email__endswith="@scale.example.org", is_staff=False, profile__isnull=False)
    .filter(memberships__isnull=False)
    .order_by("pk")
    .first()
)
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""
FIRST_OF = """
import json
from events.models import Event
from hubs.models import Hub
from members.models import Profile
from pages.models import News
from partners.models import Organisation
from desks.models import DeskSpace
from formats.models import Format

print(json.dumps({
    "hub": Hub.objects.order_by("slug").values_list("slug", flat=True).first(),
    "event": Event.objects.public().upcoming().values_list("slug", flat=True).first(),
    "profile": Profile.objects.filter(visibility="public").order_by("pk").values_list("slug", flat=True).first(),
    "news": News.objects.published().values_list("slug", flat=True).first(),
    "partner": Organisation.objects.published().order_by("name").values_list("slug", flat=True).first(),
    "desk": DeskSpace.objects.active().order_by("slug").values_list("slug", flat=True).first(),
    "format": Format.objects.order_by("slug").values_list("slug", flat=True).first(),
}))
"""


def main():
    options = arguments()
    environment = production_environment(options)
    prepare(options, environment)
    first = json.loads(manage(environment, "shell", "-c", FIRST_OF).strip().splitlines()[-1])
    pages = page_list(first)
    session_key = manage(environment, "shell", "-c", SESSION).strip().splitlines()[-1]
    # Without the page cache: what a miss costs, in time, queries and query plans.
    in_process = json.loads(
        run(
            [
                PYTHON,
                "-c",
                "import django; django.setup()\n" + IN_PROCESS,
                json.dumps(pages),
                session_key,
                json.dumps(BIG_TABLES),
                json.dumps(MEMBERS_ONLY),
            ],
            {**environment, "PAGE_CACHE_SECONDS": "0"},
        )
        .strip()
        .splitlines()[-1]
    )
    admin_pages = json.loads(
        run([PYTHON, "-c", "import django; django.setup()\n" + ADMIN], environment).strip().splitlines()[-1]
    )
    if options.lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: npm ci --prefix bench (or run with --no-lighthouse).")
    with gunicorn(environment, options.port):
        baseline = measure(options, BASELINE, cookie=None)
        rows = [Row("trivial view (baseline)", "anonymous", baseline, in_process[f"0{BASELINE}"])]
        for logged_in in (False, True):
            for path in pages + (MEMBERS_ONLY if logged_in else []):
                if path == BASELINE:
                    continue
                rows.append(
                    Row(
                        page_name(path),
                        "member" if logged_in else "anonymous",
                        measure(options, path, cookie=session_key if logged_in else None),
                        in_process[f"{int(logged_in)}{path}"],
                    )
                )
        audits = (
            [lighthouse(options, name, path) for name, path in lighthouse_pages(first)]
            if options.lighthouse
            else []
        )
    table = render(rows, baseline, options) + render_admin(admin_pages) + render_lighthouse(audits)
    print(table)
    Path(options.output).write_text(table)
    failed_admin = [page for page in admin_pages if page[3] not in (200, 403)]
    if any(row.failed for row in rows) or failed_admin or any(audit is None for audit in audits):
        raise SystemExit("Some pages failed: see the table.")


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of load before the runs; 0: none")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--output", default=str(PROJECT / "bench" / "RESULTS.md"))
    parser.add_argument(
        "--lighthouse",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Lighthouse at phone size on the home page, the event list and a hub page "
        "(npm ci --prefix bench installs it; make bench does)",
    )
    return parser.parse_args()


def production_environment(options):
    return {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/hubportal_bench_{options.members}"
        ),
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/13"),
        "EMAIL_URL": "consolemail://",
        "PORTAL_URL": "https://localhost",
        "STATIC_ROOT": str(Path(tempfile.gettempdir()) / "hubportal-bench-static"),
        "WEB_CONCURRENCY": "2",
        "API_ANONYMOUS_RATE": "1000000/s",  # wrk asks from one address
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "hubportal.settings.base",
        "PYTHONPATH": str(PROJECT),
    }


def prepare(options, environment):
    """The database with the scaled network (made once), its tables, the static files."""
    url = urlsplit(environment["DATABASE_URL"])
    database = url.path.lstrip("/")
    server = connect_to_server(environment["DATABASE_URL"])
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{database}"')
    server.close()
    manage(environment, "migrate", "--noinput", "-v", "0")
    seeded = manage(
        environment, "shell", "-c", "from members.models import User; print(User.objects.count())"
    )
    if int(seeded.strip().splitlines()[-1]) < options.members:
        # Partner organisations grow with the network: 600 at 100,000 members.
        organisations = max(10, options.members * 6 // 1000)
        manage(
            environment,
            "seed_scale",
            *("--members", str(options.members), "--events", str(options.events)),
            *("--organisations", str(organisations)),
        )
    manage(environment, "collectstatic", "--noinput", "-v", "0")
    redis.Redis.from_url(environment["CACHE_URL"]).flushdb()  # no page from an earlier run


def page_list(first):
    pages = [
        BASELINE,
        "/",
        "/hubs/",
        f"/hubs/{first['hub']}/",
        "/events/",
        "/events/archive/",
        f"/events/{first['event']}/",
        "/members/",
        f"/members/{first['profile']}/",
        "/news/",
        "/events/feed/",
        "/news/feed/",
        "/events/calendar.ics",
        f"/hubs/{first['hub']}/calendar.ics",
        "/sitemap.xml",
        "/sitemap-events.xml",
    ]
    if first["news"]:
        pages.append(f"/news/{first['news']}/")
    pages += ["/partners/", "/desks/", "/sitemap-partners.xml", "/formats/", "/embed/events/"]
    pages += ["/netzwerk-in-zahlen/", "/api/docs/"]
    # The open data API, without a language of its own (the bench's address is not rate limited).
    api = ["/api/v1/hubs/", "/api/v1/themes/", "/api/v1/events/", f"/api/v1/events/?hub={first['hub']}"]
    api += ["/api/v1/partners/", "/api/v1/news/", "/api/v1/openapi.json"]
    pages.append(f"/embed/hubs/{first['hub']}/events/")
    if first.get("format"):
        pages.append(f"/formats/{first['format']}/")
    if first.get("partner"):
        pages.append(f"/partners/{first['partner']}/")
    if first.get("desk"):
        pages.append(f"/desks/{first['desk']}/")
    english = [f"/en{path}" for path in pages if path != BASELINE and not path.endswith((".ics", ".xml"))]
    return pages + english + api


def lighthouse_pages(first):
    """Each kind of public page, in German, and the English event list."""
    pages = [
        ("home", "/"),
        ("hub list", "/hubs/"),
        ("hub page", f"/hubs/{first['hub']}/"),
        ("event list", "/events/"),
        ("event archive", "/events/archive/"),
        ("event page", f"/events/{first['event']}/"),
        ("member directory", "/members/"),
        ("profile", f"/members/{first['profile']}/"),
        ("news list", "/news/"),
        ("sign-up", "/accounts/signup/"),
        ("Impressum", "/impressum/"),
        ("event list (EN)", "/en/events/"),
        ("partner directory", "/partners/"),
        ("desk spaces", "/desks/"),
    ]
    if first["news"]:
        pages.insert(9, ("news item", f"/news/{first['news']}/"))
    if first.get("partner"):
        pages.append(("partner page", f"/partners/{first['partner']}/"))
    if first.get("desk"):
        pages.append(("desk space", f"/desks/{first['desk']}/"))
    return pages


def lighthouse(options, name, path, attempts=3):
    """Lighthouse's performance and accessibility audits of a page as a phone sees it (its
    default emulation: a mid-range phone on a slow 4G connection), in Debian's Chromium.
    Lighthouse now and then fails to record a page load (NO_NAVSTART) and asks to be run
    again: it is, up to `attempts` times."""
    for _attempt in range(attempts):
        report = lighthouse_report(options, path)
        if report is not None:
            break
    else:
        return None
    audits = report["audits"]
    return {
        "name": name,
        "path": path,
        "score": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def lighthouse_report(options, path):
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            f"http://127.0.0.1:{options.port}{path}",
            "--only-categories=performance,accessibility",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
            '--extra-headers={"X-Forwarded-Proto": "https"}',
        ],
        cwd=PROJECT,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if result.returncode != 0:
        print(f"Lighthouse failed on {path}:\n{result.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(result.stdout)


def render_admin(pages):
    lines = [
        "",
        "## Admin",
        "",
        "Every changelist of the admin, and each with a search for a frequent fragment (`?q=an`, too short "
        "for the trigram indexes) and for a name (`?q=bauer`), as agency staff "
        "and as a hub manager (403: not theirs), made in-process: median of 5. Target: ≤ 200 ms. The "
        "network in numbers is measured as served, from the numbers the worker counted into the cache; "
        "the worker's count of the whole network itself is the last row.",
        "",
        "| changelist | who | status | ms | queries | target |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for name, _path, who, status, milliseconds, queries in pages:
        target = {200: "met" if milliseconds <= 200 else "missed", 403: "not theirs"}.get(status, "failed")
        if who == "worker":
            target = "none: in the background, hourly"
        lines.append(f"| {name} | {who} | {status} | {milliseconds:.1f} | {queries} | {target} |")
    return "\n".join(lines) + "\n"


def render_lighthouse(audits):
    if not audits:
        return ""
    lines = [
        "",
        "## Lighthouse at phone size",
        "",
        "Lighthouse's default phone emulation (a mid-range phone, slow 4G) in Debian's Chromium, served by the same "
        "gunicorn; HTML is not compressed here (nginx does that in production). Target: performance ≥ 95, "
        "accessibility 100, layout shift < 0.05.",
        "",
        "| page | performance | accessibility | first contentful paint ms | largest contentful paint ms "
        "| total blocking time ms | layout shift | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for audit in audits:
        if audit is None:
            lines.append("| (Lighthouse failed: see the output) | | | | | | | missed |")
            continue
        met = audit["score"] >= 95 and audit["accessibility"] == 100 and audit["cls"] < 0.05
        lines.append(
            f"| {audit['name']} | {audit['score']} | {audit['accessibility']} | {audit['fcp']:.0f} | {audit['lcp']:.0f} "
            f"| {audit['tbt']:.0f} "
            f"| {audit['cls']:.3f} | {'met' if met else 'missed'} |"
        )
    return "\n".join(lines) + "\n"


def page_name(path):
    names = [
        (r"^(/en)?/$", "home"),
        (r"^(/en)?/hubs/$", "hub list"),
        (r"^(/en)?/hubs/[^/]+/$", "hub page"),
        (r"^(/en)?/hubs/[^/]+/calendar\.ics$", "hub calendar"),
        (r"^(/en)?/events/$", "event list"),
        (r"^(/en)?/events/archive/$", "event archive"),
        (r"^(/en)?/events/feed/$", "event feed"),
        (r"^(/en)?/events/calendar\.ics$", "network calendar"),
        (r"^(/en)?/events/[^/]+/$", "event page"),
        (r"^(/en)?/members/$", "member directory"),
        (r"^(/en)?/members/me/$", "dashboard"),
        (r"^(/en)?/members/[^/]+/$", "profile"),
        (r"^(/en)?/news/$", "news list"),
        (r"^(/en)?/news/feed/$", "news feed"),
        (r"^(/en)?/news/[^/]+/$", "news item"),
        (r"^(/en)?/partners/$", "partner directory"),
        (r"^(/en)?/partners/[^/]+/$", "partner page"),
        (r"^(/en)?/desks/$", "desk spaces"),
        (r"^(/en)?/desks/[^/]+/$", "desk space"),
        (r"^(/en)?/introductions/$", "suggestions"),
        (r"^(/en)?/formats/$", "format library"),
        (r"^(/en)?/formats/[^/]+/$", "format page"),
        (r"^(/en)?/embed/events/$", "embed (network)"),
        (r"^(/en)?/embed/hubs/[^/]+/events/$", "embed (hub)"),
        (r"^(/en)?/netzwerk-in-zahlen/$", "network in numbers"),
        (r"^(/en)?/api/docs/$", "API documentation"),
        (r"^/api/v1/openapi\.json$", "API schema"),
        (r"^/api/v1/events/\?hub=", "API events of a hub"),
        (r"^/api/v1/hubs/$", "API hubs"),
        (r"^/api/v1/themes/$", "API themes"),
        (r"^/api/v1/events/$", "API events"),
        (r"^/api/v1/partners/$", "API partners"),
        (r"^/api/v1/news/$", "API news"),
        (r"^/sitemap\.xml$", "sitemap index"),
        (r"^/sitemap-events\.xml$", "sitemap file (events)"),
        (r"^/sitemap-partners\.xml$", "sitemap file (partners)"),
    ]
    name = next(name for pattern, name in names if re.match(pattern, path))
    if path.endswith(".xml") or path.startswith("/api/v1/"):
        return name
    return f"{name} ({'EN' if path.startswith('/en/') else 'DE'})"


class gunicorn:
    def __init__(self, environment, port):
        self.environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "hubportal.wsgi"],
            cwd=PROJECT,
            env=self.environment,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                request = urllib.request.Request(self.url + BASELINE, headers={"X-Forwarded-Proto": "https"})
                with urllib.request.urlopen(request, timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def measure(options, path, *, cookie):
    """wrk against one page: a warm-up, then the median of the repetitions."""
    command = [
        shutil.which("wrk") or "wrk",
        "-t2",
        f"-c{options.connections}",
        "--latency",
        "-H",
        "X-Forwarded-Proto: https",
        "-H",
        "Host: localhost",
    ]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    url = f"http://127.0.0.1:{options.port}{path}"
    if options.warmup:
        run([*command, f"-d{options.warmup}s", url], {"PATH": os.environ["PATH"]})
    runs = [
        parse_wrk(run([*command, f"-d{options.duration}s", url], {"PATH": os.environ["PATH"]}))
        for _ in range(options.repetitions)
    ]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def parse_wrk(output):
    def milliseconds(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99": milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "failures": int(failures.group(1)) if failures else 0,
    }


class Row:
    """One page for one kind of visitor: wrk's numbers through gunicorn and the in-process miss."""

    def __init__(self, name, who, served, miss):
        self.name, self.who, self.served, self.miss = name, who, served, miss
        self.failed = served["failures"] + (miss["status"] != 200)

    def verdict(self, baseline):
        """The issue's targets: anonymous pages at half the baseline's rate or better with a p99
        at most three times the baseline's; every page made anew (logged in, or a cache miss)
        within 50 ms median; no full read of a table that grows with the network."""
        missed = []
        if self.who == "anonymous" and self.served["rps"] < 0.5 * baseline["rps"]:
            missed.append("rate")
        if self.who == "anonymous" and self.served["p99"] > 3 * baseline["p99"]:
            missed.append("p99")
        if self.miss["miss_ms"] > 50:
            missed.append("made in > 50 ms")
        if self.miss["seq_scans"]:
            missed.append("seq scan")
        if self.failed:
            missed.append("failed")
        return "missed: " + ", ".join(missed) if missed else "met"


def render(rows, baseline, options):
    workers = 2
    lines = [
        "# Benchmark",
        "",
        f"{options.members:,} members, {options.events:,} events; gunicorn with {workers} sync workers, "
        f"DEBUG=false, PostgreSQL, Redis cache; wrk with {options.connections} connections, "
        f"{options.duration} s after a {options.warmup} s warm-up, median of {options.repetitions}. Made by `make bench` "
        "(bench/run.py).",
        "",
        "- *served*: through gunicorn, as visitors get it (anonymous pages from the page cache).",
        f"- *ms/request*: the workers' time per request, {workers} × 1000 / requests per second. The p50 and p99 "
        f"include the wait in the queue: {options.connections} connections share {workers} workers.",
        "- *made*: median in-process time to make the page without the page cache (a miss), with its "
        "queries and bytes.",
        "- *target*: anonymous ≥ 0.5× the baseline's requests/s and p99 ≤ 3×; every page made in ≤ 50 ms; "
        "no sequential scan over " + ", ".join(BIG_TABLES) + " once they hold 10,000 rows (EXPLAIN of every "
        "query).",
        "",
        "| page | who | requests/s | × baseline | p50 ms | p99 ms | p99 × baseline | ms/request "
        "| made ms | queries | bytes | target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        served, miss = row.served, row.miss
        lines.append(
            f"| {row.name} | {row.who} | {served['rps']:.0f} | {served['rps'] / baseline['rps']:.2f} "
            f"| {served['p50']:.1f} | {served['p99']:.1f} | {served['p99'] / baseline['p99']:.1f} "
            f"| {workers * 1000 / served['rps']:.1f} | {miss['miss_ms']:.1f} | {miss['queries']} "
            f"| {miss['bytes']:,} | {row.verdict(baseline)} |"
        )
    scans = [
        f"- {row.name}, {row.who}: {', '.join(row.miss['seq_scans'])}"
        for row in rows
        if row.miss["seq_scans"]
    ]
    lines += ["", "## Sequential scans over the big tables", ""] + (scans or ["None on any page."])
    return "\n".join(lines) + "\n"


def manage(environment, *arguments):
    return run([PYTHON, "manage.py", *arguments], environment)


def run(command, environment):
    result = subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


if __name__ == "__main__":
    main()
