"""The Format Library: an event's outcome recorded after it by its organiser or its hub's
managers, published as a format, browsed by theme and type, and run by another hub as a new
event, with every hub that ran it and its attendance on the format's page."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from conftest import person_in
from events.models import Event
from events.tests.factories import EventFactory
from events.tests.test_workflow import event_data
from formats.models import Format, Outcome, Run
from formats.services import publish_format
from hubs.tests.factories import FocusThemeFactory

pytestmark = pytest.mark.django_db

OUTCOME = {
    "attendance": "48",
    "format_type": Event.Type.PITCH,
    "effort": "small",
    "summary_de": "Fünf Start-ups, fünf Minuten, eine Jury aus dem Hafen.",
    "summary_en": "Five start-ups, five minutes, a jury from the port.",
    "worked": "Kurze Slots, danach Zeit am Tresen.",
    "to_change": "Früher einladen.",
    "materials": "https://example.org/pitch/ablauf.pdf\nhttps://example.org/pitch/fotos",
}


def past_event(hub, **fields):
    start = timezone.now() - timedelta(days=3)
    texts = {
        "title_de": "Hafen-Pitch",
        "title_en": "Port pitch",
        "description_en": "Start-ups pitch to the port.",
    }
    return EventFactory(hub=hub, start=start, end=start + timedelta(hours=3), **{**texts, **fields})


def record(client, user, event, **changes):
    client.force_login(user)
    return client.post(reverse("formats:outcome", args=[event.slug]), {**OUTCOME, **changes})


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),  # to the login
        ("member", 403),
        ("other_member", 403),
        ("organiser", 200),
        ("manager", 200),
        ("other_manager", 403),
        ("agency", 200),
    ],
)
def test_who_records_an_events_outcome(
    client, hub, member, other_member, manager, other_manager, agency, role, expected
):
    organiser = person_in(hub, "Olga Organisatorin")
    event = past_event(hub, organiser=organiser)
    users = {
        "anonymous": None,
        "member": member,
        "other_member": other_member,
        "organiser": organiser,
        "manager": manager,
        "other_manager": other_manager,
        "agency": agency,
    }
    if users[role]:
        client.force_login(users[role])

    response = client.get(reverse("formats:outcome", args=[event.slug]))

    assert response.status_code == expected


def test_the_organiser_records_the_outcome_and_publishes_it_as_a_format(client, hub, member):
    theme = FocusThemeFactory(name_de="Logistik")
    event = past_event(hub, organiser=member, focus_themes=[theme])

    response = record(client, member, event)

    outcome = Outcome.objects.get()
    assert response.status_code == 302
    assert (outcome.attendance, outcome.recorded_by, outcome.links[1]) == (
        48,
        member,
        "https://example.org/pitch/fotos",
    )

    published = client.post(reverse("formats:publish", args=[event.slug]))

    format = Format.objects.get()
    assert published.url == format.get_absolute_url()
    assert (format.title_de, format.title_en, format.hub, format.published_by) == (
        "Hafen-Pitch",
        "Port pitch",
        hub,
        member,
    )
    assert list(format.focus_themes.all()) == [theme]
    assert Run.objects.get().event == event
    again = client.post(reverse("formats:publish", args=[event.slug]))
    assert Format.objects.count() == 1 and again.status_code == 302


@pytest.mark.parametrize(
    ("when", "status"),
    [(timedelta(days=3), Event.Status.PUBLISHED), (-timedelta(days=3), Event.Status.CANCELLED)],
    ids=["not over yet", "cancelled"],
)
def test_no_outcome_before_the_end_or_for_a_cancelled_event(client, hub, manager, when, status):
    start = timezone.now() + when
    event = EventFactory(hub=hub, start=start, end=start + timedelta(hours=2), status=status)
    client.force_login(manager)

    assert client.get(reverse("formats:outcome", args=[event.slug])).status_code == 403
    assert record(client, manager, event).status_code == 403
    assert not Outcome.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"attendance": "viele"}, "attendance", "ganze Zahl"),
        ({"summary_de": "", "summary_en": ""}, "summary_de", "Bitte fassen Sie die Veranstaltung zusammen"),
        ({"materials": "ablauf.pdf"}, "materials", "Geben Sie eine Webadresse pro Zeile an"),
        ({"effort": "riesig"}, "effort", "keine gültige Auswahl"),
        ({"worked": "x" * 2001}, "worked", "höchstens 2000 Zeichen"),
    ],
)
def test_bad_input_is_a_form_error_that_keeps_what_was_typed(client, hub, manager, changes, field, message):
    event = past_event(hub)

    response = record(client, manager, event, **changes)

    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert form["worked"].value() == changes.get("worked", OUTCOME["worked"])
    assert not Outcome.objects.exists()


def test_the_database_refuses_an_outcome_without_a_summary(hub):
    with pytest.raises(IntegrityError):
        Outcome.objects.create(
            event=past_event(hub), attendance=1, worked="x", format_type="pitch", effort="small"
        )


def make_format(hub, user, **outcome):
    event = past_event(hub, organiser=user, focus_themes=outcome.pop("focus_themes", []))
    fields = {**OUTCOME, "attendance": 48, **outcome}
    return publish_format(outcome=Outcome.objects.create(event=event, **fields), user=user)


def test_the_library_is_browsed_by_theme_type_effort_and_hub(client, hub, other_hub, member, other_member):
    logistics = FocusThemeFactory(name_de="Logistik", slug="logistik")
    make_format(hub, member, focus_themes=[logistics])
    make_format(other_hub, other_member, format_type=Event.Type.HACKATHON, effort="large")

    def titles(**query):
        return [format.hub.slug for format in client.get(reverse("formats:list"), query).context["formats"]]

    assert sorted(titles()) == ["berlin", "hamburg"]
    assert titles(theme="logistik") == ["hamburg"]
    assert titles(type="hackathon") == ["berlin"]
    assert titles(effort="small") == ["hamburg"]
    assert titles(hub="berlin") == ["berlin"]
    assert client.get(reverse("formats:list"), {"type": "party"}).status_code == 200


def test_another_hub_runs_a_format_from_a_prefilled_event_form(client, hub, member, other_member):
    format = make_format(hub, member, focus_themes=[FocusThemeFactory()])
    client.force_login(other_member)

    page = client.get(reverse("formats:run", args=[format.slug]))

    form = page.context["form"]
    assert (form["title_de"].value(), form["event_type"].value(), form["capacity"].value()) == (
        "Hafen-Pitch",
        Event.Type.PITCH,
        48,
    )
    assert "„Hafen-Pitch“ wie in Hamburg" in page.content.decode()
    berlin = other_member.memberships.get().hub
    data = event_data(berlin, title_de="Spree-Pitch", event_type=Event.Type.PITCH)
    response = client.post(reverse("formats:run", args=[format.slug]), data)

    event = Event.objects.get(title_de="Spree-Pitch")
    assert response.url == event.get_absolute_url()
    assert (event.status, event.hub, event.organiser) == (Event.Status.DRAFT, berlin, other_member)
    assert Run.objects.get(event=event).format == format


def test_a_bad_event_from_a_format_is_a_form_error_that_keeps_what_was_typed(
    client, hub, member, other_member
):
    format = make_format(hub, member)
    client.force_login(other_member)
    data = event_data(other_member.memberships.get().hub, title_de="Spree-Pitch", start="morgen")

    response = client.post(reverse("formats:run", args=[format.slug]), data)

    assert response.status_code == 200
    assert response.context["form"].errors["start"]
    assert response.context["form"]["title_de"].value() == "Spree-Pitch"
    assert not Run.objects.exclude(event__title_de="Hafen-Pitch").exists()


@pytest.mark.parametrize(("role", "expected"), [("anonymous", 302), ("no_hub", 403), ("other_member", 200)])
def test_who_runs_a_format(client, hub, member, other_member, role, expected):
    from members.tests.factories import ProfileFactory

    format = make_format(hub, member)
    user = {"anonymous": None, "no_hub": ProfileFactory().user, "other_member": other_member}[role]
    if user:
        client.force_login(user)

    assert client.get(reverse("formats:run", args=[format.slug])).status_code == expected


def test_a_formats_page_lists_every_hub_that_ran_it_with_its_attendance(
    client, hub, other_hub, member, other_member
):
    format = make_format(hub, member)
    berlin = past_event(other_hub, title_de="Spree-Pitch", organiser=other_member)
    Run.objects.create(format=format, event=berlin)
    Outcome.objects.create(event=berlin, **{**OUTCOME, "attendance": 31})
    coming = EventFactory(hub=other_hub, title_de="Nächster Spree-Pitch")
    Run.objects.create(format=format, event=coming)

    page = client.get(format.get_absolute_url())

    runs = [
        (event.hub.slug, event.outcome.attendance if hasattr(event, "outcome") else None)
        for event in page.context["runs"]
    ]
    assert runs == [("berlin", None), ("berlin", 31), ("hamburg", 48)]
    assert "geplant" in page.content.decode()
    listed = client.get(reverse("formats:list")).content.decode()
    assert "Von 2 Hubs durchgeführt" in listed


def test_an_english_visitor_reads_the_format_in_english(client, hub, member):
    format = make_format(hub, member)

    page = client.get(f"/en{format.get_absolute_url()}").content.decode()

    assert "Port pitch" in page and "Five start-ups" in page


def test_an_events_page_links_its_format_and_offers_the_outcome_to_its_moderators(
    client, hub, member, manager
):
    format = make_format(hub, member)
    event = format.outcome.event

    client.force_login(manager)
    as_manager = client.get(event.get_absolute_url()).content.decode()
    client.logout()
    as_visitor = client.get(event.get_absolute_url()).content.decode()

    assert format.get_absolute_url() in as_visitor
    assert reverse("formats:outcome", args=[event.slug]) in as_manager
    assert reverse("formats:outcome", args=[event.slug]) not in as_visitor


@pytest.mark.parametrize(
    ("texts", "prefilled"),
    [
        (
            {"title_en": "Port pitch", "summary_de": "Fünf Start-ups.", "summary_en": "Five start-ups."},
            {
                "title_de": "Hafen-Pitch",
                "description_de": "Fünf Start-ups.",
                "title_en": "Port pitch",
                "description_en": "Five start-ups.",
            },
        ),
        (
            {"title_en": "", "summary_de": "Fünf Start-ups.", "summary_en": ""},
            {
                "title_de": "Hafen-Pitch",
                "description_de": "Fünf Start-ups.",
                "title_en": None,
                "description_en": None,
            },
        ),
        (  # title and summary in different languages: both in the German fields, to sort out
            {"title_en": "", "summary_de": "", "summary_en": "Five start-ups."},
            {
                "title_de": "Hafen-Pitch",
                "description_de": "Five start-ups.",
                "title_en": None,
                "description_en": None,
            },
        ),
    ],
)
def test_a_run_is_prefilled_with_the_languages_the_format_is_whole_in(
    client, hub, member, other_member, texts, prefilled
):
    format = make_format(hub, member)
    Format.objects.filter(pk=format.pk).update(**texts)
    client.force_login(other_member)

    form = client.get(reverse("formats:run", args=[format.slug])).context["form"]

    assert {name: form[name].value() for name in prefilled} == prefilled
