"""Mail goes through the task queue: no request waits on the mail server, a server that is
down delays mails instead of failing pages, and links in mails lead to the portal's address.

These tests run mail as production does: tasks stored in the database, the worker command
taking them, SMTP to a real server on loopback (aiosmtpd) that starts late when the test
plays an outage."""

import re

import icalendar
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from events.tests.factories import EventFactory
from members.models import User
from members.tests.factories import ProfileFactory, UserFactory

PASSWORD_FOR_NEW_ACCOUNTS = "Stadt-Land-Fluss-42"


@pytest.fixture
def mail_as_in_production(settings, smtp_sink):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_TIMEOUT = 5
    settings.MAIL_RETRY_DELAYS = [0, 0, 0]
    return smtp_sink


def run_worker(*, max_tasks=None):
    arguments = ["--batch", "--no-startup-delay", "--no-reload"]
    if max_tasks:
        arguments += ["--max-tasks", str(max_tasks)]
    call_command("db_worker", *arguments, verbosity=0)


def sign_up(client, email, **headers):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD_FOR_NEW_ACCOUNTS, "password2": PASSWORD_FOR_NEW_ACCOUNTS},
        **headers,
    )


@pytest.mark.django_db(transaction=True)
def test_sign_up_while_the_mail_server_is_down_completes_and_the_mail_follows(client, mail_as_in_production):
    sink = mail_as_in_production

    response = sign_up(client, "neu@example.org")

    assert response.status_code == 302
    assert User.objects.filter(email="neu@example.org").count() == 1
    assert not EmailAddress.objects.get(email="neu@example.org").verified

    run_worker(max_tasks=1)  # the server is still down: the mail waits for another attempt
    assert sink.messages == []
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    sink.start()  # the server is back
    run_worker()

    assert [message["To"] for message in sink.messages] == ["neu@example.org"]
    body = sink.messages[0].get_body(("plain",)).get_content()
    link = re.search(r"https://digital-hubs\.example\.org(/accounts/confirm-email/\S+/)", body)
    assert link, body
    confirmation = client.post(link.group(1))
    assert confirmation.status_code == 302
    assert EmailAddress.objects.get(email="neu@example.org").verified


@pytest.mark.django_db(transaction=True)
def test_password_reset_while_the_mail_server_is_down_answers_normally(client, mail_as_in_production):
    UserFactory(email="anna@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})

    assert response.status_code == 302
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


@pytest.mark.django_db(transaction=True)
def test_registration_mail_arrives_through_the_worker_with_its_calendar_entry(client, mail_as_in_production):
    sink = mail_as_in_production
    sink.start()
    event = EventFactory(title_de="Pitch Night")
    member = ProfileFactory().user
    client.force_login(member)

    client.post(reverse("events:register", kwargs={"slug": event.slug}))
    assert sink.messages == []  # nothing is sent within the request
    run_worker()

    [message] = sink.messages
    assert message["To"] == member.email
    assert "Pitch Night" in message["Subject"]
    [attachment] = list(message.iter_attachments())
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    assert [str(component["summary"]) for component in calendar.walk("VEVENT")] == ["Pitch Night"]


@pytest.mark.django_db(transaction=True)
def test_mail_the_server_keeps_refusing_is_given_up_and_logged(client, mail_as_in_production, caplog):
    UserFactory(email="anna@example.org")
    client.post(reverse("account_reset_password"), {"email": "anna@example.org"})

    run_worker()  # every attempt fails: three retries, then the task fails

    results = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [result.status for result in results] == [TaskResultStatus.SUCCESSFUL] * 3 + [
        TaskResultStatus.FAILED
    ]
    assert "Giving up on the email" in caplog.text


@pytest.mark.django_db
def test_links_in_account_mails_lead_to_the_portal_whatever_the_host_header(client, settings):
    settings.ALLOWED_HOSTS = ["digital-hubs.example.org", "other.example.org"]
    UserFactory(email="anna@example.org")

    client.post(
        reverse("account_reset_password"), {"email": "anna@example.org"}, HTTP_HOST="other.example.org"
    )

    [message] = mail.outbox
    assert "other.example.org" not in message.body
    assert "https://digital-hubs.example.org/accounts/password/reset/key/" in message.body


@pytest.mark.django_db
def test_sign_up_mail_for_a_known_address_links_to_the_portal(client, settings):
    settings.ALLOWED_HOSTS = ["digital-hubs.example.org", "other.example.org"]
    UserFactory(email="anna@example.org")

    sign_up(client, "anna@example.org", HTTP_HOST="other.example.org")

    [message] = mail.outbox
    assert "other.example.org" not in message.body
    assert "https://digital-hubs.example.org/accounts/" in message.body
