import pytest
from django.urls import reverse

from hubs.models import FederalState, Hub

from .factories import HubFactory

pytestmark = pytest.mark.django_db


def listed_hub_slugs(response):
    return sorted(hub.slug for hub in response.context["hubs"])


# Home page


def test_home_presents_every_hub_on_the_map_and_in_the_index(client, network):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('class="map-hub"') == 12
    for hub in Hub.objects.all():
        assert hub.get_absolute_url() in content
        assert hub.name_de in content
    assert "Digitale Gesundheit" in content


def test_home_map_markers_use_the_hub_coordinates(client, network):
    response = client.get(reverse("home"))

    # Berlin at 13.405 E, 52.52 N, projected as in hubs.map, in the same place in either language.
    marker = '<circle cx="496.4" cy="268.0" r="17"/>'
    assert marker in response.content.decode()
    assert marker in client.get("/en/").content.decode()


def test_home_links_the_focus_themes_to_the_filtered_list(client, network):
    response = client.get(reverse("home"))

    assert f"{reverse('hubs:list')}?theme=digital-health" in response.content.decode()


def test_home_is_in_english_under_en(client, network):
    response = client.get("/en/")

    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "Munich" in content
    assert "Digital Health" in content


# Hub list and its filters


def test_list_shows_all_hubs_with_cities_and_themes(client, network):
    response = client.get(reverse("hubs:list"))

    assert response.status_code == 200
    assert len(response.context["hubs"]) == 12
    content = response.content.decode()
    assert "Frankfurt am Main, Darmstadt" in content
    assert "Cyber Security (Darmstadt)" in content


def test_list_filters_by_focus_theme(client, network):
    response = client.get(reverse("hubs:list"), {"theme": "digital-health"})

    assert listed_hub_slugs(response) == ["ludwigshafen-mannheim", "nuernberg-erlangen"]


def test_list_filters_by_federal_state(client, network):
    response = client.get(reverse("hubs:list"), {"state": FederalState.BADEN_WUERTTEMBERG})

    assert listed_hub_slugs(response) == ["karlsruhe", "ludwigshafen-mannheim", "stuttgart"]


def test_state_filter_lists_a_hub_with_two_cities_there_once(client, network):
    response = client.get(reverse("hubs:list"), {"state": FederalState.HESSEN})

    assert listed_hub_slugs(response) == ["frankfurt-darmstadt"]


def test_list_combines_filters(client, network):
    response = client.get(reverse("hubs:list"), {"theme": "logistics", "state": FederalState.HAMBURG})

    assert listed_hub_slugs(response) == ["hamburg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("darmstadt", ["frankfurt-darmstadt"]),
        ("Cologne", ["koeln"]),
        ("Logistics", ["dortmund", "hamburg"]),
        ("Versicherung", ["koeln", "muenchen"]),
        ("  Potsdam  ", ["potsdam"]),
    ],
)
def test_list_searches_names_cities_themes_and_texts_in_both_languages(client, network, text, expected):
    response = client.get(reverse("hubs:list"), {"q": text})

    assert listed_hub_slugs(response) == expected


def test_list_without_matches_says_so(client, network):
    response = client.get(reverse("hubs:list"), {"q": "Raumfahrt auf dem Mond"})

    assert response.status_code == 200
    assert "Kein Hub passt zu diesen Filtern." in response.content.decode()


def test_list_is_ordered_by_name_in_the_visitors_language(client):
    HubFactory(name_de="Köln", name_en="Cologne", slug="koeln")
    HubFactory(name_de="Berlin", name_en="Berlin", slug="berlin")
    HubFactory(name_de="Aachen", name_en="Zaachen", slug="aachen")

    german = client.get(reverse("hubs:list"))
    english = client.get("/en/hubs/")

    assert [hub.slug for hub in german.context["hubs"]] == ["aachen", "berlin", "koeln"]
    assert [hub.slug for hub in english.context["hubs"]] == ["berlin", "koeln", "aachen"]


# Bad input never breaks the list


def test_unknown_theme_shows_a_form_error_not_a_500(client, network):
    response = client.get(reverse("hubs:list"), {"theme": "raumfahrt"})

    assert response.status_code == 200
    assert response.context["filter"].errors["theme"]
    assert list(response.context["hubs"]) == []
    assert 'aria-invalid="true"' in response.content.decode()


def test_unknown_state_shows_a_form_error(client, network):
    response = client.get(reverse("hubs:list"), {"state": "XX"})

    assert response.status_code == 200
    assert response.context["filter"].errors["state"]


def test_script_in_the_search_is_escaped_and_kept_in_the_form(client, network):
    attack = '"><script>alert(1)</script>'

    response = client.get(reverse("hubs:list"), {"q": attack, "theme": attack})

    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_overlong_search_is_a_form_error(client, network):
    response = client.get(reverse("hubs:list"), {"q": "x" * 500})

    assert response.status_code == 200
    assert response.context["filter"].errors["q"]


@pytest.mark.parametrize("page", ["99999999999999999999", "0", "-1", "abc"])
def test_impossible_page_numbers_are_not_found(client, network, page):
    response = client.get(reverse("hubs:list"), {"page": page})

    assert response.status_code == 404


# Hub page


def test_hub_page_shows_description_cities_themes_and_year(client, network):
    response = client.get(reverse("hubs:detail", kwargs={"slug": "frankfurt-darmstadt"}))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Digital Hub Frankfurt/<wbr>Darmstadt</h1>" in content
    assert "Am Finanzplatz Frankfurt arbeiten Banken" in content
    assert "Frankfurt am Main" in content
    assert "Darmstadt" in content
    assert "Hessen" in content
    assert "Cyber Security (Darmstadt)" in content
    assert "2016" in content


def test_hub_page_is_in_english_under_en(client, network):
    response = client.get("/en/hubs/muenchen/")

    content = response.content.decode()
    assert "Digital Hub Munich" in content
    assert "Car makers, suppliers, insurers" in content
    assert "Bavaria" in content


def test_hub_page_falls_back_to_german_where_english_is_missing(client):
    HubFactory(slug="aachen", name_de="Aachen", name_en="", description_en="", description_de="Nur Deutsch.")

    response = client.get("/en/hubs/aachen/")

    assert "Digital Hub Aachen" in response.content.decode()
    assert "Nur Deutsch." in response.content.decode()


def test_hub_page_shows_contact_and_website(client):
    hub = HubFactory(contact_email="kontakt@hub.example.org", website="https://hub.example.org/")

    response = client.get(hub.get_absolute_url())

    content = response.content.decode()
    assert 'href="mailto:kontakt@hub.example.org"' in content
    assert 'href="https://hub.example.org/"' in content


def test_hub_page_without_contact_points_to_the_agency(client):
    hub = HubFactory(contact_email="", website="")

    response = client.get(hub.get_absolute_url())

    assert f'href="{reverse("pages:impressum")}"' in response.content.decode()


def test_hub_description_is_rendered_as_markdown_without_scripts(client):
    hub = HubFactory(
        description_de=(
            "**Stark** im [Netz](https://example.org)\n\n"
            '<script>alert(1)</script><img src="x" onerror="alert(2)">'
            "[klick](javascript:alert(3))"
        )
    )

    response = client.get(hub.get_absolute_url())

    content = response.content.decode()
    assert "<strong>Stark</strong>" in content
    assert 'href="https://example.org"' in content
    assert "<script>alert(1)" not in content
    assert "onerror" not in content
    assert "javascript:" not in content


def test_unknown_hub_is_not_found(client, network):
    response = client.get(reverse("hubs:detail", kwargs={"slug": "atlantis"}))

    assert response.status_code == 404


def test_hub_page_query_count_is_small(client, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get(reverse("hubs:detail", kwargs={"slug": "berlin"}))

    assert response.status_code == 200


def test_not_found_page_speaks_the_portals_language(client):
    response = client.get("/hubs/atlantis/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
    assert "Page not found" in client.get("/en/hubs/atlantis/").content.decode()
