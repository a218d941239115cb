"""Bad event input gives a form error that keeps what was typed; descriptions are sanitised."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event

from .factories import EventFactory
from .test_workflow import event_data

pytestmark = pytest.mark.django_db

IN_TEN_DAYS = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end": f"{IN_TEN_DAYS}T17:00"}, "end"),  # before the 18:00 start
        ({"end": f"{IN_TEN_DAYS}T18:00"}, "end"),  # no duration
        ({"start": "2020-01-01T10:00", "end": "2020-01-01T12:00"}, "start"),
        ({"start": "morgen"}, "start"),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "-5"}, "capacity"),
        ({"capacity": ""}, "capacity"),  # portal registration needs one
        ({"online_url": "htp//kaputt", "format": Event.Format.HYBRID}, "online_url"),
        ({"online_url": "javascript:alert(1)", "format": Event.Format.ONLINE}, "online_url"),
        ({"format": Event.Format.ONLINE, "online_url": ""}, "online_url"),
        ({"address": ""}, "address"),
        ({"registration_mode": Event.RegistrationMode.EXTERNAL, "registration_url": ""}, "registration_url"),
        (
            {"registration_mode": Event.RegistrationMode.EXTERNAL, "registration_url": "nicht eine URL"},
            "registration_url",
        ),
        ({"event_type": "party"}, "event_type"),
        ({"language": "fr"}, "language"),
        ({"title_de": ""}, "title_de"),
        ({"title_de": "x" * 201}, "title_de"),
        ({"focus_themes": ["99999"]}, "focus_themes"),
        ({"cohosts": ["99999"]}, "cohosts"),
    ],
)
def test_bad_input_is_a_form_error_that_keeps_what_was_typed(client, member, hub, overrides, field):
    client.force_login(member)

    response = client.post(reverse("events:create"), {**event_data(hub), **overrides, "submit": "1"})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    content = response.content.decode()
    assert 'value="Hafenforum"' in content
    assert "Daten im Hafen." in content
    assert not Event.objects.exists()


def test_a_time_that_does_not_exist_in_berlin_is_refused(client, member, hub):
    """On the last Sunday of March 2030, clocks jump from 02:00 to 03:00 in Germany."""
    client.force_login(member)

    response = client.post(
        reverse("events:create"), event_data(hub, start="2030-03-31T02:30", end="2030-03-31T05:00")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["start"]


def test_times_are_stored_as_berlin_time_across_daylight_saving(client, member, hub):
    client.force_login(member)

    client.post(
        reverse("events:create"),
        {**event_data(hub, start="2030-03-30T22:00", end="2030-03-31T04:00"), "submit": "1"},
    )

    event = Event.objects.get()
    assert event.start.isoformat() == "2030-03-30T21:00:00+00:00"  # CET, UTC+1
    assert event.end.isoformat() == "2030-03-31T02:00:00+00:00"  # CEST, UTC+2
    assert event.end - event.start == timedelta(hours=5)


def test_the_hosting_hub_is_not_also_a_cohost(client, member, hub, other_hub):
    client.force_login(member)

    client.post(reverse("events:create"), {**event_data(hub, cohosts=[hub.pk, other_hub.pk]), "submit": "1"})

    assert list(Event.objects.get().cohosts.all()) == [other_hub]


def test_scripts_and_event_handlers_are_stripped_from_descriptions(client):
    event = EventFactory(
        description_de=(
            "## Programm\n\n<script>alert('x')</script>\n\n"
            '<img src="x" onerror="alert(1)"> <a href="javascript:alert(2)">klick</a> '
            '<p onclick="alert(3)">Text</p> **fett**'
        )
    )

    content = client.get(event.get_absolute_url()).content.decode()

    assert "<h2>Programm</h2>" in content
    assert "<strong>fett</strong>" in content
    assert "<script>alert('x')" not in content
    assert "onerror" not in content
    assert "onclick" not in content
    assert "javascript:" not in content


def test_the_atom_feed_sanitises_descriptions_as_the_page_does(client):
    EventFactory(
        description_de=(
            "<script>alert('x')</script> <img src=x onerror=alert(1)> "
            '<a href="javascript:alert(2)">klick</a> <p onclick="alert(3)">Text</p> **fett**'
        )
    )

    feed = client.get(reverse("events:feed")).content.decode()

    assert "&lt;strong&gt;fett&lt;/strong&gt;" in feed  # HTML for the feed reader, escaped in XML
    for dangerous in ("&lt;script", "onerror", "onclick", "javascript:"):
        assert dangerous not in feed


def test_an_unchanged_start_in_the_past_does_not_block_other_edits(client, hub):
    event = EventFactory(
        hub=hub, start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=2)
    )
    moderator = event.organiser
    client.force_login(moderator)
    start = timezone.localtime(event.start).strftime("%Y-%m-%dT%H:%M")
    end = timezone.localtime(event.end).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("events:edit", args=[event.slug]),
        event_data(hub, start=start, end=end, title_de="Läuft schon"),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Läuft schon"
