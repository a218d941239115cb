from io import StringIO

import pytest
from django.core.management import call_command

from hubs.models import City, FederalState, FocusTheme, Hub, HubFocus

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_hubs", stdout=StringIO())


def test_seed_loads_the_twelve_hubs_and_their_themes():
    seed()

    assert Hub.objects.count() == 12
    assert set(Hub.objects.values_list("name_de", flat=True)) == {
        "Berlin",
        "Frankfurt/Darmstadt",
        "Hamburg",
        "Dortmund",
        "München",
        "Köln",
        "Dresden/Leipzig",
        "Karlsruhe",
        "Stuttgart",
        "Ludwigshafen/Mannheim",
        "Potsdam",
        "Nürnberg/Erlangen",
    }
    assert FocusTheme.objects.count() == 13
    assert Hub.objects.filter(selected_in=2016).count() == 5
    assert Hub.objects.filter(selected_in=2017).count() == 7


def test_seed_ties_cyber_security_to_darmstadt():
    seed()

    focus = HubFocus.objects.get(hub__slug="frankfurt-darmstadt", theme__slug="cyber-security")
    assert focus.city.name_de == "Darmstadt"
    assert HubFocus.objects.get(hub__slug="frankfurt-darmstadt", theme__slug="fintech").city is None


def test_seed_places_ludwigshafen_mannheim_in_two_states():
    seed()

    hub = Hub.objects.get(slug="ludwigshafen-mannheim")
    assert set(hub.cities.values_list("state", flat=True)) == {
        FederalState.RHEINLAND_PFALZ,
        FederalState.BADEN_WUERTTEMBERG,
    }


def test_seed_twice_duplicates_nothing():
    seed()
    counts = (Hub.objects.count(), FocusTheme.objects.count(), City.objects.count(), HubFocus.objects.count())

    seed()

    assert (
        Hub.objects.count(),
        FocusTheme.objects.count(),
        City.objects.count(),
        HubFocus.objects.count(),
    ) == counts
    assert counts == (12, 13, 16, 17)


def test_seed_keeps_the_agencys_edits():
    seed()
    Hub.objects.filter(slug="hamburg").update(
        description_de="Von der Agentur überarbeitet.", tagline_en="Edited by the agency"
    )
    FocusTheme.objects.filter(slug="logistics").update(description_en="Edited theme text.")

    seed()

    hamburg = Hub.objects.get(slug="hamburg")
    assert hamburg.description_de == "Von der Agentur überarbeitet."
    assert hamburg.tagline_en == "Edited by the agency"
    assert FocusTheme.objects.get(slug="logistics").description_en == "Edited theme text."


def test_seed_restores_what_is_missing():
    seed()
    City.objects.filter(hub__slug="dresden-leipzig", name_de="Leipzig").delete()

    seed()

    assert Hub.objects.get(slug="dresden-leipzig").cities.count() == 2
