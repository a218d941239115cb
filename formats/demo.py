"""Demo formats for development: two past demo events (Ludwigshafen/Mannheim, Dortmund) with
their outcomes, published as formats, and Hamburg running the Dortmund one."""

from events.models import Event

from .models import Effort, Format, Outcome, Run
from .services import publish_format, record_outcome, run_format

# The past demo event (events.demo), and what came of it.
DEMO_OUTCOMES = [
    (
        "Chemie trifft KI",
        {
            "attendance": 132,
            "format_type": Event.Type.CONFERENCE,
            "effort": Effort.LARGE,
            "summary_de": "Ein Konferenztag, an dem Chemieunternehmen ihre Datenprobleme vorstellen und "
            "KI-Start-ups in kurzen Runden Lösungen skizzieren (Demo).",
            "summary_en": "A conference day on which chemical companies present their data problems and AI "
            "start-ups sketch solutions in short rounds (demo).",
            "worked": "Problemstellungen der Unternehmen vorab einsammeln; Tische nach Problem, nicht nach Branche.",
            "to_change": "Mehr Zeit für die Gespräche nach den Runden, weniger Vorträge am Vormittag.",
            "materials": "https://example.org/demo/chemie-trifft-ki/ablauf.pdf",
        },
    ),
    (
        "Logistik-Webinar: Letzte Meile",
        {
            "attendance": 214,
            "format_type": Event.Type.WEBINAR,
            "effort": Effort.SMALL,
            "summary_de": "Eine Stunde online: drei Start-ups, ein Logistiker, eine Frage an alle (Demo).",
            "summary_en": "One hour online: three start-ups, one logistics company, one question for all (demo).",
            "worked": "Feste Redezeit von sieben Minuten; Fragen im Chat, gesammelt von der Moderation.",
            "to_change": "Die Aufzeichnung früher teilen.",
            "materials": "",
        },
    ),
]
# Hamburg runs the Dortmund webinar's format as its coming meetup.
DEMO_RUN = ("Logistik-Webinar: Letzte Meile", "Logistik-Meetup: Daten im Hafen")


def create_demo_formats() -> int:
    created = 0
    for title, fields in DEMO_OUTCOMES:
        event = Event.objects.filter(title_de=title).select_related("hub", "organiser").first()
        if event is None or event.organiser is None or Outcome.objects.filter(event=event).exists():
            continue
        outcome = record_outcome(outcome=Outcome(event=event, **fields), user=event.organiser)
        publish_format(outcome=outcome, user=event.organiser)
        created += 1
    format = Format.objects.filter(outcome__event__title_de=DEMO_RUN[0]).first()
    event = Event.objects.filter(title_de=DEMO_RUN[1]).first()
    if format and event and not Run.objects.filter(event=event).exists():
        run_format(format=format, event=event)
    return created
