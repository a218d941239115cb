"""Fixtures shared by every app's tests: one world of hubs and people in every role, used by
all apps (hubportal/tests/worlds.py offers the same world as a dictionary for the access
matrices), the hub network as seed_hubs loads it, and the browser."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

pytest_plugins = ["hubportal.tests.worlds"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# One world: the hub Hamburg with a member and a manager, the hub Berlin with the same,
# agency staff (the agency group) and a superuser.


@pytest.fixture
def hub():
    from hubs.tests.factories import HubFactory

    return HubFactory(slug="hamburg", name_de="Hamburg")


@pytest.fixture
def other_hub():
    from hubs.tests.factories import HubFactory

    return HubFactory(slug="berlin", name_de="Berlin")


def person_in(hub, name, role=None):
    from members.models import Membership
    from members.tests.factories import MembershipFactory, ProfileFactory

    user = ProfileFactory(display_name=name).user
    MembershipFactory(user=user, hub=hub, role=role or Membership.Role.MEMBER)
    return user


@pytest.fixture
def member(hub):
    """A member of the Hamburg hub, with a profile."""
    return person_in(hub, "Anna Mitglied")


@pytest.fixture
def manager(hub):
    from members.models import Membership

    return person_in(hub, "Maria Managerin", Membership.Role.MANAGER)


@pytest.fixture
def other_member(other_hub):
    return person_in(other_hub, "Otto Anderswo")


@pytest.fixture
def other_manager(other_hub):
    from members.models import Membership

    return person_in(other_hub, "Bernd Anderer", Membership.Role.MANAGER)


@pytest.fixture
def agency():
    from members.tests.factories import AgencyStaffFactory

    return AgencyStaffFactory()


@pytest.fixture
def superuser():
    from members.tests.factories import StaffFactory

    return StaffFactory()


@pytest.fixture
def network():
    """The twelve hubs of the network, as seed_hubs loads them."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_hubs", stdout=StringIO())


@pytest.fixture(autouse=True)
def german_by_default(settings):
    """Every test starts in the default language, like a first-time visitor."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """allauth counts attempts for its rate limits in the cache: every test starts afresh."""
    from django.core.cache import cache

    from hubs import reference

    cache.clear()
    reference.forget()


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(Path(settings.MEDIA_ROOT), ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it with apt.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the Django ORM calls the
    # tests make around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing; `make test` installs it with npm.")
        pytest.skip("axe-core is not installed (npm ci)")
    return AXE.read_text()


@pytest.fixture
def page_problems(axe_source):
    """What a person would trip over on the page, readable: controls that something else covers
    (a click or tap would miss them), German on an English page, and axe-core's WCAG 2.1 A/AA
    violations."""
    from core.tests.browser import covered_controls, english_text, german_in

    def check(page):
        problems = covered_controls(page)
        if page.evaluate("document.documentElement.lang") == "en":  # the quarterly report is German anywhere
            problems += [f"German on an English page: {phrase}" for phrase in german_in(english_text(page))]
        # Through the DevTools protocol, as a console would: the page's CSP forbids inline scripts.
        page.context.new_cdp_session(page).send("Runtime.evaluate", {"expression": axe_source})
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
        )
        return problems + [
            f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
            for violation in result["violations"]
        ]

    return check


@pytest.fixture
def phone_problems(page_problems):
    """For pages seen at a phone's 360 pixels: what a person would trip over, after checking
    that nothing is wider than the screen."""

    def check(page):
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            pytest.fail(f"{page.url} is wider than a phone's 360 pixels")
        return page_problems(page)

    return check


@pytest.fixture
def way():
    """How the person in a browser test works the page: with a mouse at a desk, unless a
    journey parametrizes it with every one of core.tests.browser.WAYS."""
    return "mouse"


@pytest.fixture
def page(browser, live_server, settings, way):
    """A browser tab on the live server, on the device of `way` (a phone for touch); the test
    fails when the Content-Security-Policy refuses anything the pages it visited asked for."""
    from core.tests.browser import DEVICES

    settings.PORTAL_URL = live_server.url  # links in emails lead to the live server
    context = browser.new_context(base_url=live_server.url, locale="de-DE", **DEVICES[way])
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    if violations:
        pytest.fail(f"the Content-Security-Policy refused what a page asked for: {violations}")


@pytest.fixture
def hand(page, way):
    """Presses the page's buttons and follows its links the way of the test (see Hand)."""
    from core.tests.browser import Hand

    return Hand(page, way)


@pytest.fixture
def smtp_sink():
    """A real SMTP server on loopback, not yet started (see core.tests.support.SmtpSink)."""
    from core.tests.support import SmtpSink

    sink = SmtpSink()
    yield sink
    sink.stop()
