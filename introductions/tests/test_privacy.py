"""Requests and outcomes in the data export; deleting an account leaves only counts, without
the name and without what was written; the Datenschutz page explains it."""

import json

import pytest
from django.urls import reverse

from introductions.models import HiddenSuggestion, Introduction, Outcome
from introductions.tests.factories import IntroductionFactory
from members.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_export_contains_requests_made_and_received_and_outcomes(client, accepted, founder, investor, hub):
    Outcome.objects.create(introduction=accepted, member=founder, answer="met")
    unapproved = IntroductionFactory(requester=founder, recipient=investor, hub=hub, note="Noch beim Hub")
    IntroductionFactory(note="Fremde Anfrage")

    client.force_login(founder)
    mine = json.loads(client.get(reverse("members:export")).content)
    client.force_login(investor)
    theirs = json.loads(client.get(reverse("members:export")).content)

    assert sorted((r["id"], r["with"], r["status"]) for r in mine["introductions_requested"]) == [
        (accepted.pk, "Ines Investorin", "accepted"),
        (unapproved.pk, "Ines Investorin", "requested"),
    ]
    assert mine["introduction_outcomes"] == [
        {"introduction": accepted.pk, "answer": "met", "answered": Outcome.objects.get().created.isoformat()}
    ]
    # What the hub has not passed on is the asking member's and the hub's, not yet the recipient's.
    assert [r["id"] for r in theirs["introductions_received"]] == [accepted.pk]
    assert theirs["introductions_received"][0]["with"] == "Anna Mitglied"
    assert "Noch beim Hub" not in json.dumps(theirs)
    assert "Fremde Anfrage" not in json.dumps(mine) + json.dumps(theirs)


def test_deleting_the_account_leaves_counts_without_name_or_notes(
    client, accepted, founder, investor, manager, agency
):
    Outcome.objects.create(introduction=accepted, member=founder, answer="met")
    Outcome.objects.create(introduction=accepted, member=investor, answer="pilot")
    HiddenSuggestion.objects.create(user=founder, profile=manager.profile)
    client.force_login(founder)

    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})

    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.requester is None and accepted.recipient == investor
    assert accepted.note == "" and accepted.hub_message == ""
    assert not accepted.history.exists()  # the history held the note
    assert Outcome.objects.filter(member__isnull=True).count() == 1
    assert not HiddenSuggestion.objects.exists()
    client.force_login(agency)
    assert client.get(reverse("introductions:counts")).context["rows"][0]["accepted"] == 1
    client.force_login(investor)
    page = client.get(accepted.get_absolute_url()).content.decode()
    assert "Ein Mitglied dieser Anfrage hat sein Konto gelöscht." in page
    assert "Anna Mitglied" not in page
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_the_queue_and_admin_survive_deleted_accounts(client, request_to_investor, founder, manager, agency):
    Introduction.objects.filter(pk=request_to_investor.pk).update(requester=None, note="")
    client.force_login(manager)

    assert "(gelöscht)" in client.get(reverse("introductions:queue")).content.decode()
    client.force_login(agency)
    response = client.get(reverse("admin:introductions_introduction_changelist"))
    assert response.status_code == 200
    assert "(gelöscht)" in response.content.decode()


def test_the_privacy_page_explains_matchmaking_and_introductions(client):
    german = client.get(reverse("pages:privacy")).content.decode()
    english = client.get("/en" + reverse("pages:privacy")).content.decode()

    assert "Matchmaking und Vorstellungen" in german and "nur, wenn das andere Mitglied annimmt" in german
    assert "Matchmaking and introductions" in english and "only if the other member" in english
