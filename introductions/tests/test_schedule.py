"""The daily schedule: whoever a step waits for is reminded once after a week, the step expires
after two weeks, and a month after acceptance both sides are asked what came of it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from introductions import services
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory

pytestmark = pytest.mark.django_db
Status = Introduction.Status


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def run():
    output = StringIO()
    call_command("run_introduction_schedule", stdout=output)
    return output.getvalue()


def test_a_week_of_waiting_reminds_the_hub_once(request_to_investor, manager, mailoutbox):
    Introduction.objects.update(waiting_since=days_ago(8))

    assert run() == "1 reminded, 0 expired, 0 asked for the outcome.\n"
    assert [mail.to for mail in mailoutbox] == [[manager.email]]
    assert mailoutbox[0].subject.endswith("Erinnerung: Anna Mitglied bittet um eine Vorstellung")

    assert run().startswith("0 reminded")
    assert len(mailoutbox) == 1


def test_the_recipient_is_reminded_of_an_approved_request(approved, investor, mailoutbox):
    mailoutbox.clear()
    Introduction.objects.update(waiting_since=days_ago(8))

    run()

    assert [mail.to for mail in mailoutbox] == [[investor.email]]
    assert "Erinnerung: Anna Mitglied möchte Sie kennenlernen" in mailoutbox[0].subject


def test_the_requester_is_reminded_of_the_hubs_question(request_to_investor, manager, founder, mailoutbox):
    services.ask_for_more(introduction=request_to_investor, moderator=manager, question="Welche Runde?")
    mailoutbox.clear()
    Introduction.objects.update(waiting_since=days_ago(8))

    run()

    assert [mail.to for mail in mailoutbox] == [[founder.email]]
    assert "Welche Runde?" in mailoutbox[0].body


def test_a_new_step_may_be_reminded_again(request_to_investor, manager, mailoutbox):
    Introduction.objects.update(waiting_since=days_ago(8))
    run()

    services.approve_introduction(introduction=request_to_investor, moderator=manager)
    Introduction.objects.update(waiting_since=days_ago(8))

    assert run().startswith("1 reminded")


def test_two_weeks_of_waiting_expire_the_request_and_the_requester_is_told(
    request_to_investor, founder, mailoutbox
):
    Introduction.objects.update(waiting_since=days_ago(15))

    assert run() == "0 reminded, 1 expired, 0 asked for the outcome.\n"

    request_to_investor.refresh_from_db()
    assert request_to_investor.status == Status.EXPIRED
    assert request_to_investor.history.latest().history_change_reason == "introduction.expired"
    assert [mail.to for mail in mailoutbox] == [[founder.email]]
    assert "abgelaufen" in mailoutbox[0].subject


def test_settled_requests_neither_expire_nor_are_reminded(founder, investor, hub, mailoutbox):
    for status in [Status.DECLINED, Status.DECLINED_BY_HUB, Status.WITHDRAWN, Status.EXPIRED]:
        IntroductionFactory(
            requester=founder, recipient=investor, hub=hub, status=status, waiting_since=days_ago(40)
        )

    assert run() == "0 reminded, 0 expired, 0 asked for the outcome.\n"
    assert mailoutbox == []


def test_a_month_after_acceptance_both_are_asked_once(accepted, founder, investor, mailoutbox):
    mailoutbox.clear()
    Introduction.objects.update(answered=days_ago(29))
    assert run().endswith("0 asked for the outcome.\n")

    Introduction.objects.update(answered=days_ago(31))
    assert run().endswith("1 asked for the outcome.\n")
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([founder.email, investor.email])
    assert all(f"/introductions/{accepted.pk}/#outcome" in mail.body for mail in mailoutbox)

    assert run().endswith("0 asked for the outcome.\n")
