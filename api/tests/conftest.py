from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import Event
from events.tests.factories import EventFactory
from hubs.tests.factories import FocusThemeFactory, HubFactory
from pages.models import News
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory, PartnershipFactory

BERLIN = ZoneInfo("Europe/Berlin")


def day(month, date, hour=0):
    return datetime(2031, month, date, hour, tzinfo=BERLIN)


@pytest.fixture
def open_data(db):
    """A small network with fixed ids, so that the documented examples are its live answers:
    two hubs and two themes; public, cancelled and hidden events; partners and news, each
    with one that the public pages do not show."""
    fintech = FocusThemeFactory(
        pk=9101,
        slug="fintech",
        name_de="FinTech",
        name_en="FinTech",
        description_de="Digitale Finanzdienste.",
    )
    logistics = FocusThemeFactory(
        pk=9102, slug="logistik", name_de="Logistik", name_en="Logistics", description_en="Moving goods."
    )
    hamburg = HubFactory(
        pk=9201,
        slug="hamburg",
        name_de="Hamburg",
        name_en="Hamburg",
        tagline_de="Logistik am Hafen",
        tagline_en="Logistics at the port",
        description_de="Der Hub am Hafen.",
        description_en="",
        selected_in=2017,
        website="https://www.example.org/hub-hamburg",
        cities=[{"name_de": "Hamburg", "state": "HH", "latitude": "53.55", "longitude": "9.99"}],
        themes=[logistics],
    )
    berlin = HubFactory(
        pk=9202,
        slug="berlin",
        name_de="Berlin",
        selected_in=2016,
        contact_email="hallo@example.org",
        cities=[{"name_de": "Berlin", "state": "BE"}],
        themes=[fintech],
    )

    summit = EventFactory(
        pk=9301,
        slug="hafen-summit",
        title_de="Hafen-Summit",
        title_en="Port Summit",
        description_de="Ein Tag am **Hafen**.",
        description_en="A day at the **port**.",
        hub=hamburg,
        cohosts=[berlin],
        focus_themes=[logistics],
        event_type=Event.Type.CONFERENCE,
        format=Event.Format.HYBRID,
        language=Event.Language.BOTH,
        venue="Speicherstadt",
        address="Am Sandtorkai 1, Hamburg",
        online_url="https://stream.example.org/summit",
        start=day(3, 10, 9),
        end=day(3, 10, 17),
        free_of_charge=True,
        cost_note_de="Anmeldung bis zum 1. März",
    )
    EventFactory(
        pk=9302,
        slug="fintech-meetup",
        title_de="FinTech-Meetup",
        description_de="Austausch.",
        hub=berlin,
        focus_themes=[fintech],
        event_type=Event.Type.MEETUP,
        format=Event.Format.ONLINE,
        venue="",
        address="",
        online_url="https://meet.example.org/secret",
        start=day(4, 2, 18),
        end=day(4, 2, 20),
        status=Event.Status.CANCELLED,
        registration_mode=Event.RegistrationMode.EXTERNAL,
        registration_url="https://tickets.example.org/fintech",
    )
    EventFactory(slug="draft", hub=hamburg, start=day(5, 1, 10), end=day(5, 1, 12), status=Event.Status.DRAFT)
    EventFactory(
        slug="submitted", hub=berlin, start=day(5, 2, 10), end=day(5, 2, 12), status=Event.Status.SUBMITTED
    )

    partner = OrganisationFactory(
        pk=9401,
        slug="hafen-labor",
        name="Hafen-Labor",
        kind="research",
        city="Hamburg",
        website="https://www.example.org/hafen-labor",
        description_de="Forschung für den Hafen.",
        description_en="Research for the port.",
        hub=hamburg,
    )
    partner.focus_themes.set([logistics])
    PartnershipFactory(organisation=partner, hub=hamburg)
    OrganisationFactory(
        slug="proposed", name="Vorgeschlagen", hub=berlin, status=Organisation.Status.SUBMITTED
    )

    news = News.objects.create(
        pk=9501,
        slug="hub-tour",
        title_de="Hub-Tour",
        title_en="Hub tour",
        teaser_de="Die Agentur besucht die Hubs.",
        body_de="Zwölf Hubs in zwölf Wochen.",
        published_at=datetime(2026, 1, 15, 10, tzinfo=BERLIN),
    )
    news.hubs.set([hamburg, berlin])
    News.objects.create(
        slug="scheduled",
        title_de="Geplant",
        teaser_de="Später.",
        body_de="Später.",
        published_at=day(1, 1),
    )
    return {"hamburg": hamburg, "berlin": berlin, "summit": summit}
