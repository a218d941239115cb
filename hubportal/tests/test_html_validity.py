"""Valid HTML everywhere: the Nu Html Checker (the W3C validator, npm's vnu-jar) finds no error
on any page of the site, in both languages, for the visitor who may see it, nor on the forms
shown back with their errors, nor on the error pages.

Every GET route of the site's access matrix is rendered (a new route is there, or its test
fails), plus the states a page only has with content: lists with cards, an event with a
waiting list, a cancelled event, forms with errors. All documents are checked in one run of
the checker (it needs Java; CI installs it).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from conftest import person_in
from core.tests.access import OK, ROLES
from core.tests.support import PROJECT
from events.models import Event
from events.tests.factories import EventFactory, RegistrationFactory
from hubs.tests.factories import FocusThemeFactory
from introductions.tests.conftest import make_founder, make_investor
from introductions.tests.factories import IntroductionFactory
from members.models import Profile
from members.tests.factories import MembershipFactory, ProfileFactory
from pages.models import News
from partners.models import Affiliation, Organisation
from partners.tests.factories import AffiliationFactory, OrganisationFactory

from .test_site_access import MATRIX

pytestmark = pytest.mark.django_db

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def checker():
    java = shutil.which("java")
    if not (java and VNU.exists()):
        if os.environ.get("CI"):
            pytest.fail("The Nu Html Checker needs Java and npm's vnu-jar; .ci/run installs both.")
        pytest.skip("the Nu Html Checker needs Java and `npm ci` (vnu-jar)")

    def check(documents: dict[str, bytes], directory: Path) -> list[str]:
        files = {}
        for number, (label, content) in enumerate(documents.items()):
            path = directory / f"{number:03d}.html"
            path.write_bytes(content)
            files[str(path.resolve())] = label
        result = subprocess.run(  # noqa: S603 - a fixed command on files of our own
            [
                java,
                "-jar",
                str(VNU),
                "--errors-only",
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, files),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return [
            f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}, "
            f"line {message.get('lastLine')}: "
            f"{message['message']} [{message.get('extract', '').strip()}]"
            for message in json.loads(result.stderr)["messages"]
        ]

    return check


@pytest.fixture
def site_with_content(site, hub, member, other_member):
    """The access matrix's site (conftest), and what makes pages show all they can: a full event
    with a waiting list and a co-host, a cancelled one, news for a hub, public profiles."""
    full = EventFactory(
        hub=hub, slug="voll", capacity=1, waitlist=True, cohosts=[other_member.memberships.get().hub]
    )
    RegistrationFactory(event=full, user=other_member)
    RegistrationFactory(event=full, user=member)  # on the waiting list
    EventFactory(hub=hub, slug="abgesagt", status=Event.Status.CANCELLED)
    EventFactory(  # read in German with a note and `lang`
        hub=hub,
        slug="english",
        title_de="",
        description_de="",
        title_en="Demo night",
        description_en="In English.",
    )
    for colleague in ProfileFactory.create_batch(3, visibility=Profile.Visibility.PUBLIC):
        MembershipFactory(user=colleague.user, hub=hub)
    news = News.objects.get(slug="neu")
    news.body_de = "## Neu im Netzwerk\n\n- eins\n- zwei\n\n[Mehr](https://example.org)"
    news.save()
    news.hubs.add(hub)
    partner = Organisation.objects.get(slug="partner")
    partner.description_en = "In English"
    partner.save()
    AffiliationFactory(organisation=partner, user=other_member)
    AffiliationFactory(organisation=partner, user=member, role=Affiliation.Role.TEAM)
    Profile.objects.filter(user=other_member).update(startup_name="Spreebits")  # may book Hamburg's desks
    # Matchmaking: the member, a founder looking for funding, fits a Hamburg investor and a fund;
    # the investor asked the member for an introduction, approved, and an earlier one was accepted.
    theme = FocusThemeFactory(name_de="FinTech")
    make_founder(member, themes=[theme])
    investor = make_investor(person_in(hub, "Ines Investorin"), themes=[theme])
    Profile.objects.filter(user=investor).update(visibility=Profile.Visibility.PUBLIC, slug="ines")
    OrganisationFactory(name="Beispiel Kapital", kind=Organisation.Kind.INVESTOR, focus_themes=[theme])
    IntroductionFactory(
        pk=4344, requester=investor, recipient=member, hub=hub, status="approved", approved=timezone.now()
    )
    IntroductionFactory(
        pk=4345,
        requester=investor,
        recipient=member,
        hub=hub,
        status="accepted",
        approved=timezone.now(),
        answered=timezone.now(),
    )
    return site


def in_both_languages(name, arguments):
    for language in ("de", "en"):
        with translation.override(language):
            yield language, reverse(name, kwargs=arguments)


def test_every_page_is_valid_html(client, site_with_content, checker, tmp_path):
    site = site_with_content
    documents = {}

    def render(label, response):
        if response["Content-Type"].startswith("text/html"):
            documents[label] = response.content

    for name, method, arguments, expected in MATRIX:
        if method != "GET" or OK not in expected:
            continue
        role = ROLES[expected.index(OK)]
        for language, url in in_both_languages(name, arguments):
            client.logout()
            if site[role]:
                client.force_login(site[role])
            render(f"{url} as {role}", client.get(url, HTTP_ACCEPT_LANGUAGE=language))

    client.force_login(site["member"])
    for slug in ("voll", "abgesagt", "english"):
        for _language, url in in_both_languages("events:detail", {"slug": slug}):
            render(f"{url} as member", client.get(url))
    for _language, url in in_both_languages("events:create", {}):
        render(
            f"{url} with errors",
            client.post(
                url,
                {"title_de": "", "start": "kein Datum", "series-frequency": "daily", "series-skipped": "x"},
            ),
        )
        render(f"{url} with a half English version", client.post(url, {"title_en": "Only a title"}))
    for _language, url in in_both_languages("formats:outcome", {"slug": "past"}):
        render(f"{url} with errors", client.post(url, {"attendance": "viele", "materials": "ablauf.pdf"}))
    for _language, url in in_both_languages("formats:run", {"slug": "hafen-pitch"}):
        render(f"{url} with errors", client.post(url, {"title_de": "", "start": "morgen"}))
    for _language, url in in_both_languages("search", {}):
        render(f"{url} with results", client.get(url, {"q": "Veranstaltung"}))
        render(f"{url} with an empty search", client.get(url, {"q": ""}))
    for _language, url in in_both_languages("partners:propose", {}):
        render(f"{url} with errors", client.post(url, {"name": "", "website": "nope", "kind": "castle"}))
    for _language, url in in_both_languages("partners:detail", {"slug": "partner"}):
        render(f"{url} as a linked member", client.get(url))
    client.force_login(site["manager"])
    for _language, url in in_both_languages("partners:detail", {"slug": "proposal"}):
        render(f"{url} as its reviewer", client.get(url))
    client.force_login(site["other_member"])
    for _language, url in in_both_languages("desks:detail", {"slug": "hafen-desks"}):
        render(f"{url} as a founder with a booking", client.get(url))
    for _language, url in in_both_languages("desks:book", {"slug": "hafen-desks"}):
        render(f"{url} with errors", client.post(url, {"first": "morgen", "last": "2020-01-01"}))
    client.force_login(site["other_member"])
    for _language, url in in_both_languages("events:report", {"slug": "published"}):
        render(f"{url} with errors", client.post(url, {"reason": "boring", "note": "x"}))
    client.post(reverse("events:report", kwargs={"slug": "published"}), {"reason": "spam", "note": "Werbung"})
    client.force_login(site["manager"])
    for _language, url in in_both_languages("events:detail", {"slug": "published"}):
        render(f"{url} with a report, as its moderator", client.get(url))
    for _language, url in in_both_languages("events:moderation", {}):
        render(f"{url} with a report", client.get(url))
    client.force_login(site["manager"])
    for _language, url in in_both_languages("introductions:detail", {"pk": 4344}):
        assert client.get(url).status_code == 200
        render(f"{url} as reviewer of an approved request", client.get(url))
    for _language, url in in_both_languages("introductions:decline", {"pk": 4343}):
        render(f"{url} with errors", client.post(url, {"decline-message": ""}))
    for _language, url in in_both_languages("introductions:counts", {}):
        render(f"{url} with errors", client.get(url, {"year": "letztes"}))
    client.force_login(site["member"])
    for pk in (4344, 4345):
        for _language, url in in_both_languages("introductions:detail", {"pk": pk}):
            render(f"{url} as its recipient", client.get(url))
    for _language, url in in_both_languages("introductions:ask", {"slug": "ines"}):
        render(f"{url} with errors", client.post(url, {"note": ""}))
    for _language, url in in_both_languages("members:profile_edit", {}):
        render(f"{url} with errors", client.post(url, {"display_name": "", "website": "nope"}))
    client.logout()
    for _language, url in in_both_languages("account_signup", {}):
        render(f"{url} with errors", client.post(url, {"email": "nope", "password1": "x", "password2": "y"}))
    for _language, url in in_both_languages("account_login", {}):
        render(f"{url} with errors", client.post(url, {"login": "nobody@example.org", "password": "wrong"}))
    for path in ("/gibt-es-nicht/", "/en/gibt-es-nicht/"):
        render(f"{path} (404)", client.get(path))
    render("/events/?page=999 (404)", client.get("/events/?page=999"))

    assert len(documents) > 80
    errors = checker(documents, tmp_path)
    assert not errors, "\n".join(errors)
