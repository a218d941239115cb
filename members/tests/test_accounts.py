"""Sign-up, verification, login, password reset and change, email change: allauth on our model."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

from members.models import User

from .factories import PASSWORD, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Hub-Portal 2026 safe!"


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def sign_up(client, email="neu@example.org"):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


class CountingHasher(MD5PasswordHasher):
    """Counts the passwords it hashes: hashing is what takes a sign-up its time."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


def test_sign_up_does_the_same_work_for_a_known_address_as_for_a_new_one(client, settings):
    """Timing would otherwise tell strangers who is registered (0.57 s against 0.10 s before):
    a known address, for which nothing is created, hashes a password all the same."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    UserFactory(email="bekannt@example.org")

    def hashes_for(email):
        CountingHasher.hashed = 0
        assert sign_up(client, email).status_code == 302
        return CountingHasher.hashed

    assert hashes_for("bekannt@example.org") == hashes_for("neu@example.org") == 1
    assert User.objects.filter(email="bekannt@example.org").count() == 1
    assert [message.to for message in mail.outbox] == [["bekannt@example.org"], ["neu@example.org"]]


def test_sign_up_asks_for_email_and_password_only(client):
    response = client.get(reverse("account_signup"))

    form = response.context["form"]
    assert set(form.fields) == {"email", "password1", "password2"}


def test_sign_up_sends_a_verification_link_that_logs_the_member_in(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="neu@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert mail.outbox[0].subject.startswith("[Digital Hubs]")

    confirm_url = link_in(mail.outbox[0])
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)

    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    assert response.url == reverse("members:profile_edit")  # first login leads to the profile
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_unverified_member_cannot_log_in(client):
    sign_up(client)
    client.logout()

    response = client.post(reverse("account_login"), {"login": "neu@example.org", "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_sign_up_with_a_taken_address_reveals_nothing(client):
    UserFactory(email="vergeben@example.org")

    response = sign_up(client, email="Vergeben@example.org")

    # The same answer as for a new address; the owner gets an email instead.
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="vergeben@example.org").count() == 1
    assert mail.outbox[0].to == ["vergeben@example.org"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "kein-email", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, "email"),
        ({"email": "a@example.org", "password1": "123", "password2": "123"}, "password1"),
        ({"email": "a@example.org", "password1": NEW_PASSWORD, "password2": "anders"}, "password2"),
    ],
)
def test_bad_sign_up_input_is_a_form_error_that_keeps_the_email(client, data, field):
    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert f'value="{data["email"]}"' in response.content.decode()
    assert not User.objects.exists()


def test_member_logs_in_with_email_and_lands_on_the_dashboard(client):
    ProfileFactory(user=UserFactory(email="anna@example.org"))

    response = client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("members:dashboard")


def test_member_without_profile_is_led_to_complete_it_after_login(client):
    UserFactory(email="ohne@example.org")

    response = client.post(reverse("account_login"), {"login": "ohne@example.org", "password": PASSWORD})

    assert response.url == reverse("members:profile_edit")


def log_in_as(client, user, **query):
    url = reverse("account_login") + (f"?next={query['next']}" if query else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("agency", "/admin/"),
        ("superuser", "/admin/"),
        ("manager", "/events/moderation/"),
        ("member", "/members/me/"),
    ],
)
def test_each_role_lands_where_its_work_is(client, request, role, landing):
    user = request.getfixturevalue(role)

    response = log_in_as(client, user)

    assert response.url == landing
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("role", ["agency", "manager", "member"])
def test_whoever_was_going_somewhere_arrives_there(client, request, role):
    user = request.getfixturevalue(role)

    response = log_in_as(client, user, next="/desks/")

    assert response.url == "/desks/"


def test_a_next_page_on_another_site_is_ignored(client, member):
    response = log_in_as(client, member, next="https://elsewhere.example.com/")

    assert response.url == "/members/me/"


def test_wrong_password_is_a_form_error(client):
    UserFactory(email="anna@example.org")

    response = client.post(reverse("account_login"), {"login": "anna@example.org", "password": "falsch"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_five_failed_logins_lock_the_account_for_a_while(client):
    UserFactory(email="anna@example.org")
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": "anna@example.org", "password": "falsch"})

    response = client.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Zu viele gescheiterte Anmeldeversuche" in str(response.context["form"].errors)


def test_member_logs_out_with_a_post(client):
    client.force_login(UserFactory())

    client.post(reverse("account_logout"))

    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client):
    UserFactory(email="anna@example.org")

    client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    reset_url = link_in(mail.outbox[0])
    form_url = client.get(reset_url).url  # allauth moves the key into the session
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert User.objects.get(email="anna@example.org").check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


def test_member_changes_the_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_member_changes_the_email_address_after_verifying_it(client):
    user = UserFactory(email="alt@example.org")
    client.force_login(user)

    client.post(reverse("account_email"), {"action_add": "", "email": "neu@example.org"})
    confirm_url = link_in(mail.outbox[-1])
    client.post(confirm_url)

    user.refresh_from_db()
    assert user.email == "neu@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["neu@example.org"]


@pytest.mark.parametrize(
    ("url", "german", "english"),
    [
        (reverse("account_login"), "Anmelden", "Sign In"),
        (reverse("account_signup"), "Registrieren", "Sign Up"),
        (reverse("account_reset_password"), "Passwort zurücksetzen", "Password Reset"),
    ],
)
def test_account_pages_use_the_portal_layout_in_both_languages(client, url, german, english):
    german_page = client.get(url).content.decode()
    english_page = client.get("/en" + url).content.decode()

    assert german in german_page
    assert english in english_page
    assert "skip-link" in german_page  # the portal's own base template
    assert 'href="/impressum/"' in german_page
