"""The benchmark: the portal as production runs it, measured page by page against a trivial view.

    make bench                                  # 100,000 members, 20,000 events
    .venv/bin/python bench/run.py --members 300 --events 60 --duration 1 --repetitions 1

It fills a database of its own (BENCH_DATABASE_URL, made and seeded once with seed_scale),
starts gunicorn as production does (DEBUG=false, PostgreSQL, Redis as the cache, two sync
workers), and loads every public page in German and English, anonymous and logged in, with
wrk (fixed concurrency, a warm-up, then the median of the repetitions). /robots.txt from the
same gunicorn in the same run is the baseline. Queries and bytes per request are counted
in-process with the same settings. The table goes to stdout and, as Markdown, to
bench/RESULTS.md (or --output).
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

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASELINE = "/robots.txt"
QUERY_COUNTER = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.contrib.sessions.backends.db import SessionStore

pages, session_key = json.loads(sys.argv[1]), sys.argv[2]
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
results = {}
for logged_in in (False, True):
    if logged_in:
        client.cookies["sessionid"] = session_key
    for path in pages:
        client.get(path)  # as wrk's warm-up does
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        results[f"{int(logged_in)}{path}"] = [response.status_code, len(queries), len(response.content)]
print(json.dumps(results))
"""
SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from members.models import User

user = User.objects.filter(email__endswith="@scale.example.org", profile__isnull=False).order_by("pk").first()
session = SessionStore()
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

print(json.dumps({
    "hub": Hub.objects.order_by("slug").values_list("slug", flat=True).first(),
    "event": Event.objects.public().upcoming().values_list("slug", flat=True).first(),
    "profile": Profile.objects.filter(visibility="public").order_by("pk").values_list("slug", flat=True).first(),
    "news": News.objects.published().values_list("slug", flat=True).first(),
}))
"""


def main():
    options = arguments()
    environment = production_environment(options)
    prepare(options, environment)
    first = json.loads(manage(environment, "shell", "-c", FIRST_OF).strip().splitlines()[-1])
    pages = page_list(first)
    session_key = manage(environment, "shell", "-c", SESSION).strip().splitlines()[-1]
    counted = json.loads(
        run(
            [PYTHON, "-c", "import django; django.setup()\n" + QUERY_COUNTER, json.dumps(pages), session_key],
            environment,
        )
        .strip()
        .splitlines()[-1]
    )
    with gunicorn(environment, options.port):
        rows = []
        baseline = measure(options, BASELINE, cookie=None)
        rows.append(("trivial view (baseline)", BASELINE, "anonymous", baseline, counted.get(f"0{BASELINE}")))
        for logged_in in (False, True):
            for path in pages:
                if path == BASELINE:
                    continue
                result = measure(options, path, cookie=session_key if logged_in else None)
                rows.append(
                    (
                        page_name(path),
                        path,
                        "member" if logged_in else "anonymous",
                        result,
                        counted[f"{int(logged_in)}{path}"],
                    )
                )
    table = render(rows, baseline, options)
    print(table)
    Path(options.output).write_text(table)


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--output", default=str(PROJECT / "bench" / "RESULTS.md"))
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
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "hubportal.settings.base",
        "PYTHONPATH": str(PROJECT),
    }


def prepare(options, environment):
    """The database with the scaled network (made once), its tables, the static files."""
    database = environment["DATABASE_URL"].rsplit("/", 1)[1]
    server = environment["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    exists = run(
        ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{database}'"], environment
    )
    if not exists.strip():
        run(["psql", server, "-c", f'CREATE DATABASE "{database}"'], environment)
    manage(environment, "migrate", "--noinput", "-v", "0")
    seeded = manage(
        environment, "shell", "-c", "from members.models import User; print(User.objects.count())"
    )
    if int(seeded.strip().splitlines()[-1]) < options.members:
        manage(environment, "seed_scale", "--members", str(options.members), "--events", str(options.events))
    manage(environment, "collectstatic", "--noinput", "-v", "0")
    run(["redis-cli", "-u", environment["CACHE_URL"], "flushdb"], environment)


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
    ]
    if first["news"]:
        pages.append(f"/news/{first['news']}/")
    english = [
        f"/en{path}" for path in pages if path not in (BASELINE, "/sitemap.xml") and not path.endswith(".ics")
    ]
    return pages + english


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
        (r"^(/en)?/members/[^/]+/$", "profile"),
        (r"^(/en)?/news/$", "news list"),
        (r"^(/en)?/news/feed/$", "news feed"),
        (r"^(/en)?/news/[^/]+/$", "news item"),
        (r"^/sitemap\.xml$", "sitemap"),
    ]
    name = next(name for pattern, name in names if re.match(pattern, path))
    return f"{name} ({'EN' if path.startswith('/en/') else 'DE'})" if name != "sitemap" else name


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
    run([*command, "-d1s", url], {"PATH": os.environ["PATH"]})
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


def render(rows, baseline, options):
    lines = [
        "# Benchmark",
        "",
        f"{options.members:,} members, {options.events:,} events; gunicorn with 2 sync workers, DEBUG=false, "
        f"PostgreSQL, Redis cache; wrk with {options.connections} connections, {options.duration} s, "
        f"median of {options.repetitions}. Made by `make bench` (bench/run.py).",
        "",
        "| page | who | requests/s | × baseline | p50 ms | p99 ms | p99 × baseline | queries | bytes | failed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _path, who, result, counted in rows:
        status, queries, size = counted or (None, "", "")
        lines.append(
            f"| {name} | {who} | {result['rps']:.0f} | {result['rps'] / baseline['rps']:.2f} | {result['p50']:.1f} "
            f"| {result['p99']:.1f} | {result['p99'] / baseline['p99']:.1f} | {queries} | {size} "
            f"| {result['failures'] + (0 if status in (None, 200) else 1)} |"
        )
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
