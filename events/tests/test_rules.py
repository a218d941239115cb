"""The rules of an event live in the model (Event.clean, Meta.constraints): every way in
refuses an invalid event with a translated message on the field, the database included."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event
from hubportal.tests.test_admin_roles import event_form_data

from .factories import EventFactory

pytestmark = pytest.mark.django_db

SOON = timezone.now().replace(microsecond=0) + timedelta(days=10)

# What is changed, the fields that are refused, and the German message on the first of them.
INVALID = {
    "hybrid without address or link": (
        {"format": Event.Format.HYBRID, "address": "", "online_url": ""},
        ["address", "online_url"],
        "Bitte geben Sie die Adresse des Veranstaltungsorts an.",
    ),
    "external registration without link": (
        {"registration_mode": Event.RegistrationMode.EXTERNAL, "registration_url": ""},
        ["registration_url"],
        "Bitte geben Sie den Link zur Anmeldung an.",
    ),
    "ends before it starts": (
        {"start": SOON, "end": SOON - timedelta(hours=1)},
        ["end"],
        "Die Veranstaltung muss nach ihrem Beginn enden.",
    ),
    "starts in the past": (
        {"start": SOON - timedelta(days=20), "end": SOON - timedelta(days=20) + timedelta(hours=2)},
        ["start"],
        "Die Veranstaltung kann nicht in der Vergangenheit beginnen.",
    ),
    "nobody can take part": ({"capacity": 0}, ["capacity"], "Mindestens eine Person muss teilnehmen können."),
    "portal registration without capacity": (
        {"registration_mode": Event.RegistrationMode.PORTAL, "capacity": None},
        ["capacity"],
        "Für die Anmeldung über das Portal braucht es eine Platzzahl.",
    ),
}
CASES = list(INVALID.values())
IDS = list(INVALID)
# The database refuses all of them but a start in the past, which is a rule for new plans only.
STORED_NEVER = [case for name, case in INVALID.items() if name != "starts in the past"]


def assert_refused(error: ValidationError, fields, message):
    assert set(fields) <= set(error.message_dict)
    assert message in error.message_dict[fields[0]]


@pytest.mark.parametrize(("changes", "fields", "message"), CASES, ids=IDS)
def test_the_service_refuses_a_new_invalid_event(hub, member, changes, fields, message):
    event = EventFactory.build(hub=hub, slug="", **changes)

    with pytest.raises(ValidationError) as refused:
        services.create_event(event=event, organiser=member)

    assert_refused(refused.value, fields, message)
    assert not Event.objects.exists()


@pytest.mark.parametrize(("changes", "fields", "message"), CASES, ids=IDS)
def test_the_service_refuses_an_invalid_change(hub, manager, changes, fields, message):
    event = EventFactory(hub=hub, title_de="Vorher")

    with pytest.raises(ValidationError) as refused:
        services.update_event(event=event, editor=manager, changes={"title_de": "Nachher", **changes})

    assert_refused(refused.value, fields, message)
    event.refresh_from_db()
    assert event.title == "Vorher"


def admin_data(event, changes):
    data = event_form_data(event)
    for name, value in changes.items():
        if name in ("start", "end"):
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")
        else:
            data[name] = "" if value is None else value
    return data


@pytest.mark.parametrize(("changes", "fields", "message"), CASES, ids=IDS)
def test_the_admin_refuses_a_new_invalid_event(client, hub, manager, changes, fields, message):
    client.force_login(manager)
    template = EventFactory.build(hub=hub, slug="neu")

    response = client.post(reverse("admin:events_event_add"), admin_data(template, changes))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(fields) <= set(errors)
    assert message in errors[fields[0]]
    assert not Event.objects.filter(slug="neu").exists()


@pytest.mark.parametrize(("changes", "fields", "message"), CASES, ids=IDS)
def test_the_admin_refuses_an_invalid_change(client, hub, manager, changes, fields, message):
    client.force_login(manager)
    event = EventFactory(hub=hub, title_de="Vorher")

    response = client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        admin_data(event, {"title_de": "Nachher", **changes}),
    )

    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[fields[0]]
    event.refresh_from_db()
    assert event.title == "Vorher"


@pytest.mark.parametrize(("changes", "fields", "message"), STORED_NEVER)
def test_the_database_never_stores_an_invalid_event(hub, changes, fields, message):
    event = EventFactory(hub=hub)

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(**changes)


def test_an_event_under_way_keeps_its_start_when_other_details_change(hub, manager):
    started = timezone.now() - timedelta(hours=1)
    event = EventFactory(hub=hub, start=started, end=started + timedelta(hours=3))

    services.update_event(event=event, editor=manager, changes={"title_de": "Neuer Titel"})

    event.refresh_from_db()
    assert event.title == "Neuer Titel"


def test_the_database_knows_only_the_statuses_of_the_workflow(hub):
    event = EventFactory(hub=hub)

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(status="archived")
