import pytest
from django.urls import reverse

from members.tests.factories import StaffFactory
from pages.models import Page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "german_title", "english_title"),
    [
        ("pages:impressum", "Impressum", "Legal notice"),
        ("pages:privacy", "Datenschutzerklärung", "Privacy policy"),
    ],
)
def test_legal_pages_exist_in_both_languages(client, url_name, german_title, english_title):
    german = client.get(reverse(url_name))
    english = client.get("/en" + reverse(url_name))

    assert german.status_code == english.status_code == 200
    assert f"<h1>{german_title}</h1>" in german.content.decode()
    assert f"<h1>{english_title}</h1>" in english.content.decode()


def test_every_page_links_to_impressum_and_privacy_policy(client):
    response = client.get(reverse("home"))

    content = response.content.decode()
    assert f'href="{reverse("pages:impressum")}"' in content
    assert f'href="{reverse("pages:privacy")}"' in content


def test_privacy_policy_states_that_nothing_is_loaded_from_third_parties(client):
    response = client.get(reverse("pages:privacy"))

    assert "Keine Drittanbieter" in response.content.decode()


def test_agency_edits_the_impressum_in_the_admin(client):
    client.force_login(StaffFactory())
    page = Page.objects.get(slug=Page.Slug.IMPRESSUM)

    response = client.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        {
            "slug": page.slug,
            "title_de": "Impressum",
            "body_de": "## Anbieter\n\nHub-Agentur, Beispielstraße 1, 10115 Berlin",
            "title_en": "Legal notice",
            "body_en": "",
        },
    )

    assert response.status_code == 302
    content = client.get(reverse("pages:impressum")).content.decode()
    assert "<h2>Anbieter</h2>" in content
    assert "Beispielstraße 1" in content


def test_english_page_falls_back_to_german_text(client):
    Page.objects.filter(slug=Page.Slug.IMPRESSUM).update(body_en="")

    response = client.get("/en" + reverse("pages:impressum"))

    assert "Hub-Agentur der Digital Hub Initiative" in response.content.decode()


def test_legal_pages_cannot_be_deleted_in_the_admin(client):
    client.force_login(StaffFactory())
    page = Page.objects.get(slug=Page.Slug.PRIVACY)

    response = client.post(reverse("admin:pages_page_delete", args=[page.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def test_a_missing_page_is_not_found(client):
    Page.objects.filter(slug=Page.Slug.PRIVACY).delete()

    response = client.get(reverse("pages:privacy"))

    assert response.status_code == 404
