"""Asking for an introduction: the form, the hub that reviews it, and every reason to refuse,
including the limits against spam, which hold under simultaneous requests."""

import html
import re
import threading
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from conftest import person_in
from introductions import services
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory
from members.models import Membership, Profile
from members.tests.factories import MembershipFactory, UserFactory

from .conftest import make_investor

pytestmark = pytest.mark.django_db
Status = Introduction.Status


def ask_url(user):
    return reverse("introductions:ask", args=[user.profile.slug])


def test_founder_asks_and_hamburgs_managers_are_told(client, founder, investor, hub, manager, mailoutbox):
    client.force_login(founder)
    response = client.get(ask_url(investor))
    assert response.status_code == 200
    assert "Ines Investorin" in response.content.decode()

    response = client.post(ask_url(investor), {"note": "Wir suchen eine Seed-Runde.", "hub": hub.pk})

    introduction = Introduction.objects.get()
    assert response.url == introduction.get_absolute_url()
    assert (introduction.requester, introduction.recipient, introduction.hub) == (founder, investor, hub)
    assert introduction.status == Status.REQUESTED
    assert introduction.history.get().history_change_reason == "introduction.requested"
    assert [mail.to for mail in mailoutbox] == [[manager.email]]
    assert "Anna Mitglied bittet um eine Vorstellung" in mailoutbox[0].subject
    assert "Wir suchen eine Seed-Runde." in mailoutbox[0].body
    # Nothing of the recipient's address is given away.
    assert investor.email not in mailoutbox[0].body


def test_without_a_shared_hub_the_agency_reviews(client, founder, other_hub, fintech, agency, mailoutbox):
    stranger = make_investor(person_in(other_hub, "Sven Fremd"), themes=[fintech])
    client.force_login(founder)
    response = client.get(ask_url(stranger))
    assert "Sie haben keinen gemeinsamen Hub, daher prüft die Hub-Agentur" in response.content.decode()

    client.post(ask_url(stranger), {"note": "Hallo"})

    introduction = Introduction.objects.get()
    assert introduction.hub is None
    assert [mail.to for mail in mailoutbox] == [[agency.email]]


def test_with_several_shared_hubs_the_member_chooses(client, founder, investor, other_hub):
    MembershipFactory(user=founder, hub=other_hub)
    MembershipFactory(user=investor, hub=other_hub)
    client.force_login(founder)

    response = client.post(ask_url(investor), {"note": "Hallo"})

    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert "Hallo" in response.content.decode()  # what was typed stays

    client.post(ask_url(investor), {"note": "Hallo", "hub": other_hub.pk})
    assert Introduction.objects.get().hub == other_hub


def test_a_hub_they_do_not_share_cannot_be_chosen(client, founder, investor, other_hub):
    client.force_login(founder)

    response = client.post(ask_url(investor), {"note": "Hallo", "hub": other_hub.pk})

    assert response.status_code == 400
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("note", ["", "   ", "x" * 601])
def test_a_note_is_required_and_bounded(client, founder, investor, hub, note):
    client.force_login(founder)

    response = client.post(ask_url(investor), {"note": note, "hub": hub.pk})

    assert response.status_code == 400
    assert not Introduction.objects.exists()


def refusal_on_page(client, user, target):
    """The reason the page gives, without a form, and the link to what to do about it (its
    address); posting anyway makes nothing."""
    client.force_login(user)
    response = client.get(ask_url(target))
    assert response.status_code == 200
    assert response.context["form"] is None
    refusal = response.context["refusal"]
    link = re.search(r'class="refusal">.*?<a class="button" href="([^"]+)">([^<]+)</a>', response.text, re.S)
    assert link[2] == refusal.next_step
    before = Introduction.objects.count()
    assert client.post(ask_url(target), {"note": "Hallo"}).status_code == 200
    assert Introduction.objects.count() == before
    return str(refusal.reason), html.unescape(link[1])


def test_own_profile(client, founder):
    assert refusal_on_page(client, founder, founder) == (
        "Das ist Ihr eigenes Profil.",
        "/members/me/profile/",
    )


def test_recipient_without_matchmaking(client, founder, investor):
    Profile.objects.filter(user=investor).update(matchmaking=False)

    assert refusal_on_page(client, founder, investor) == (
        "Ines Investorin nimmt keine Anfragen für Vorstellungen an.",
        "/introductions/",
    )


def test_requester_without_matchmaking(client, founder, investor):
    Profile.objects.filter(user=founder).update(matchmaking=False)

    reason, next_step = refusal_on_page(client, founder, investor)
    assert reason.startswith("Schalten Sie das Matchmaking in Ihrem Profil ein")
    assert next_step == "/introductions/"


def test_unverified_address(client, founder, investor):
    EmailAddress.objects.filter(user=founder).update(verified=False)

    assert refusal_on_page(client, founder, investor) == (
        "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse.",
        "/accounts/email/",
    )


def test_without_a_profile(client, investor):
    reason, next_step = refusal_on_page(client, UserFactory(), investor)
    assert reason.startswith("Bitte vervollständigen Sie zuerst Ihr Profil")
    assert next_step == f"/members/me/profile/?next={ask_url(investor)}"


def test_an_open_request_between_the_two_either_way(client, founder, investor, hub):
    IntroductionFactory(requester=investor, recipient=founder, hub=hub)

    assert refusal_on_page(client, founder, investor) == (
        "Eine Anfrage zwischen Ihnen und Ines Investorin ist bereits offen.",
        "/members/me/#introductions-title",
    )


def test_a_declined_request_pauses_asking_again(client, founder, investor, hub, settings):
    IntroductionFactory(
        requester=founder,
        recipient=investor,
        hub=hub,
        status=Status.DECLINED,
        answered=timezone.now() - timedelta(days=10),
    )

    reason, next_step = refusal_on_page(client, founder, investor)
    assert reason.startswith("Ines Investorin hat Ihre letzte Anfrage abgelehnt")
    assert next_step == "/introductions/"

    settings.INTRODUCTION_PAUSE_AFTER_DECLINE_DAYS = 7
    client.force_login(founder)
    assert client.get(ask_url(investor)).context["refusal"] is None


def test_at_most_five_open_requests(client, founder, hub, fintech, settings):
    for number in range(5):
        IntroductionFactory(requester=founder, recipient=person_in(hub, f"Offen {number}"), hub=hub)
    investor = make_investor(person_in(hub, "Ines Investorin"), themes=[fintech])

    reason, next_step = refusal_on_page(client, founder, investor)
    assert reason.startswith("Sie haben 5 Anfragen, die auf eine Antwort warten")
    assert next_step == "/members/me/#introductions-title"

    settings.INTRODUCTION_OPEN_LIMIT = 6
    client.force_login(founder)
    assert client.get(ask_url(investor)).context["refusal"] is None


def test_at_most_twenty_a_month(client, founder, hub, investor):
    for number in range(20):
        IntroductionFactory(
            requester=founder,
            recipient=person_in(hub, f"Früher {number}"),
            hub=hub,
            status=Status.DECLINED_BY_HUB,
        )

    reason, next_step = refusal_on_page(client, founder, investor)
    assert reason.startswith("Sie haben in den letzten 30 Tagen um 20 Vorstellungen gebeten")
    assert next_step == "/members/me/#introductions-title"

    Introduction.objects.update(created=timezone.now() - timedelta(days=31))
    client.force_login(founder)
    assert client.get(ask_url(investor)).context["refusal"] is None


def test_a_profile_one_may_not_see_is_404(client, founder, investor):
    Profile.objects.filter(user=investor).update(visibility=Profile.Visibility.HIDDEN)
    client.force_login(founder)

    assert client.get(ask_url(investor)).status_code == 404
    assert client.post(ask_url(investor), {"note": "Hallo"}).status_code == 404


def test_anonymous_visitors_log_in_first(client, investor):
    response = client.get(ask_url(investor))

    assert response.url.startswith(reverse("account_login"))


def test_profile_page_offers_the_request_only_where_it_is_taken(client, founder, investor):
    client.force_login(founder)
    assert ask_url(investor) in client.get(investor.profile.get_absolute_url()).content.decode()
    assert ask_url(founder) not in client.get(founder.profile.get_absolute_url()).content.decode()

    Profile.objects.filter(user=investor).update(matchmaking=False)
    assert ask_url(investor) not in client.get(investor.profile.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_open_limit_holds_under_simultaneous_requests(hub, fintech, settings):
    """Ten requests at once from one member with room for three: exactly three are made."""
    settings.INTRODUCTION_OPEN_LIMIT = 3
    founder = person_in(hub, "Fiona Schnell")
    targets = [make_investor(person_in(hub, f"Ziel {number}"), themes=[fintech]) for number in range(10)]
    profiles = [Profile.objects.get(user=target) for target in targets]
    barrier = threading.Barrier(len(targets))
    refused = []

    def ask(profile):
        try:
            barrier.wait()
            services.request_introduction(requester=founder, profile=profile, note="Hallo", hub=hub)
        except services.IntroductionError:
            refused.append(profile)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=[profile]) for profile in profiles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Introduction.objects.filter(requester=founder).count() == 3
    assert len(refused) == 7


def test_a_hub_without_another_manager_leaves_the_review_to_the_agency(
    client, hub, investor, agency, mailoutbox
):
    """A request from the hub's only manager: the agency is told and reviews it."""
    only_manager = person_in(hub, "Maria Einzige", Membership.Role.MANAGER)
    client.force_login(only_manager)

    client.post(ask_url(investor), {"note": "Hallo", "hub": hub.pk})

    assert [mail.to for mail in mailoutbox] == [[agency.email]]
    client.force_login(only_manager)
    response = client.post(
        reverse("introductions:approve", args=[Introduction.objects.get().pk]), follow=True
    )
    assert "Nur die Hub-Manager und die Hub-Agentur können diese Anfrage prüfen." in response.content.decode()
