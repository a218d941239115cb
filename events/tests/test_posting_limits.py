"""Spam control for member-posted events: an organiser who is not yet trusted (fewer than
EVENT_TRUSTED_AFTER published events) has at most EVENT_PENDING_LIMIT events awaiting review;
what they typed stays on the form, and a draft can always be saved."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from events import services
from events.models import Event

from .factories import EventFactory
from .test_workflow import event_data

pytestmark = pytest.mark.django_db
LIMIT_MESSAGE = "Sie haben 2 Veranstaltungen, die auf Prüfung warten"


@pytest.fixture
def two_waiting(member, hub):
    return EventFactory.create_batch(2, hub=hub, organiser=member, status=Event.Status.SUBMITTED)


def test_a_new_organisers_third_waiting_event_is_refused_and_kept_on_the_form(
    client, member, hub, two_waiting
):
    client.force_login(member)

    response = client.post(
        reverse("events:create"), {**event_data(hub, title_de="Dritter Abend"), "submit": "1"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert LIMIT_MESSAGE in content
    assert 'value="Dritter Abend"' in content
    assert not Event.objects.filter(title_de="Dritter Abend").exists()


def test_a_draft_can_still_be_saved_and_submitted_later(client, member, hub, manager, two_waiting):
    client.force_login(member)
    client.post(reverse("events:create"), event_data(hub, title_de="Entwurf"))
    draft = Event.objects.get(title_de="Entwurf")
    assert draft.status == Event.Status.DRAFT

    response = client.post(reverse("events:submit", args=[draft.slug]), follow=True)
    assert LIMIT_MESSAGE in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Event.Status.DRAFT

    services.publish_event(event=two_waiting[0], moderator=manager)
    client.post(reverse("events:submit", args=[draft.slug]))
    draft.refresh_from_db()
    assert draft.status == Event.Status.SUBMITTED


def test_submitting_from_the_edit_form_keeps_to_the_limit(client, member, hub, two_waiting):
    draft = EventFactory(hub=hub, organiser=member, status=Event.Status.DRAFT)
    client.force_login(member)

    response = client.post(
        reverse("events:edit", args=[draft.slug]), {**event_data(hub, title_de="Geändert"), "submit": "1"}
    )

    assert LIMIT_MESSAGE in response.content.decode()
    assert 'value="Geändert"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Event.Status.DRAFT
    assert draft.title != "Geändert"  # nothing of the refused submission was stored


def test_trusted_organisers_and_curators_have_no_limit(client, member, manager, hub, two_waiting, settings):
    EventFactory.create_batch(3, hub=hub, organiser=member, status=Event.Status.PUBLISHED)
    client.force_login(member)
    client.post(reverse("events:create"), {**event_data(hub, title_de="Vertraut"), "submit": "1"})
    assert Event.objects.get(title_de="Vertraut").status == Event.Status.SUBMITTED  # still reviewed

    EventFactory.create_batch(2, hub=hub, organiser=manager, status=Event.Status.SUBMITTED)
    client.force_login(manager)
    client.post(reverse("events:create"), {**event_data(hub, title_de="Vom Hub"), "submit": "1"})
    assert Event.objects.filter(title_de="Vom Hub").exists()


def test_the_limits_are_settings(client, member, hub, two_waiting, settings):
    settings.EVENT_PENDING_LIMIT = 3
    client.force_login(member)

    client.post(reverse("events:create"), {**event_data(hub, title_de="Erlaubt"), "submit": "1"})

    assert Event.objects.get(title_de="Erlaubt").status == Event.Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_the_limit_holds_under_simultaneous_submissions(hub):
    """Six drafts submitted at once by a new organiser: exactly two reach the queue."""
    from conftest import person_in

    organiser = person_in(hub, "Nina Neu")
    drafts = EventFactory.create_batch(6, hub=hub, organiser=organiser, status=Event.Status.DRAFT)
    barrier = threading.Barrier(len(drafts))

    def submit(event):
        try:
            barrier.wait()
            services.submit_event(event=event, user=organiser)
        except services.EventError:
            pass
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=[event]) for event in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Event.objects.filter(organiser=organiser, status=Event.Status.SUBMITTED).count() == 2


def links_on_the_page(client, event):
    content = client.get(event.get_absolute_url()).content.decode()
    return [line for line in content.splitlines() if "https://beispiel.example.org" in line]


def test_links_of_a_new_organiser_are_nofollow_ugc_until_trusted(client, member, hub):
    description = "Mehr unter [unserer Seite](https://beispiel.example.org)."
    event = EventFactory(hub=hub, organiser=member, status=Event.Status.PUBLISHED, description_de=description)

    assert 'rel="noopener noreferrer nofollow ugc"' in links_on_the_page(client, event)[0]

    EventFactory.create_batch(2, hub=hub, organiser=member, status=Event.Status.PUBLISHED)
    (link,) = links_on_the_page(client, event)
    assert 'rel="noopener noreferrer"' in link and "nofollow" not in link


def test_links_of_the_hubs_own_events_are_followed(client, manager, hub):
    event = EventFactory(
        hub=hub,
        organiser=manager,
        status=Event.Status.PUBLISHED,
        description_de="[Hub](https://beispiel.example.org)",
    )

    (link,) = links_on_the_page(client, event)

    assert "nofollow" not in link


def suspend_in_the_admin(client, agency, member):
    client.force_login(agency)
    return client.post(
        reverse("admin:events_postingsuspension_add"),
        {"user": member.pk, "reason": "Nur Werbung eingestellt."},
    )


def test_the_agency_suspends_posting_rights_and_the_member_posts_nothing(client, member, agency, hub):
    from events.models import PostingSuspension

    draft = EventFactory(hub=hub, organiser=member, status=Event.Status.DRAFT)
    assert suspend_in_the_admin(client, agency, member).status_code == 302
    suspension = PostingSuspension.objects.get()
    assert suspension.history.get().history_change_reason == "posting.suspended"
    assert suspension.history.get().history_user == agency

    client.force_login(member)
    response = client.get(reverse("events:create"), follow=True)
    assert (
        "Die Hub-Agentur hat Ihr Recht, Veranstaltungen einzustellen, ausgesetzt."
        in response.content.decode()
    )
    response = client.post(reverse("events:submit", args=[draft.slug]), follow=True)
    assert "ausgesetzt" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Event.Status.DRAFT

    client.force_login(agency)
    client.post(
        reverse("admin:events_postingsuspension_changelist"),
        {"action": "lift_suspensions", "_selected_action": [suspension.pk]},
    )
    suspension.refresh_from_db()
    assert suspension.lifted is not None
    client.force_login(member)
    client.post(reverse("events:submit", args=[draft.slug]))
    draft.refresh_from_db()
    assert draft.status == Event.Status.SUBMITTED


def test_a_member_is_suspended_only_once_at_a_time(client, member, agency):
    suspend_in_the_admin(client, agency, member)

    response = suspend_in_the_admin(client, agency, member)

    assert response.status_code == 200
    assert "bereits ausgesetzt" in response.content.decode()


def test_suspensions_are_in_the_agencys_activity_log(client, member, agency):
    suspend_in_the_admin(client, agency, member)

    content = client.get(reverse("admin:activity")).content.decode()

    assert "Recht zum Einstellen ausgesetzt" in content
    assert member.email in content


def test_suspensions_are_in_the_export_and_go_with_the_account(client, member, agency):
    import json

    from events.models import PostingSuspension
    from members.tests.factories import PASSWORD

    suspend_in_the_admin(client, agency, member)
    client.force_login(member)

    data = json.loads(client.get(reverse("members:export")).content)
    assert data["posting_suspensions"][0]["reason"] == "Nur Werbung eingestellt."

    client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert not PostingSuspension.objects.exists()
    assert not PostingSuspension.history.exists()
