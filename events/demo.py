"""Demo events for development: past and upcoming, every type and format, some co-hosted
by several hubs, some fully booked with a waitlist.

They are made as members make them, through the services: submitted by their organiser,
published by the agency, registered for, reported. An event that already took place was made
before it did: the demo makes it in the future and then moves it, with its history, back to its
dates (`move_to_the_past`)."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hubs.models import Hub
from members.demo import demo_agency
from members.models import Membership

from .models import Event, EventReport, EventSeries
from .services import (
    create_event,
    create_series,
    publish_event,
    register_for_event,
    report_event,
    update_event,
)

# title, type, format, hosting hub, co-hosts, days from today, hour, hours long, capacity or None
DEMO_EVENTS = [
    ("Logistik-Meetup: Daten im Hafen", "meetup", "on_site", "hamburg", [], 9, 18, 3, 80),
    ("FinTech Pitch Night", "pitch", "on_site", "berlin", ["frankfurt-darmstadt"], 16, 19, 3, 4),
    ("Applied AI Hackathon", "hackathon", "hybrid", "karlsruhe", ["stuttgart"], 30, 9, 32, 60),
    ("InsurTech Roundtable", "workshop", "on_site", "koeln", ["muenchen"], 12, 14, 4, 3),
    (
        "Digital Health Webinar: Daten nutzen, Patienten schützen",
        "webinar",
        "online",
        "nuernberg-erlangen",
        ["ludwigshafen-mannheim"],
        5,
        16,
        2,
        500,
    ),
    (
        "Delegation aus Südkorea: Smart Infrastructure",
        "delegation",
        "on_site",
        "dresden-leipzig",
        [],
        45,
        10,
        6,
        None,
    ),
    ("MediaTech Conference Babelsberg", "conference", "on_site", "potsdam", ["berlin"], 60, 9, 9, 300),
    ("Mobility Data Workshop", "workshop", "hybrid", "muenchen", [], 21, 13, 4, 25),
    ("Cyber Security Breakfast", "meetup", "on_site", "frankfurt-darmstadt", [], 7, 8, 2, 40),
    ("Future Industries Open Lab", "other", "on_site", "stuttgart", [], 75, 15, 3, 50),
    ("Chemie trifft KI", "conference", "on_site", "ludwigshafen-mannheim", ["karlsruhe"], -20, 9, 8, 150),
    (
        "Hub-Netzwerk Jahrestreffen",
        "conference",
        "on_site",
        "berlin",
        ["hamburg", "muenchen", "koeln"],
        -45,
        10,
        7,
        200,
    ),
    ("Logistik-Webinar: Letzte Meile", "webinar", "online", "dortmund", ["hamburg"], -10, 11, 1, 300),
    ("Hafen-Pitch: Start-ups treffen Reedereien", "pitch", "on_site", "hamburg", [], 25, 18, 3, 60),
]
# English versions of the texts; the events in ENGLISH_ONLY have no German one.
ENGLISH_TITLES = {
    "FinTech Pitch Night": "FinTech Pitch Night",
    "Applied AI Hackathon": "Applied AI Hackathon",
    "InsurTech Roundtable": "InsurTech Roundtable",
    "Digital Health Webinar: Daten nutzen, Patienten schützen": "Digital Health Webinar: Using data, protecting patients",
    "Delegation aus Südkorea: Smart Infrastructure": "Delegation from South Korea: Smart Infrastructure",
    "MediaTech Conference Babelsberg": "MediaTech Conference Babelsberg",
    "Mobility Data Workshop": "Mobility Data Workshop",
    "Hub-Netzwerk Jahrestreffen": "Hub Network Annual Meeting",
    "Chemie trifft KI": "Chemistry meets AI",
    "Logistik-Webinar: Letzte Meile": "Logistics webinar: the last mile",
}
ENGLISH_ONLY = {"Mobility Data Workshop"}
# Waiting in the moderation queue, for the Hamburg hub manager to publish or reject.
AWAITING_REVIEW = {"Hafen-Pitch: Start-ups treffen Reedereien"}


@transaction.atomic
def create_demo_events() -> int:
    hubs = {hub.slug: hub for hub in Hub.objects.prefetch_related("focus_themes")}
    if not hubs:
        return 0
    agency = demo_agency()
    created = 0
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for title, event_type, event_format, hub_slug, cohost_slugs, days, hour, hours, capacity in DEMO_EVENTS:
        if Event.objects.filter(Q(title_de=title) | Q(title_en=ENGLISH_TITLES.get(title, title))).exists():
            continue
        hub = hubs[hub_slug]
        members = list(Membership.objects.filter(hub=hub).select_related("user").order_by("joined"))
        organiser = members[0].user if members else agency
        start = (today + timedelta(days=days)).replace(hour=hour)
        made_at = start if days > 0 else start + timedelta(days=30 - days)  # moved back once made
        event = Event(
            **demo_texts(title, hub),
            hub=hub,
            event_type=event_type,
            format=event_format,
            venue="" if event_format == "online" else f"Demo-Forum {hub.name_de}",
            address="" if event_format == "online" else f"Beispielstraße 1, {hub.cities.first().name_de}",
            online_url="https://meet.example.org/" + hub.slug if event_format != "on_site" else "",
            start=made_at,
            end=made_at + timedelta(hours=hours),
            language="en" if title in ENGLISH_ONLY else "both" if cohost_slugs else "de",
            free_of_charge=bool(days % 2),
            **({} if days % 2 else demo_cost_notes(title)),
            registration_mode=Event.RegistrationMode.PORTAL if capacity else Event.RegistrationMode.EXTERNAL,
            capacity=capacity,
            waitlist=True,
            registration_url="" if capacity else "https://anmeldung.example.org/" + hub.slug,
            featured=title == "Applied AI Hackathon",
        )
        cohosts = [hubs[slug] for slug in cohost_slugs]
        create_event(
            event=event,
            organiser=organiser,
            cohosts=cohosts,
            focus_themes=hub.focus_themes.all(),
            submit=True,
        )
        if title not in AWAITING_REVIEW:
            publish_event(event=event, moderator=agency)
        if capacity and capacity <= 4:
            # Fully booked, with people waiting.
            for membership in Membership.objects.exclude(user=organiser).select_related("user")[
                : capacity + 2
            ]:
                register_for_event(event=event, user=membership.user)
        if start != made_at:
            move_to_the_past(event, start=start)
        created += 1
    report_a_demo_event()
    return created + create_demo_series(hubs["hamburg"], agency)


def move_to_the_past(event: Event, *, start) -> None:
    """Move an event the demo made in the future, with its history, to `start`: as if it had
    been made and published a month before it took place, as members do. (The services refuse
    to make an event in the past, rightly.)"""
    shift = start - event.start
    Event.objects.filter(pk=event.pk).update(start=start, end=event.end + shift)
    Event.history.filter(id=event.pk).update(
        history_date=F("history_date") + shift, start=start, end=event.end + shift
    )
    event.refresh_from_db()


def create_demo_series(hub: Hub, agency) -> int:
    """A monthly office hour in Hamburg, every first Tuesday for six months: the third date
    left out, the fourth moved to the Wednesday."""
    if Event.objects.filter(title_de="Gründer-Sprechstunde").exists():
        return 0
    today = timezone.localdate()
    month = today.replace(day=1) + timedelta(days=32)
    first_tuesday = month.replace(day=1) + timedelta(days=(1 - month.replace(day=1).weekday()) % 7)
    first = timezone.make_aware(datetime.combine(first_tuesday, time(17)))
    series = EventSeries(frequency=EventSeries.Frequency.MONTHLY, interval=1, first_start=first)
    series.until = first + timedelta(days=200)
    series.until = series.dates()[5]
    organiser = Membership.objects.filter(hub=hub).select_related("user").order_by("joined").first()
    dates = create_series(
        event=Event(
            title_de="Gründer-Sprechstunde",
            description_de="Eine Stunde für Ihre Fragen an den Hub: Förderung, Räume, Kontakte (Demo-Serie).",
            title_en="Founders' office hour",
            description_en="An hour for your questions to the hub: funding, space, contacts (demo series).",
            hub=hub,
            event_type=Event.Type.MEETUP,
            format=Event.Format.HYBRID,
            venue=f"Demo-Forum {hub.name_de}",
            address="Beispielstraße 1, Hamburg",
            online_url="https://meet.example.org/sprechstunde",
            start=first,
            end=first + timedelta(hours=1),
            language=Event.Language.BOTH,
            free_of_charge=True,
            registration_mode=Event.RegistrationMode.PORTAL,
            capacity=12,
        ),
        series=series,
        organiser=organiser.user if organiser else agency,
        skipped=[timezone.localdate(series.dates()[2])],  # an exception: no office hour that month
        focus_themes=hub.focus_themes.all(),
        submit=True,
    )
    publish_event(event=dates[0], moderator=agency)
    moved = dates[2]  # the fourth date of the rule, a day later
    update_event(
        event=moved,
        editor=agency,
        changes={"start": moved.start + timedelta(days=1), "end": moved.end + timedelta(days=1)},
    )
    return len(dates)


def demo_cost_notes(title: str) -> dict:
    """What a paid demo event costs, in the languages its organiser writes in."""
    notes = {"cost_note_en": "EUR 20, students free"}
    if title not in ENGLISH_ONLY:
        notes["cost_note_de"] = "20 EUR, Studierende frei"
    return notes


def demo_texts(title: str, hub: Hub) -> dict:
    texts = {}
    if title not in ENGLISH_ONLY:
        texts["title_de"] = title
        texts["description_de"] = (
            f"**{title}** ist eine erfundene Demo-Veranstaltung des Hubs {hub.name_de}.\n\n"
            "- Kurze Impulse aus Start-ups, Mittelstand und Forschung\n"
            "- Zeit zum Kennenlernen\n\n"
            f"Mehr über den Hub: [Hub-Seite](/hubs/{hub.slug}/)"
        )
    if title in ENGLISH_TITLES:
        texts["title_en"] = ENGLISH_TITLES[title]
        texts["description_en"] = (
            f"**{ENGLISH_TITLES[title]}** is a made-up demo event of the {hub.name_en or hub.name_de} hub.\n\n"
            "- Short talks from start-ups, the Mittelstand and research\n"
            "- Time to get to know each other\n\n"
            f"More about the hub: [hub page](/en/hubs/{hub.slug}/)"
        )
    return texts


def report_a_demo_event() -> None:
    """A Hamburg event reported by a member of another hub, for the moderators' queue."""
    if EventReport.objects.filter(event__hub__slug="hamburg").exists():
        return
    event = Event.objects.published().filter(hub__slug="hamburg").order_by("start").first()
    reporter = Membership.objects.exclude(hub__slug="hamburg").exclude(user=getattr(event, "organiser", None))
    reporter = reporter.select_related("user").order_by("joined").first()
    if event is None or reporter is None:
        return
    report_event(
        event=event,
        reporter=reporter.user,
        reason=EventReport.Reason.MISLEADING,
        note="Die angegebene Adresse gibt es nicht (Demo-Meldung).",
    )
