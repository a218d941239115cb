"""Every email the portal writes, each in German and in English: multipart (the plain text and
the same words as HTML in the portal's design), in its reader's language with no word of the
other, and every link an absolute address of the portal (PORTAL_URL).

Each mail is caused as it is in life: by the background task its service queues (which the
tests run at once), or by allauth's pages. A scenario returns the addresses outside the portal
its mail may name. A new email template without a scenario here fails
`test_every_email_template_has_a_scenario`."""

import re
from datetime import timedelta
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.test.signals import template_rendered
from django.utils import timezone, translation

from core.tests.browser import german_in
from core.tests.support import LocalWebsite
from desks import tasks as desk_tasks
from desks.tests.factories import DeskBookingFactory, DeskSpaceFactory
from events import tasks as event_tasks
from events.models import CalendarFeed, Event, EventReport
from events.tests.factories import EventFactory, RegistrationFactory
from hubs.tests.factories import HubFactory
from introductions import tasks as introduction_tasks
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory
from members.models import Membership, Profile
from members.tests.factories import AgencyStaffFactory, MembershipFactory, ProfileFactory, UserFactory
from partners import tasks as partner_tasks
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PORTAL = "https://digital-hubs.example.org"
READER = "leserin@example.org"
PASSWORD = "Hub-Portal 2026 safe!"


def reader(language, **profile):
    """The person the mail is for, who last used the portal in `language`, with a profile."""
    return ProfileFactory(user=UserFactory(email=READER, language=language), **profile).user


def manager_of(hub, language):
    user = reader(language)
    MembershipFactory(user=user, hub=hub, role=Membership.Role.MANAGER)
    return user


def an_event(**fields):
    """An event in both languages, so that each reader reads it in theirs."""
    return EventFactory(
        title_de="Hafen-Meetup",
        title_en="Harbour meetup",
        description_en="An evening at the port.",
        **fields,
    )


# What causes each email, for a reader of `language` (the client is for allauth's pages).


def event_submitted(client, language):
    event = an_event(status=Event.Status.SUBMITTED)
    manager_of(event.hub, language)
    event_tasks.notify_moderators.call(event_id=event.pk)


def event_published(client, language):
    event = an_event(organiser=reader(language))
    event_tasks.notify_organiser.call(event_id=event.pk, template="events/email/published")


def event_rejected(client, language):
    event = an_event(organiser=reader(language), status=Event.Status.REJECTED, rejection_reason="Doppelt.")
    event_tasks.notify_organiser.call(event_id=event.pk, template="events/email/rejected")


def event_cancelled(client, language):
    event = an_event(status=Event.Status.CANCELLED)
    RegistrationFactory(event=event, user=reader(language))
    event_tasks.notify_cancellation.call(event_id=event.pk)


def seat_confirmed(client, language):
    registration = RegistrationFactory(event=an_event(), user=reader(language))
    event_tasks.notify_registration.call(registration_id=registration.pk)


def place_on_the_waitlist(client, language):
    registration = RegistrationFactory(event=an_event(), user=reader(language), status="waitlisted")
    event_tasks.notify_registration.call(registration_id=registration.pk)


def event_reported(client, language):
    event = an_event()
    manager_of(event.hub, language)
    report = EventReport.objects.create(event=event, reporter=UserFactory(), reason="spam", note="Werbung.")
    event_tasks.notify_moderators_of_report.call(report_id=report.pk)


def calendar_imported(client, language):
    hub = HubFactory()
    manager_of(hub, language)
    start = timezone.localtime() + timedelta(days=5)
    website = LocalWebsite()
    try:
        ics = "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Hafen//Kalender//DE",
                "BEGIN:VEVENT",
                "UID:meetup@hafen",
                f"DTSTAMP:{timezone.now():%Y%m%dT%H%M%SZ}",
                f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT180000}",
                f"DTEND;TZID=Europe/Berlin:{start:%Y%m%dT200000}",
                "SUMMARY:Hafen-Meetup",
                "LOCATION:Am Kai 1\\, Hamburg",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        )
        feed = CalendarFeed.objects.create(hub=hub, url=website.put("/kalender.ics", ics.encode()))
        # This machine's loopback stands in for the hub's website.
        with override_settings(CALENDAR_IMPORT_PRIVATE_ADDRESSES=True):
            event_tasks.import_calendar_feed.call(feed_id=feed.pk)
    finally:
        website.close()
    return [feed.url]  # the mail names the calendar it read


def introduction(status=Introduction.Status.REQUESTED, **fields):
    """A request between two members with profiles, which the agency reviews (no hub)."""
    people = {
        "requester": ProfileFactory(display_name="Ivo Investor").user,
        "recipient": ProfileFactory(display_name="Fiona Gründerin").user,
    }
    return IntroductionFactory(**{**people, **fields}, status=status)


def introduction_to_review(client, language, *, reminder=False):
    AgencyStaffFactory(email=READER, language=language)
    request = introduction()
    if reminder:
        introduction_tasks.remind.call(introduction_id=request.pk)
    else:
        introduction_tasks.notify_brokers.call(introduction_id=request.pk)


def told_to_requester(status, **fields):
    def scenario(client, language):
        request = introduction(status, requester=reader(language), hub_message="Wozu genau?", **fields)
        introduction_tasks.tell_requester.call(introduction_id=request.pk)

    return scenario


def more_info_reminder(client, language):
    request = introduction(Introduction.Status.MORE_INFO, requester=reader(language), hub_message="Wozu?")
    introduction_tasks.remind.call(introduction_id=request.pk)


def asked(client, language, *, reminder=False):
    request = introduction(Introduction.Status.APPROVED, recipient=reader(language), approved=timezone.now())
    task = introduction_tasks.remind if reminder else introduction_tasks.ask_recipient
    task.call(introduction_id=request.pk)


def accepted(client, language):
    request = introduction(Introduction.Status.ACCEPTED, requester=reader(language), answered=timezone.now())
    introduction_tasks.share_contacts.call(introduction_id=request.pk)


def outcome(client, language):
    request = introduction(Introduction.Status.ACCEPTED, requester=reader(language), answered=timezone.now())
    introduction_tasks.ask_outcome.call(introduction_id=request.pk)


def desk_booked(client, language):
    founder = reader(language, member_type=Profile.MemberType.FOUNDER, startup_name="Hafenbits")
    space = DeskSpaceFactory(name_en="Coworking at the port", house_rules_en="Please sign in at reception.")
    booking = DeskBookingFactory(space=space, user=founder)
    desk_tasks.confirm_booking.call(booking_ids=[booking.pk])


def desk_reminder(client, language):
    founder = reader(language, member_type=Profile.MemberType.FOUNDER, startup_name="Hafenbits")
    booking = DeskBookingFactory(user=founder, day=timezone.localdate() + timedelta(days=1))
    desk_tasks.remind_booking.call(booking_id=booking.pk)


def organisation_submitted(client, language):
    hub = HubFactory()
    manager_of(hub, language)
    organisation = OrganisationFactory(
        hub=hub, status=Organisation.Status.SUBMITTED, proposed_by=UserFactory()
    )
    partner_tasks.notify_reviewers.call(organisation_id=organisation.pk)


def organisation_decided(status, **fields):
    def scenario(client, language):
        organisation = OrganisationFactory(status=status, proposed_by=reader(language), **fields)
        partner_tasks.notify_proposer.call(organisation_id=organisation.pk)

    return scenario


def on_allauth_page(client, language, path, data):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    client.post(f"{prefix}{path}", data)


def signed_up(client, language):
    on_allauth_page(
        client, language, "/accounts/signup/", {"email": READER, "password1": PASSWORD, "password2": PASSWORD}
    )


def signed_up_again(client, language):
    UserFactory(email=READER)
    signed_up(client, language)


def asked_to_confirm_another_address(client, language):
    client.force_login(UserFactory(email="vorher@example.org"))
    on_allauth_page(client, language, "/accounts/email/", {"email": READER, "action_add": ""})


def password_reset(client, language):
    UserFactory(email=READER)
    on_allauth_page(client, language, "/accounts/password/reset/", {"email": READER})


def password_reset_of_an_unknown_address(client, language):
    on_allauth_page(client, language, "/accounts/password/reset/", {"email": READER})


Status = Introduction.Status
SCENARIOS = {
    "events/email/submitted.txt": event_submitted,
    "events/email/published.txt": event_published,
    "events/email/rejected.txt": event_rejected,
    "events/email/cancelled.txt": event_cancelled,
    "events/email/registered.txt": seat_confirmed,
    "events/email/waitlisted.txt": place_on_the_waitlist,
    "events/email/reported.txt": event_reported,
    "events/email/imported.txt": calendar_imported,
    "introductions/email/review.txt": introduction_to_review,
    "introductions/email/review_reminder.txt": lambda client, language: introduction_to_review(
        client, language, reminder=True
    ),
    "introductions/email/more_info.txt": told_to_requester(Status.MORE_INFO),
    "introductions/email/more_info_reminder.txt": more_info_reminder,
    "introductions/email/declined_by_hub.txt": told_to_requester(Status.DECLINED_BY_HUB),
    "introductions/email/approved.txt": told_to_requester(Status.APPROVED, approved=timezone.now()),
    "introductions/email/declined.txt": told_to_requester(Status.DECLINED, answered=timezone.now()),
    "introductions/email/expired.txt": told_to_requester(Status.EXPIRED),
    "introductions/email/asked.txt": asked,
    "introductions/email/asked_reminder.txt": lambda client, language: asked(client, language, reminder=True),
    "introductions/email/accepted.txt": accepted,
    "introductions/email/outcome.txt": outcome,
    "desks/email/booked.txt": desk_booked,
    "desks/email/reminder.txt": desk_reminder,
    "partners/email/submitted.txt": organisation_submitted,
    "partners/email/published.txt": organisation_decided(Organisation.Status.PUBLISHED),
    "partners/email/rejected.txt": organisation_decided(
        Organisation.Status.REJECTED, rejection_reason="Kein Bezug."
    ),
    "account/email/email_confirmation_signup_message.txt": signed_up,
    "account/email/account_already_exists_message.txt": signed_up_again,
    "account/email/email_confirmation_message.txt": asked_to_confirm_another_address,
    "account/email/password_reset_key_message.txt": password_reset,
    "account/email/unknown_account_message.txt": password_reset_of_an_unknown_address,
}


def test_every_email_template_has_a_scenario():
    portal_templates = {
        str(path.relative_to(settings.BASE_DIR / "templates"))
        for path in (settings.BASE_DIR / "templates").glob("*/email/*.txt")
        if not path.name.endswith("_subject.txt")
    }

    assert portal_templates <= set(SCENARIOS), portal_templates - set(SCENARIOS)


@pytest.fixture
def rendered():
    """The names of the templates rendered meanwhile."""
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("template", SCENARIOS)
def test_the_email_is_multipart_in_the_readers_language_with_links_to_the_portal(
    client, rendered, template, language
):
    named_elsewhere = SCENARIOS[template](client, language) or []

    assert template in rendered
    [message] = [message for message in mail.outbox if message.to == [READER]]
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert message.subject.startswith("[Digital Hubs] ")
    assert f'<html lang="{language}">' in html
    for link in re.findall(r'href="([^"]+)"', html):
        assert link.startswith((PORTAL, "mailto:", *named_elsewhere)), link
    for address in re.findall(r"https?://[^\s<>]+", message.body):
        assert address.startswith((PORTAL, *named_elsewhere)), address
    words = " ".join([message.subject, message.body, re.sub(r"<[^>]+>", " ", html)])
    if language == "en":
        assert german_in(words) == []
    else:
        assert english_in(words) == []


def english_in(text: str) -> list[str]:
    """The English originals of the German catalogue that stand in `text` although their
    German differs (a string the mail forgot to translate)."""
    return [phrase for phrase in english_originals() if phrase in text]


@cache
def english_originals() -> frozenset[str]:
    """The msgids' phrases between placeholders, long enough to tell, whose German differs."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    phrases = {
        phrase.strip(" .,:;()")
        for entry in catalogue.translated_entries()
        if entry.msgstr != entry.msgid
        for phrase in re.split(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]*>|\n", entry.msgid)
    }
    return frozenset(phrase for phrase in phrases if len(phrase) >= 20)


def test_the_reader_reads_the_mail_in_their_language_whatever_the_language_of_the_sender():
    with translation.override("en"):
        place_on_the_waitlist(None, "de")

    [message] = mail.outbox
    assert "Warteliste" in message.body
