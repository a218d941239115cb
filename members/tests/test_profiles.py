import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from core.images import MAX_BYTES as AVATAR_MAX_BYTES
from hubs.tests.factories import FocusThemeFactory
from members.models import Profile

from .factories import ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    data = {
        "display_name": "Anna Beispiel",
        "member_type": Profile.MemberType.FOUNDER,
        "organisation": "Beispiel Labs",
        "position": "CEO",
        "city": "Köln",
        "bio": "Wir bauen Software für Versicherer.",
        "text_language": "de",
        "website": "beispiel.example.org",
        "linkedin": "",
        "xing": "",
        "mastodon": "",
        "visibility": Profile.Visibility.PUBLIC,
        "startup_name": "Beispiel Labs",
        "startup_stage": "seed",
        "founded_in": "2022",
        "team_size": "7",
        "looking_for": ["funding", "customers"],
    }
    data.update(overrides)
    return data


def image_upload(name="portrait.png", size=(800, 600), image_format="PNG", exif=None, mode="RGB"):
    buffer = io.BytesIO()
    image = Image.new(mode, size, (20, 120, 200) if mode == "RGB" else 1)
    if exif:
        image.save(buffer, format=image_format, exif=exif)
    else:
        image.save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


@pytest.fixture
def new_user(client):
    """Logged in, without a profile yet."""
    user = UserFactory()
    client.force_login(user)
    return user


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("members:profile_edit"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("next_page", "lands_on"),
    [
        ("/desks/", "/desks/"),
        ("https://elsewhere.example.com/", "/members/me/"),
        ("", "/members/me/"),
    ],
)
def test_a_saved_profile_returns_to_the_page_that_asked_for_it(client, new_user, next_page, lands_on):
    response = client.post(f"{reverse('members:profile_edit')}?next={next_page}", profile_data())

    assert response.status_code == 302
    assert response.url == lands_on


def test_member_completes_the_profile(client, new_user):
    theme = FocusThemeFactory()

    response = client.post(reverse("members:profile_edit"), profile_data(focus_themes=[theme.pk]))

    assert response.status_code == 302
    profile = Profile.objects.get(user=new_user)
    assert profile.display_name == "Anna Beispiel"
    assert profile.slug.startswith("anna-beispiel-")
    assert profile.website == "https://beispiel.example.org"
    assert list(profile.focus_themes.all()) == [theme]
    assert sorted(profile.looking_for.values_list("code", flat=True)) == ["customers", "funding"]
    assert profile.founded_in == 2022


def test_editing_keeps_the_profile_address(client, new_user):
    profile = ProfileFactory(user=new_user, slug="anna-1a2b3c")

    client.post(reverse("members:profile_edit"), profile_data(display_name="Anna Beispiel-Neu"))

    profile.refresh_from_db()
    assert profile.display_name == "Anna Beispiel-Neu"
    assert profile.slug == "anna-1a2b3c"


def test_member_edits_only_their_own_profile(client, new_user):
    other = ProfileFactory(display_name="Ben Muster")
    own = ProfileFactory(user=new_user)

    client.post(reverse("members:profile_edit"), profile_data(display_name="Übernommen"))

    other.refresh_from_db()
    own.refresh_from_db()
    assert other.display_name == "Ben Muster"
    assert own.display_name == "Übernommen"
    assert other.user_id != new_user.pk


def test_investor_details_are_saved_for_investors(client, new_user):
    response = client.post(
        reverse("members:profile_edit"),
        profile_data(
            member_type=Profile.MemberType.INVESTOR,
            investor_type=Profile.InvestorType.BUSINESS_ANGEL,
            investment_stages=["pre_seed", "seed"],
            ticket_min="25000",
            ticket_max="250000",
        ),
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=new_user)
    assert profile.investor_type == Profile.InvestorType.BUSINESS_ANGEL
    assert (profile.ticket_min, profile.ticket_max) == (25_000, 250_000)
    assert sorted(profile.investment_stages.values_list("code", flat=True)) == ["pre_seed", "seed"]
    # The founder fields of the form were ignored for an investor.
    assert profile.startup_name == ""
    assert profile.founded_in is None
    assert not profile.looking_for.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"member_type": "astronaut"}, "member_type"),
        ({"visibility": "everybody"}, "visibility"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"linkedin": "https://evil.example.org/in/anna"}, "linkedin"),
        ({"xing": "https://xing.com.evil.example.org/profile"}, "xing"),
        ({"founded_in": "2999"}, "founded_in"),
        ({"founded_in": "neunzehn"}, "founded_in"),
        ({"team_size": "-3"}, "team_size"),
        ({"bio": "x" * 1501}, "bio"),
        (
            {
                "member_type": Profile.MemberType.INVESTOR,
                "ticket_min": "500000",
                "ticket_max": "1000",
            },
            "ticket_max",
        ),
        ({"member_type": Profile.MemberType.INVESTOR, "ticket_min": "-5"}, "ticket_min"),
        ({"focus_themes": ["999999"]}, "focus_themes"),
    ],
)
def test_bad_input_is_a_form_error_that_keeps_what_was_typed(client, new_user, overrides, field):
    response = client.post(reverse("members:profile_edit"), profile_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    content = response.content.decode()
    assert 'value="Beispiel Labs"' in content
    assert 'value="Köln"' in content
    assert 'class="error-summary"' in content
    assert not Profile.objects.filter(user=new_user).exists()


def test_linkedin_and_xing_accept_their_own_addresses(client, new_user):
    response = client.post(
        reverse("members:profile_edit"),
        profile_data(linkedin="https://www.linkedin.com/in/anna", xing="https://www.xing.com/profile/Anna"),
    )

    assert response.status_code == 302


def test_avatar_is_re_encoded_as_a_small_jpeg_without_metadata(client, new_user):
    exif = Image.Exif()
    exif[0x010F] = "Geheime Kamera"  # camera maker
    upload = image_upload(size=(1600, 1200), image_format="JPEG", name="portrait.jpg", exif=exif)

    response = client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": upload})

    assert response.status_code == 302
    avatar = Profile.objects.get(user=new_user).avatar
    assert avatar.name.startswith("avatars/")
    assert avatar.name.endswith(".jpg")
    assert "portrait" not in avatar.name
    with Image.open(avatar.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (512, 512)
        assert not stored.getexif()


def test_a_file_that_is_not_an_image_is_refused(client, new_user):
    fake = SimpleUploadedFile("portrait.png", b"<?php system($_GET['c']); ?>", content_type="image/png")

    response = client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": fake})

    assert response.status_code == 200
    assert response.context["form"].errors["avatar"]
    assert not Profile.objects.filter(user=new_user).exists()


def test_an_oversized_image_is_refused(client, new_user):
    padding = b"\0" * (AVATAR_MAX_BYTES + 1)
    upload = image_upload()
    oversized = SimpleUploadedFile("big.png", upload.read() + padding, content_type="image/png")

    response = client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": oversized})

    assert response.status_code == 200
    assert "zu groß" in str(response.context["form"].errors["avatar"])


@pytest.mark.parametrize("size", [(8000, 5001), (12000, 7000)])
def test_a_picture_with_too_many_pixels_is_refused_before_decoding(client, new_user, size):
    """A few kilobytes of PNG can unpack into gigabytes (a decompression bomb)."""
    upload = image_upload(size=size, mode="1")
    assert upload.size < 1024 * 1024

    response = client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": upload})

    assert response.status_code == 200
    assert "zu viele Pixel" in str(response.context["form"].errors["avatar"])
    assert response.context["form"]["display_name"].value() == profile_data()["display_name"]


def test_a_bio_longer_than_the_limit_is_a_form_error(client, new_user):
    response = client.post(reverse("members:profile_edit"), profile_data(bio="x" * 1501))

    assert response.status_code == 200
    assert response.context["form"].errors["bio"]
    assert not Profile.objects.filter(user=new_user).exists()


def test_the_database_refuses_a_bio_longer_than_the_limit(new_user):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileFactory(user=new_user, bio="x" * 1501)


def test_replacing_the_avatar_deletes_the_old_file(client, new_user):
    client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": image_upload()})
    old = Profile.objects.get(user=new_user).avatar
    old_path = old.path

    client.post(reverse("members:profile_edit"), {**profile_data(), "avatar": image_upload(name="neu.png")})

    new = Profile.objects.get(user=new_user).avatar
    assert new.name != old.name
    assert not old.storage.exists(old.name)
    assert not os.path.exists(old_path)


def test_profile_page_shows_the_profile_but_never_the_email(client):
    profile = ProfileFactory(
        user=UserFactory(email="geheim@example.org"),
        display_name="Anna Beispiel",
        bio="Über mich.",
        linkedin="https://www.linkedin.com/in/anna",
    )

    response = client.get(profile.get_absolute_url())

    content = response.content.decode()
    assert "Anna Beispiel" in content
    assert "Über mich." in content
    assert 'href="https://www.linkedin.com/in/anna"' in content
    assert "geheim@example.org" not in content


def test_a_new_profile_is_written_in_the_language_of_the_page_it_is_completed_on(client, new_user):
    assert client.get(reverse("members:profile_edit")).context["form"]["text_language"].value() == "de"
    with translation.override("en"):
        form = client.get(reverse("members:profile_edit")).context["form"]
    assert form["text_language"].value() == "en"


@pytest.mark.parametrize(
    ("text_language", "page_language", "marked"),
    [("de", "en", ' lang="de"'), ("en", "de", ' lang="en"'), ("de", "de", ""), ("en", "en", "")],
)
def test_the_members_own_words_are_marked_with_their_language_on_pages_in_the_other(
    client, text_language, page_language, marked
):
    profile = ProfileFactory(
        visibility=Profile.Visibility.PUBLIC,
        position="Gründerin" if text_language == "de" else "Founder",
        organisation="Beispiel Labs",
        bio="Über mich." if text_language == "de" else "About me.",
        text_language=text_language,
    )
    role = f"<span{marked}>{profile.position}, Beispiel Labs</span>"
    bio = f"<div{marked}><p>{profile.bio}</p></div>"

    with translation.override(page_language):
        page = client.get(profile.get_absolute_url()).content.decode()
        directory = client.get(reverse("members:directory")).content.decode()

    assert role in page
    assert bio in page
    assert role in directory


def test_unknown_profile_is_not_found(client):
    response = client.get(reverse("members:profile", kwargs={"slug": "niemand-000000"}))

    assert response.status_code == 404


def test_avatars_uploaded_in_the_admin_are_re_encoded_too(client):
    from members.tests.factories import StaffFactory

    profile = ProfileFactory()
    client.force_login(StaffFactory())
    data = {
        "user": profile.user_id,
        "slug": profile.slug,
        "display_name": profile.display_name,
        "member_type": profile.member_type,
        "visibility": profile.visibility,
        "text_language": profile.text_language,
        "avatar": image_upload(size=(900, 700), image_format="JPEG", name="gross.jpg", exif=_camera_exif()),
    }

    response = client.post(reverse("admin:members_profile_change", args=[profile.pk]), data)

    assert response.status_code == 302
    profile.refresh_from_db()
    with Image.open(profile.avatar.path) as stored:
        assert stored.size == (512, 512)
        assert not stored.getexif()


def _camera_exif():
    exif = Image.Exif()
    exif[0x010F] = "Geheime Kamera"
    return exif


# The rules of a profile live in the model: the site, the admin and the service refuse alike.

PROFILE_RULES = [
    (
        {"linkedin": "https://evil.example.org/in/anna"},
        "linkedin",
        "Bitte geben Sie eine Adresse auf linkedin.com an.",
    ),
    ({"founded_in": 2999}, "founded_in", "Das Gründungsjahr kann nicht in der Zukunft liegen."),
    (
        {"member_type": Profile.MemberType.INVESTOR, "ticket_min": 500_000, "ticket_max": 1000},
        "ticket_max",
        "Das größte Ticket darf nicht kleiner sein als das kleinste.",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), PROFILE_RULES)
def test_the_admin_refuses_a_profile_against_the_rules(client, changes, field, message):
    from members.tests.factories import StaffFactory

    profile = ProfileFactory(display_name="Vorher")
    client.force_login(StaffFactory())
    data = {
        "user": profile.user_id,
        "slug": profile.slug,
        "display_name": "Nachher",
        "member_type": profile.member_type,
        "visibility": profile.visibility,
        "text_language": profile.text_language,
        **changes,
    }

    response = client.post(reverse("admin:members_profile_change", args=[profile.pk]), data)

    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field]
    profile.refresh_from_db()
    assert profile.display_name == "Vorher"


@pytest.mark.parametrize(("changes", "field", "message"), PROFILE_RULES)
def test_the_service_refuses_a_profile_against_the_rules(new_user, changes, field, message):
    from django.core.exceptions import ValidationError

    from members import services

    profile = Profile(**{"display_name": "Anna", "member_type": Profile.MemberType.FOUNDER, **changes})

    with pytest.raises(ValidationError) as refused:
        services.save_profile(
            user=new_user, profile=profile, focus_themes=[], investment_stages=[], looking_for=[]
        )

    assert message in refused.value.message_dict[field]
    assert not Profile.objects.filter(user=new_user).exists()


def test_the_database_refuses_a_ticket_range_upside_down(new_user):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileFactory(
            user=new_user, member_type=Profile.MemberType.INVESTOR, ticket_min=500_000, ticket_max=1000
        )


def test_switching_away_from_investor_drops_the_investment_details(client, new_user):
    client.post(
        reverse("members:profile_edit"),
        profile_data(member_type=Profile.MemberType.INVESTOR, ticket_min="1000", investment_stages=["seed"]),
    )

    client.post(reverse("members:profile_edit"), profile_data(member_type=Profile.MemberType.SCIENCE))

    profile = Profile.objects.get(user=new_user)
    assert (profile.ticket_min, profile.investor_type) == (None, "")
    assert not profile.investment_stages.exists()
    assert not profile.looking_for.exists()


def test_the_form_offers_autofill_and_the_keyboard_for_addresses(client, new_user):
    form = client.get(reverse("members:profile_edit")).context["form"]

    assert form["display_name"].as_widget().count('autocomplete="name"') == 1
    assert 'autocomplete="organization"' in form["organisation"].as_widget()
    assert 'autocomplete="address-level2"' in form["city"].as_widget()
    for link in ("website", "linkedin", "xing", "mastodon"):
        assert 'inputmode="url"' in form[link].as_widget()
    assert 'autocomplete="url"' in form["website"].as_widget()


def test_a_wrong_link_is_shown_back_with_its_error(client, new_user):
    response = client.post(reverse("members:profile_edit"), profile_data(website="nicht eine adresse"))

    assert response.status_code == 200
    assert response.context["form"].errors["website"]
    assert 'value="nicht eine adresse"' in response.content.decode()


def test_matchmaking_details_are_saved_and_shown(client, new_user):
    client.post(
        reverse("members:profile_edit"),
        profile_data(funding_sought="750000", languages=["de", "en"], matchmaking="on"),
    )

    profile = Profile.objects.get(user=new_user)
    assert profile.funding_sought == 750_000
    assert sorted(profile.languages.values_list("code", flat=True)) == ["de", "en"]
    assert profile.matchmaking
    page = client.get(profile.get_absolute_url()).content.decode()
    assert "750.000 €" in page
    assert "Deutsch, Englisch" in page


def test_unticking_matchmaking_switches_it_off(client, new_user):
    client.post(reverse("members:profile_edit"), profile_data(matchmaking="on"))
    client.post(reverse("members:profile_edit"), profile_data())

    assert not Profile.objects.get(user=new_user).matchmaking


@pytest.mark.parametrize(
    ("member_type", "kept"),
    [
        (
            Profile.MemberType.FOUNDER,
            {"funding_sought": 500_000, "offers_pilots": False, "research_field": ""},
        ),
        (Profile.MemberType.CORPORATE, {"funding_sought": None, "offers_pilots": True, "research_field": ""}),
        (
            Profile.MemberType.SCIENCE,
            {"funding_sought": None, "offers_pilots": False, "research_field": "Robotik"},
        ),
    ],
)
def test_what_a_member_offers_belongs_to_their_member_type(client, new_user, member_type, kept):
    client.post(
        reverse("members:profile_edit"),
        profile_data(
            member_type=member_type, funding_sought="500000", offers_pilots="on", research_field="Robotik"
        ),
    )

    profile = Profile.objects.get(user=new_user)
    assert {name: getattr(profile, name) for name in kept} == kept


def test_pilot_projects_and_research_field_are_on_the_profile_page(client, new_user):
    client.post(
        reverse("members:profile_edit"),
        profile_data(member_type=Profile.MemberType.SCIENCE, research_field="Robotik in der Pflege"),
    )

    page = client.get(Profile.objects.get(user=new_user).get_absolute_url()).content.decode()

    assert "Robotik in der Pflege" in page
