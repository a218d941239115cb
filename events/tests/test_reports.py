"""Members report published events; the hub's moderators are told, see the reports on the
event's page and in their queue, and close them."""

import json

import pytest
from django.urls import reverse

from events import services
from events.models import Event, EventReport
from members.tests.factories import PASSWORD

from .factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(hub, manager):
    return EventFactory(hub=hub, slug="pitch", title_de="Pitch Night", status=Event.Status.PUBLISHED)


def report(client, user, event, **data):
    client.force_login(user)
    return client.post(reverse("events:report", args=[event.slug]), {"reason": "spam", **data})


def test_a_member_reports_and_the_hubs_managers_are_told(client, event, other_member, manager, mailoutbox):
    client.force_login(other_member)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Veranstaltung melden" in page

    response = report(client, other_member, event, note="Nur Werbung für ein Produkt.")

    assert response.url == event.get_absolute_url()
    stored = EventReport.objects.get()
    assert (stored.reporter, stored.reason, stored.note) == (
        other_member,
        "spam",
        "Nur Werbung für ein Produkt.",
    )
    assert [mail.to for mail in mailoutbox] == [[manager.email]]
    assert "Pitch Night" in mailoutbox[0].subject
    assert "Nur Werbung für ein Produkt." in mailoutbox[0].body
    assert "Sie haben diese Veranstaltung gemeldet" in client.get(event.get_absolute_url()).content.decode()


def test_once_per_member(client, event, other_member):
    report(client, other_member, event)

    response = client.get(reverse("events:report", args=[event.slug]), follow=True)

    assert "Sie haben diese Veranstaltung bereits gemeldet" in response.content.decode()
    assert report(client, other_member, event).status_code == 302
    assert EventReport.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"reason": "boring"}, "Bitte eine gültige Auswahl treffen."),
    ],
)
def test_a_report_needs_a_known_reason_and_keeps_the_note(client, event, other_member, data, error):
    client.force_login(other_member)

    response = client.post(reverse("events:report", args=[event.slug]), {**data, "note": "Mein Hinweis"})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert "Mein Hinweis" in response.content.decode()
    assert not EventReport.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"), [("member", 403), ("manager", 403), ("agency", 403), ("other_manager", 200)]
)
def test_organisers_and_moderators_do_not_report(client, request, hub, role, status):
    """The event's organiser and moderators act on it directly; another hub's manager is a member here."""
    event = EventFactory(hub=hub, organiser=request.getfixturevalue("member"), status=Event.Status.PUBLISHED)
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("events:report", args=[event.slug])).status_code == status


def test_drafts_and_cancelled_events_are_not_reported(client, hub, other_member):
    draft = EventFactory(hub=hub, status=Event.Status.DRAFT)
    cancelled = EventFactory(hub=hub, status=Event.Status.CANCELLED)
    client.force_login(other_member)

    assert client.get(reverse("events:report", args=[draft.slug])).status_code == 404
    assert client.get(reverse("events:report", args=[cancelled.slug])).status_code == 403


def test_moderators_see_the_reports_and_close_them(client, event, other_member, manager, other_manager):
    report(client, other_member, event, note="Falsches Datum")
    client.force_login(manager)

    page = client.get(event.get_absolute_url()).content.decode()
    assert "1 offene Meldung" in page and "Falsches Datum" in page
    queue = client.get(reverse("events:moderation")).content.decode()
    assert "Von Mitgliedern gemeldet" in queue and "Pitch Night" in queue

    client.force_login(other_manager)
    assert client.post(reverse("events:close_reports", args=[event.slug])).status_code == 403
    client.force_login(manager)
    response = client.post(reverse("events:close_reports", args=[event.slug]), follow=True)

    assert "1 Meldung geschlossen." in response.content.decode()
    assert EventReport.objects.get().closed_by == manager
    assert "offene Meldung" not in client.get(event.get_absolute_url()).content.decode()
    assert "Pitch Night" not in client.get(reverse("events:moderation")).content.decode()


def test_a_hub_without_managers_leaves_reports_to_the_agency(
    client, other_hub, other_member, agency, mailoutbox
):
    event = EventFactory(hub=other_hub, status=Event.Status.PUBLISHED)
    from conftest import person_in

    reporter = person_in(other_hub, "Rita Meldet")

    report(client, reporter, event)

    assert [mail.to for mail in mailoutbox] == [[agency.email]]


def test_reports_are_in_the_export_and_lose_the_note_with_the_account(client, event, other_member):
    report(client, other_member, event, note="Mein Hinweis")

    data = json.loads(client.get(reverse("members:export")).content)
    assert data["event_reports"][0]["note"] == "Mein Hinweis"

    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    stored = EventReport.objects.get()
    assert (stored.reporter, stored.note) == (None, "")


def test_moderators_close_selected_reports_in_the_admin_as_on_the_site(
    client, event, other_member, member, manager, other_manager
):
    report(client, other_member, event, note="Falsches Datum")
    report(client, member, event, note="Doppelt")
    first, second = EventReport.objects.order_by("pk")
    action = {"action": "close_selected_reports", "_selected_action": [first.pk]}
    changelist = reverse("admin:events_eventreport_changelist")

    client.force_login(other_manager)
    client.post(changelist, action)
    assert EventReport.objects.open().count() == 2  # not theirs to close
    client.force_login(manager)
    response = client.post(changelist, action, follow=True)

    assert "1 Meldung geschlossen." in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.closed_by, second.closed) == (manager, None)


def test_the_service_refuses_reports_of_events_another_hub_moderates(
    event, other_member, other_manager, client
):
    report(client, other_member, event)

    with pytest.raises(services.EventError):
        services.close_reports(reports=EventReport.objects.all(), moderator=other_manager)
    assert EventReport.objects.open().count() == 1
