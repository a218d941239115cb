"""Every step after the request, by whom it may be taken: the hub approves, declines with a
reason or asks for more; the requester revises or withdraws; the recipient, who sees nothing
before the hub approved, accepts or declines; contact details travel only on acceptance."""

import pytest
from django.urls import reverse

from conftest import person_in
from introductions import services
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory
from members.models import Membership, Profile

pytestmark = pytest.mark.django_db
Status = Introduction.Status


def url(name, introduction):
    return reverse(f"introductions:{name}", args=[introduction.pk])


@pytest.fixture
def unrelated(hub):
    return person_in(hub, "Uwe Unbeteiligt")


@pytest.fixture
def people(founder, investor, unrelated, other_member, manager, other_manager, agency):
    return {
        "requester": founder,
        "recipient": investor,
        "unrelated": unrelated,
        "other_member": other_member,
        "manager": manager,
        "other_manager": other_manager,
        "agency": agency,
    }


# Who sees the request awaiting review, and who after approval: the recipient only then.
@pytest.mark.parametrize(
    ("role", "before", "after"),
    [
        ("requester", 200, 200),
        ("recipient", 404, 200),
        ("unrelated", 404, 404),
        ("other_member", 404, 404),
        ("manager", 200, 200),
        ("other_manager", 404, 404),
        ("agency", 200, 200),
    ],
)
def test_who_sees_the_request(client, people, request_to_investor, manager, role, before, after):
    client.force_login(people[role])
    assert client.get(request_to_investor.get_absolute_url()).status_code == before

    services.approve_introduction(introduction=request_to_investor, moderator=manager)

    assert client.get(request_to_investor.get_absolute_url()).status_code == after


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("requester", 403),
        ("recipient", 404),
        ("unrelated", 404),
        ("other_member", 404),
        ("other_manager", 404),
        ("manager", 302),
        ("agency", 302),
    ],
)
def test_who_approves(client, people, request_to_investor, role, status):
    client.force_login(people[role])

    response = client.post(url("approve", request_to_investor))

    assert response.status_code == status
    request_to_investor.refresh_from_db()
    assert (request_to_investor.status == Status.APPROVED) == (status == 302)


def test_a_manager_who_is_part_of_the_request_does_not_review_it(client, hub, investor, manager):
    own = IntroductionFactory(requester=manager, recipient=investor, hub=hub)
    client.force_login(manager)

    response = client.post(url("approve", own), follow=True)

    assert "Nur die Hub-Manager und die Hub-Agentur können diese Anfrage prüfen." in response.content.decode()
    own.refresh_from_db()
    assert own.status == Status.REQUESTED


def test_requests_without_a_hub_are_the_agencys_alone(client, founder, investor, manager, agency):
    request = IntroductionFactory(requester=founder, recipient=investor, hub=None)
    client.force_login(manager)
    assert client.get(request.get_absolute_url()).status_code == 404

    client.force_login(agency)
    assert client.post(url("approve", request)).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.APPROVED


def test_approval_asks_the_recipient_without_giving_addresses_away(
    client, request_to_investor, manager, founder, investor, mailoutbox
):
    client.force_login(manager)
    client.post(url("approve", request_to_investor))

    request_to_investor.refresh_from_db()
    assert request_to_investor.approved is not None
    assert request_to_investor.reviewed_by == manager
    to_recipient, to_requester = sorted(mailoutbox, key=lambda mail: mail.to != [investor.email])
    assert to_recipient.to == [investor.email]
    assert "Anna Mitglied möchte Sie kennenlernen" in to_recipient.subject
    assert "hat den Hub Hamburg um eine Vorstellung bei Ihnen gebeten" in to_recipient.body
    assert to_requester.to == [founder.email]
    assert "freigegeben" in to_requester.subject
    for mail in mailoutbox:
        assert founder.email not in mail.body
        assert investor.email not in mail.body


def test_the_reviewer_sees_both_profiles_side_by_side_and_earlier_requests(
    client, request_to_investor, founder, investor, hub, manager
):
    IntroductionFactory(requester=investor, recipient=founder, hub=hub, status=Status.DECLINED)
    Profile.objects.filter(user=investor).update(visibility=Profile.Visibility.HIDDEN)
    client.force_login(manager)

    response = client.get(request_to_investor.get_absolute_url())

    content = response.content.decode()
    assert "Bittet um die Vorstellung" in content and "Würde vorgestellt" in content
    assert "Anna Mitglied" in content and "Ines Investorin" in content
    assert "Beispiel Pay" in content  # the start-up
    assert "500.000 €" in content  # the funding sought
    assert "250.000 € \u2013 2.000.000 €" in content  # the tickets
    assert "Frühere Anfragen zwischen den beiden" in content
    assert "in umgekehrter Richtung" in content
    assert founder.email not in content and investor.email not in content


def test_declining_needs_a_reason_and_keeps_what_was_typed(client, request_to_investor, manager, mailoutbox):
    client.force_login(manager)

    response = client.post(url("decline", request_to_investor), {"decline-message": "   "})

    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()

    response = client.post(url("decline", request_to_investor), {"decline-message": "x" * 1001})
    assert response.status_code == 400
    assert "x" * 1001 in response.content.decode()

    client.post(url("decline", request_to_investor), {"decline-message": "Bitte erst die Demo zeigen."})
    request_to_investor.refresh_from_db()
    assert request_to_investor.status == Status.DECLINED_BY_HUB
    assert [mail.to for mail in mailoutbox] == [[request_to_investor.requester.email]]
    assert "Bitte erst die Demo zeigen." in mailoutbox[0].body


def test_declined_by_the_hub_the_recipient_never_knows(client, request_to_investor, manager, investor):
    services.decline_introduction(introduction=request_to_investor, moderator=manager, reason="Nein")
    client.force_login(investor)

    assert client.get(request_to_investor.get_absolute_url()).status_code == 404
    assert "Von Anna Mitglied" not in client.get(reverse("members:dashboard")).content.decode()


def test_asking_for_more_and_revising_returns_to_review(
    client, request_to_investor, manager, founder, mailoutbox
):
    client.force_login(manager)
    client.post(url("ask_more", request_to_investor), {"question-message": "Welche Runde genau?"})
    request_to_investor.refresh_from_db()
    assert request_to_investor.status == Status.MORE_INFO
    assert "Welche Runde genau?" in mailoutbox[-1].body

    client.force_login(founder)
    page = client.get(request_to_investor.get_absolute_url()).content.decode()
    assert "Welche Runde genau?" in page
    response = client.post(url("revise", request_to_investor), {"note": ""})
    assert response.status_code == 400
    client.post(url("revise", request_to_investor), {"note": "Eine Seed-Runde über 500.000 €."})

    request_to_investor.refresh_from_db()
    assert request_to_investor.status == Status.REQUESTED
    assert request_to_investor.note == "Eine Seed-Runde über 500.000 €."
    assert mailoutbox[-1].to == [manager.email]
    actions = list(
        request_to_investor.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert actions[-2:] == ["introduction.more_info", "introduction.revised"]


def test_only_a_request_the_hub_asked_about_is_revised(client, request_to_investor, founder):
    client.force_login(founder)

    response = client.post(url("revise", request_to_investor), {"note": "Neu"}, follow=True)

    assert "Nur eine Anfrage, zu der der Hub nachgefragt hat" in response.content.decode()


def test_the_requester_withdraws_an_open_request(client, request_to_investor, founder, investor):
    client.force_login(investor)
    assert client.post(url("withdraw", request_to_investor)).status_code == 404

    client.force_login(founder)
    client.post(url("withdraw", request_to_investor))

    request_to_investor.refresh_from_db()
    assert request_to_investor.status == Status.WITHDRAWN
    response = client.post(url("withdraw", request_to_investor), follow=True)
    assert "Nur eine offene Anfrage kann zurückgezogen werden." in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("requester", 403),
        ("unrelated", 404),
        ("manager", 403),
        ("other_manager", 404),
        ("agency", 403),
        ("recipient", 302),
    ],
)
def test_only_the_recipient_answers(client, people, approved, role, status):
    client.force_login(people[role])

    assert client.post(url("accept", approved)).status_code == status
    approved.refresh_from_db()
    assert (approved.status == Status.ACCEPTED) == (status == 302)


def test_acceptance_sends_both_the_others_contact_details(client, approved, founder, investor, mailoutbox):
    mailoutbox.clear()
    client.force_login(investor)

    client.post(url("accept", approved))

    by_reader = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_reader) == {founder.email, investor.email}
    assert investor.email in by_reader[founder.email].body
    assert "Ines Investorin" in by_reader[founder.email].body
    assert founder.email in by_reader[investor.email].body
    assert founder.profile.get_absolute_url() in by_reader[investor.email].body
    approved.refresh_from_db()
    assert approved.status == Status.ACCEPTED and approved.answered is not None


def test_declining_as_recipient_tells_the_requester_no_more(client, approved, founder, investor, mailoutbox):
    mailoutbox.clear()
    client.force_login(investor)

    client.post(url("refuse", approved))

    assert [mail.to for mail in mailoutbox] == [[founder.email]]
    assert investor.email not in mailoutbox[0].body
    approved.refresh_from_db()
    assert approved.status == Status.DECLINED
    response = client.post(url("accept", approved), follow=True)
    assert "Diese Anfrage wartet nicht auf Ihre Antwort." in response.content.decode()


def test_approving_for_a_member_who_left_matchmaking_is_refused(
    client, request_to_investor, investor, manager
):
    Profile.objects.filter(user=investor).update(matchmaking=False)
    client.force_login(manager)

    response = client.post(url("approve", request_to_investor), follow=True)

    assert "Das Mitglied nimmt keine Anfragen mehr an" in response.content.decode()


def test_each_step_is_taken_once(client, request_to_investor, manager, agency):
    services.approve_introduction(introduction=request_to_investor, moderator=manager)
    client.force_login(agency)

    response = client.post(url("approve", request_to_investor), follow=True)

    assert "Diese Anfrage wartet nicht auf Prüfung." in response.content.decode()


def test_unknown_requests_are_404(client, founder):
    client.force_login(founder)

    assert client.get(reverse("introductions:detail", args=[99999])).status_code == 404


def test_the_dashboard_lists_requests_and_marks_what_waits_for_the_member(
    client, approved, founder, investor, manager
):
    client.force_login(investor)
    content = client.get(reverse("members:dashboard")).content.decode()
    assert "Von Anna Mitglied" in content
    assert "Ihre Antwort wird gebraucht" in content

    client.force_login(founder)
    assert "An Ines Investorin" in client.get(reverse("members:dashboard")).content.decode()


def test_managers_read_on_their_dashboard_how_many_requests_wait(
    client, request_to_investor, manager, other_manager
):
    client.force_login(manager)
    assert "1 Anfrage wartet auf Ihre Prüfung" in client.get(reverse("members:dashboard")).content.decode()

    client.force_login(other_manager)
    content = client.get(reverse("members:dashboard")).content.decode()
    assert "wartet auf Ihre Prüfung" not in content
    assert "Anfragen für Vorstellungen in Ihren Hubs" in content


def test_the_queue_lists_the_requests_of_ones_hubs_only(
    client, request_to_investor, hub, other_hub, manager, other_manager, agency
):
    berlin = IntroductionFactory(hub=other_hub)
    for user, expected in [
        (manager, [request_to_investor]),
        (other_manager, [berlin]),
        (agency, [request_to_investor, berlin]),
    ]:
        client.force_login(user)
        response = client.get(reverse("introductions:queue"))
        assert response.status_code == 200
        assert list(response.context["page_obj"].object_list) == expected


@pytest.mark.parametrize("show", ["review", "open", "closed"])
def test_queue_views(client, request_to_investor, manager, show):
    client.force_login(manager)

    assert client.get(reverse("introductions:queue"), {"show": show}).status_code == 200


def test_unknown_queue_view_is_404(client, manager):
    client.force_login(manager)

    assert client.get(reverse("introductions:queue"), {"show": "all"}).status_code == 404


def test_members_have_no_queue(client, member):
    client.force_login(member)

    assert client.get(reverse("introductions:queue")).status_code == 403


def test_a_manager_demoted_loses_the_request(client, request_to_investor, manager, hub):
    Membership.objects.filter(user=manager, hub=hub).update(role=Membership.Role.MEMBER)
    manager.is_staff = False
    manager.save()
    client.force_login(manager)

    assert client.get(request_to_investor.get_absolute_url()).status_code == 404
