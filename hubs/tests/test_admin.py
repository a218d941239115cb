import pytest
from django.urls import reverse

from hubs.models import City, FocusTheme, Hub, HubFocus
from members.tests.factories import StaffFactory, UserFactory

from .factories import CityFactory, FocusThemeFactory, HubFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_client(client):
    client.force_login(StaffFactory())
    return client


def inline_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "1",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def new_hub_post(theme, **overrides):
    data = {
        "slug": "aachen",
        "selected_in": "2024",
        "website": "https://aachen.example.org/",
        "contact_email": "hub@aachen.example.org",
        "name_de": "Aachen",
        "tagline_de": "Digitale Produktion",
        "description_de": "Ein neuer Hub.",
        "name_en": "Aachen",
        "tagline_en": "Digital production",
        "description_en": "A new hub.",
        **inline_management("cities", 1),
        "cities-0-name_de": "Aachen",
        "cities-0-name_en": "Aachen",
        "cities-0-state": "NW",
        "cities-0-latitude": "50.776",
        "cities-0-longitude": "6.084",
        "cities-0-position": "0",
        **inline_management("focus_areas", 1),
        "focus_areas-0-theme": str(theme.pk),
        "focus_areas-0-position": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:hubs_hub_changelist"),
        reverse("admin:hubs_hub_add"),
        reverse("admin:hubs_focustheme_changelist"),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_members_without_staff_status_cannot_enter_the_admin(client, network):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:hubs_hub_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_agency_sees_hubs_with_cities_and_themes(agency_client, network):
    response = agency_client.get(reverse("admin:hubs_hub_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Frankfurt am Main, Darmstadt" in content
    assert "FinTech, Cyber Security" in content
    assert response.context["cl"].result_count == 12


def test_agency_searches_hubs_by_city(agency_client, network):
    response = agency_client.get(reverse("admin:hubs_hub_changelist"), {"q": "Erlangen"})

    assert [hub.slug for hub in response.context["cl"].result_list] == ["nuernberg-erlangen"]


def test_agency_filters_hubs_by_state_and_year(agency_client, network):
    response = agency_client.get(
        reverse("admin:hubs_hub_changelist"), {"cities__state": "BY", "selected_in": "2016"}
    )

    assert [hub.slug for hub in response.context["cl"].result_list] == ["muenchen"]


def test_focus_theme_changelist_counts_hubs(agency_client, network):
    response = agency_client.get(reverse("admin:hubs_focustheme_changelist"))

    counts = {theme.slug: theme.hub_count for theme in response.context["cl"].result_list}
    assert counts["digital-health"] == 2
    assert counts["mediatech"] == 1


def test_hub_form_edits_both_languages_and_prepopulates_the_slug(agency_client, network):
    hub = Hub.objects.get(slug="koeln")

    response = agency_client.get(reverse("admin:hubs_hub_change", args=[hub.pk]))

    content = response.content.decode()
    for field in ["name_de", "name_en", "tagline_de", "tagline_en", "description_de", "description_en"]:
        assert f'name="{field}"' in content
    add_form = agency_client.get(reverse("admin:hubs_hub_add")).context["adminform"]
    assert [
        (field["field"].name, [dependency.name for dependency in field["dependencies"]])
        for field in add_form.prepopulated_fields
    ] == [("slug", ["name_de"])]


def test_agency_adds_a_hub_with_its_city_and_theme(agency_client):
    theme = FocusThemeFactory(slug="production")

    response = agency_client.post(reverse("admin:hubs_hub_add"), new_hub_post(theme))

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    hub = Hub.objects.get(slug="aachen")
    assert hub.cities.get().state == "NW"
    assert list(hub.focus_themes.all()) == [theme]


def test_a_hub_selected_before_the_programme_began_is_refused(agency_client):
    theme = FocusThemeFactory()

    response = agency_client.post(reverse("admin:hubs_hub_add"), new_hub_post(theme, selected_in="2010"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["selected_in"]
    assert not Hub.objects.filter(slug="aachen").exists()


def test_a_city_outside_germany_is_refused(agency_client):
    theme = FocusThemeFactory()

    response = agency_client.post(
        reverse("admin:hubs_hub_add"), new_hub_post(theme, **{"cities-0-latitude": "40.4"})
    )

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["latitude"]
    assert not Hub.objects.filter(slug="aachen").exists()


def test_focus_can_only_be_concentrated_in_the_hubs_own_city(agency_client):
    hub = HubFactory(cities=[])
    own_city = CityFactory(hub=hub)
    other_city = CityFactory()
    theme = FocusThemeFactory()
    HubFocus.objects.create(hub=hub, theme=theme)
    change_url = reverse("admin:hubs_hub_change", args=[hub.pk])

    form = agency_client.get(change_url).context["inline_admin_formsets"][1].formset.forms[0]
    assert list(form.fields["city"].queryset) == [own_city]

    data = {
        "slug": hub.slug,
        "selected_in": hub.selected_in,
        "name_de": hub.name_de,
        "name_en": hub.name_en,
        **inline_management("cities", 1, initial=1),
        "cities-0-id": own_city.pk,
        "cities-0-hub": hub.pk,
        "cities-0-name_de": own_city.name_de,
        "cities-0-state": own_city.state,
        "cities-0-latitude": own_city.latitude,
        "cities-0-longitude": own_city.longitude,
        "cities-0-position": 0,
        **inline_management("focus_areas", 1, initial=1),
        "focus_areas-0-id": HubFocus.objects.get(hub=hub).pk,
        "focus_areas-0-hub": hub.pk,
        "focus_areas-0-theme": theme.pk,
        "focus_areas-0-city": other_city.pk,
        "focus_areas-0-position": 0,
    }
    response = agency_client.post(change_url, data)

    assert response.status_code == 200
    assert HubFocus.objects.get(hub=hub).city is None


def test_agency_adds_a_focus_theme(agency_client):
    response = agency_client.post(
        reverse("admin:hubs_focustheme_add"),
        {
            "slug": "space",
            "name_de": "Raumfahrt",
            "name_en": "Space",
            "description_de": "",
            "description_en": "",
        },
    )

    assert response.status_code == 302
    assert FocusTheme.objects.get(slug="space").name_en == "Space"


def test_a_theme_in_use_cannot_be_deleted(agency_client, network):
    theme = FocusTheme.objects.get(slug="logistics")

    response = agency_client.post(reverse("admin:hubs_focustheme_delete", args=[theme.pk]), {"post": "yes"})

    assert response.status_code == 200  # Django lists the protected hub focus areas instead
    assert FocusTheme.objects.filter(pk=theme.pk).exists()
    assert City.objects.exists()


def logo_upload(content=None, name="logo.png"):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    if content is None:
        buffer = io.BytesIO()
        Image.new("RGBA", (1200, 400), (10, 50, 90, 0)).save(buffer, format="PNG")
        content = buffer.getvalue()
    return SimpleUploadedFile(name, content, content_type="image/png")


def hub_change_data(hub, **overrides):
    city = hub.cities.get()
    data = {
        "slug": hub.slug,
        "selected_in": hub.selected_in,
        "name_de": hub.name_de,
        "name_en": hub.name_en,
        **inline_management("cities", 1, initial=1),
        "cities-0-id": city.pk,
        "cities-0-hub": hub.pk,
        "cities-0-name_de": city.name_de,
        "cities-0-state": city.state,
        "cities-0-latitude": city.latitude,
        "cities-0-longitude": city.longitude,
        "cities-0-position": 0,
        **inline_management("focus_areas", 0),
    }
    data.update(overrides)
    return data


def test_a_hub_logo_is_stored_as_a_fresh_png_that_keeps_transparency(agency_client):
    from PIL import Image

    hub = HubFactory()

    response = agency_client.post(
        reverse("admin:hubs_hub_change", args=[hub.pk]), hub_change_data(hub, logo=logo_upload())
    )

    assert response.status_code == 302
    hub.refresh_from_db()
    assert hub.logo.name.endswith(".png")
    with Image.open(hub.logo.path) as stored:
        assert stored.size == (600, 200)
        assert stored.mode == "RGBA"
    page = agency_client.get(hub.get_absolute_url()).content.decode()
    assert f'src="{hub.logo.url}" width="600" height="200"' in page  # its space kept while it loads


def test_a_logo_that_is_no_image_is_refused(agency_client):
    hub = HubFactory()

    response = agency_client.post(
        reverse("admin:hubs_hub_change", args=[hub.pk]),
        hub_change_data(hub, logo=logo_upload(content=b"<svg onload=alert(1)>", name="logo.svg")),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"]
