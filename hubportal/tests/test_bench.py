"""`make bench` works: a tiny run of bench/run.py, start to finish, as CI can afford it.

The numbers of a run this small, on a machine busy with the suite, say nothing; the run proves
that the benchmark seeds its database, serves every page through gunicorn with a 200 for
anonymous visitors and a member, and writes its table.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from core.tests.support import free_port
from hubportal.database import connect_to_server

from .test_query_budgets import DASHBOARD, LOGGED_IN, SUGGESTIONS

PROJECT = Path(__file__).resolve().parents[2]
BENCH_CACHE_URL = "redis://127.0.0.1:6379/12"

pytestmark = pytest.mark.production


@pytest.fixture
def bench_database():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the benchmark runs on PostgreSQL: set DATABASE_URL")
    if not shutil.which("wrk"):
        if os.environ.get("CI"):
            pytest.fail("wrk is missing; .ci/run installs it with apt.")
        pytest.skip("wrk is not installed (apt-get install wrk)")
    try:
        redis.Redis.from_url(BENCH_CACHE_URL).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    url = urlsplit(os.environ["DATABASE_URL"])
    database = f"{url.path.lstrip('/')}_bench_{os.getpid()}"
    yield urlunsplit(url._replace(path=f"/{database}"))
    server = connect_to_server(os.environ["DATABASE_URL"])
    server.autocommit = True
    server.cursor().execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    server.close()


def test_a_tiny_benchmark_measures_every_page_and_writes_its_table(bench_database, tmp_path):
    results = tmp_path / "RESULTS.md"
    command = [
        sys.executable,
        "bench/run.py",
        *("--members", "300", "--events", "60"),
        *("--duration", "1", "--warmup", "0", "--repetitions", "1", "--connections", "2"),
        *("--port", str(free_port()), "--output", str(results), "--no-lighthouse"),
    ]
    environment = {**os.environ, "BENCH_DATABASE_URL": bench_database, "BENCH_CACHE_URL": BENCH_CACHE_URL}
    finished = subprocess.run(  # noqa: S603 - a fixed command
        command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=600, check=False
    )

    assert finished.returncode == 0, finished.stdout + finished.stderr
    table = results.read_text()
    pages, _scans, admin = split_at(table, "## Sequential scans over the big tables", "## Admin")
    rows = table_rows(pages)
    measured = {(row[0], row[1]) for row in rows}
    assert ("trivial view (baseline)", "anonymous") in measured
    for who in ("anonymous", "member"):
        for page in (
            "home (DE)",
            "event list (EN)",
            "member directory (DE)",
            "profile (EN)",
            "news item (DE)",
        ):
            assert (page, who) in measured
    assert ("sitemap file (events)", "anonymous") in measured
    assert {("dashboard (DE)", "member"), ("suggestions (EN)", "member")} <= measured
    assert all(row[-1] != "" and "failed" not in row[-1] for row in rows), table
    # At most 5 queries a page; the pages made of parts as test_query_budgets allows them (a hub
    # page with its events, members, partners and desks; the sitemap index, a summary a section).
    # A member's own pages as test_query_budgets allows them, with the session and the account.
    parts = {"hub page (DE)": 7, "hub page (EN)": 7, "sitemap index": 7}
    parts |= {f"suggestions ({language})": SUGGESTIONS + LOGGED_IN for language in ("DE", "EN")}
    parts |= {f"dashboard ({language})": DASHBOARD + LOGGED_IN for language in ("DE", "EN")}
    too_many = [(row[0], row[1], row[-3]) for row in rows if int(row[-3]) > parts.get(row[0], 5)]
    assert too_many == [], f"queries per page: {too_many}"
    changelists = table_rows(admin)
    assert {(row[0], row[1]) for row in changelists} >= {
        ("events", "agency"),
        ("memberships, searched", "hub manager"),
        ("introduction requests (site)", "hub manager"),
        ("introductions per hub (site)", "agency"),
    }
    assert all(row[-1] != "failed" for row in changelists), admin


def split_at(text, *headings):
    parts = []
    for heading in headings:
        before, text = text.split(heading)
        parts.append(before)
    return [*parts, text]


def table_rows(text):
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith(("| page ", "| changelist ", "| ---"))
    ]
