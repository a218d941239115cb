"""The reviewers' desk in the admin: a manager's hubs' requests only, bulk steps through the
services (a request not awaiting review is skipped with a message), a reason before declining."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from conftest import person_in
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory

pytestmark = pytest.mark.django_db
Status = Introduction.Status
CHANGELIST = reverse("admin:introductions_introduction_changelist")


@pytest.fixture
def requests(founder, hub, other_hub):
    """Two Hamburg requests awaiting review, one already approved, one of Berlin's."""
    return {
        "first": IntroductionFactory(requester=founder, recipient=person_in(hub, "Erste Person"), hub=hub),
        "second": IntroductionFactory(requester=founder, recipient=person_in(hub, "Zweite Person"), hub=hub),
        "approved": IntroductionFactory(hub=hub, status=Status.APPROVED),
        "berlin": IntroductionFactory(hub=other_hub),
    }


def test_a_manager_lists_their_hubs_requests_only(client, requests, manager):
    client.force_login(manager)

    response = client.get(CHANGELIST)

    assert set(response.context["cl"].result_list) == {
        requests["first"],
        requests["second"],
        requests["approved"],
    }
    assert reverse("introductions:detail", args=[requests["first"].pk]) in response.content.decode()


def test_bulk_approval_skips_what_is_not_awaiting_review(client, requests, manager, mailoutbox):
    client.force_login(manager)
    chosen = [requests[key].pk for key in ("first", "second", "approved")]

    response = client.post(
        CHANGELIST, {"action": "approve_introductions", ACTION_CHECKBOX_NAME: chosen}, follow=True
    )

    content = response.content.decode()
    assert "2 Anfragen freigegeben; die Mitglieder wurden gefragt." in content
    assert "Diese Anfrage wartet nicht auf Prüfung." in content
    statuses = dict(Introduction.objects.filter(pk__in=chosen).values_list("pk", "status"))
    assert statuses == dict.fromkeys(chosen, Status.APPROVED)
    assert len([mail for mail in mailoutbox if "möchte Sie kennenlernen" in mail.subject]) == 2


def test_declining_in_bulk_asks_for_the_reason_first(client, requests, manager, founder, mailoutbox):
    client.force_login(manager)
    chosen = [requests["first"].pk, requests["second"].pk]

    response = client.post(CHANGELIST, {"action": "decline_introductions", ACTION_CHECKBOX_NAME: chosen})
    assert response.status_code == 200
    assert "Die anfragenden Mitglieder erhalten die Begründung per E-Mail" in response.content.decode()
    assert Introduction.objects.filter(status=Status.DECLINED_BY_HUB).count() == 0

    response = client.post(
        CHANGELIST,
        {"action": "decline_introductions", ACTION_CHECKBOX_NAME: chosen, "apply": "1", "reason": ""},
    )
    assert response.status_code == 200  # the reason is required

    client.post(
        CHANGELIST,
        {"action": "decline_introductions", ACTION_CHECKBOX_NAME: chosen, "apply": "1", "reason": "Zu früh."},
    )
    assert Introduction.objects.filter(status=Status.DECLINED_BY_HUB, hub_message="Zu früh.").count() == 2
    assert [mail.to for mail in mailoutbox] == [[founder.email], [founder.email]]


def test_another_hubs_request_cannot_be_smuggled_into_an_action(client, requests, manager):
    client.force_login(manager)

    client.post(
        CHANGELIST, {"action": "approve_introductions", ACTION_CHECKBOX_NAME: [requests["berlin"].pk]}
    )

    requests["berlin"].refresh_from_db()
    assert requests["berlin"].status == Status.REQUESTED


def test_the_change_page_is_read_only_with_the_outcomes(client, accepted, agency):
    from introductions.models import Outcome

    Outcome.objects.create(introduction=accepted, member=accepted.requester, answer="met")
    client.force_login(agency)

    response = client.get(reverse("admin:introductions_introduction_change", args=[accepted.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Wir haben uns getroffen" in content
    assert 'name="_save"' not in content


def test_every_step_is_in_the_agencys_activity_log_by_number_only(client, approved, agency):
    client.force_login(agency)

    response = client.get(reverse("admin:activity"), {"action": "introduction.approved"})

    content = response.content.decode()
    assert "Vorstellung vom Hub freigegeben" in content
    assert f"#{approved.pk}" in content
    assert "Ines Investorin" not in content
