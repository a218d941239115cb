"""What came of an accepted introduction, in one click by either side, and the counts per hub
for the agency and the hubs' managers."""

import pytest
from django.urls import reverse

from introductions.models import Introduction, Outcome
from introductions.tests.factories import IntroductionFactory

pytestmark = pytest.mark.django_db
Status = Introduction.Status


def test_either_side_records_the_outcome_in_one_click_and_may_change_it(client, accepted, founder, investor):
    url = reverse("introductions:outcome", args=[accepted.pk])
    client.force_login(founder)
    page = client.get(accepted.get_absolute_url()).content.decode()
    assert "Was ist daraus geworden?" in page

    response = client.post(url, {"answer": "met"}, follow=True)

    assert "Vielen Dank! Ihre Antwort wurde gespeichert." in response.content.decode()
    assert "Ihre Antwort: Wir haben uns getroffen." in response.content.decode()
    client.post(url, {"answer": "investment"})
    client.force_login(investor)
    client.post(url, {"answer": "follow_up"})

    assert sorted(Outcome.objects.values_list("member__email", "answer")) == sorted(
        [(founder.email, "investment"), (investor.email, "follow_up")]
    )


@pytest.mark.parametrize("answer", ["", "millions", None])
def test_an_unknown_answer_records_nothing(client, accepted, founder, answer):
    client.force_login(founder)

    response = client.post(
        reverse("introductions:outcome", args=[accepted.pk]),
        {} if answer is None else {"answer": answer},
        follow=True,
    )

    assert "Bitte wählen Sie eine der Antworten." in response.content.decode()
    assert not Outcome.objects.exists()


def test_only_accepted_introductions_have_an_outcome(client, approved, founder):
    client.force_login(founder)

    response = client.post(
        reverse("introductions:outcome", args=[approved.pk]), {"answer": "met"}, follow=True
    )

    assert "Nur die beiden Mitglieder einer angenommenen Vorstellung" in response.content.decode()
    assert not Outcome.objects.exists()


@pytest.mark.parametrize("role", ["manager", "agency"])
def test_reviewers_do_not_answer_for_the_members(client, accepted, role, request):
    client.force_login(request.getfixturevalue(role))

    assert (
        client.post(reverse("introductions:outcome", args=[accepted.pk]), {"answer": "met"}).status_code
        == 403
    )


@pytest.fixture
def year_of_requests(accepted, founder, investor, hub, other_hub):
    """Hamburg: the accepted one (outcomes: met, investment), one declined by the recipient, one
    declined by the hub, one expired, one open; Berlin: one accepted; the agency: one open."""
    Outcome.objects.create(introduction=accepted, member=founder, answer="met")
    Outcome.objects.create(introduction=accepted, member=investor, answer="investment")
    for status in [Status.DECLINED, Status.DECLINED_BY_HUB, Status.EXPIRED, Status.REQUESTED]:
        IntroductionFactory(hub=hub, status=status)
    berlin = IntroductionFactory(hub=other_hub, status=Status.ACCEPTED)
    Outcome.objects.create(introduction=berlin, member=None, answer="pilot")  # a deleted account's
    IntroductionFactory(hub=None)


def row(rows, hub):
    return next(row for row in rows if row["hub__name_de"] == hub)


def test_the_agency_counts_every_hub_by_hand(client, year_of_requests, agency):
    client.force_login(agency)

    rows = client.get(reverse("introductions:counts")).context["rows"]

    assert [r["hub__name_de"] for r in rows] == ["Berlin", "Hamburg", None]
    hamburg = row(rows, "Hamburg")
    assert {
        key: hamburg[key]
        for key in ["requested", "approved", "accepted", "declined", "declined_by_hub", "expired", "open"]
    } == {
        "requested": 5,
        "approved": 1,
        "accepted": 1,
        "declined": 1,
        "declined_by_hub": 1,
        "expired": 1,
        "open": 1,
    }
    assert (hamburg["met"], hamburg["investment"], hamburg["pilot"]) == (1, 1, 0)
    assert row(rows, "Berlin")["pilot"] == 1
    assert row(rows, None)["requested"] == 1


def test_a_manager_counts_their_hubs_only(client, year_of_requests, manager, other_manager):
    client.force_login(manager)
    assert [r["hub__name_de"] for r in client.get(reverse("introductions:counts")).context["rows"]] == [
        "Hamburg"
    ]

    client.force_login(other_manager)
    assert [r["hub__name_de"] for r in client.get(reverse("introductions:counts")).context["rows"]] == [
        "Berlin"
    ]


def test_counts_of_another_year_and_a_bad_year(client, year_of_requests, agency):
    client.force_login(agency)

    assert client.get(reverse("introductions:counts"), {"year": "2019"}).context["rows"] == []
    response = client.get(reverse("introductions:counts"), {"year": "letztes"})
    assert response.status_code == 400
    assert len(response.context["rows"]) == 3  # this year's, with the error


def test_counts_as_csv(client, year_of_requests, agency):
    client.force_login(agency)

    response = client.get(reverse("introductions:counts_csv"))

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Jahr;Hub;Angefragt;Vom Hub freigegeben;Angenommen")
    assert ";Hamburg;5;1;1;1;1;1;1;1;0;0;1;0" in lines[2]
    assert ";Hub-Agentur;1;" in lines[3]
    assert "Anna" not in response.content.decode("utf-8-sig")
