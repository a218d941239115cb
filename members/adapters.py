from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from core.mail import queue_for_delivery

from .models import Profile
from .permissions import is_agency, is_hub_manager


class PortalSite:
    """What allauth's emails name as the site: the portal at its public address."""

    name = _("Digital Hubs Germany")

    @property
    def domain(self):
        return urlsplit(settings.PORTAL_URL).netloc


class AccountAdapter(DefaultAccountAdapter):
    """After logging in without a page to return to, lead agency staff and hub managers to
    their work and a member without a profile to complete it; send allauth's emails through
    the portal's mail queue, with links to the portal's public address."""

    def get_login_redirect_url(self, request):
        return (
            self._work_first(request)
            or self._profile_first(request)
            or super().get_login_redirect_url(request)
        )

    def get_signup_redirect_url(self, request):
        return self._profile_first(request) or super().get_signup_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address):
        return self._profile_first(self.request) or super().get_email_verification_redirect_url(email_address)

    def _work_first(self, request):
        """The admin for agency staff, who curate the whole network there; the events waiting
        for review for hub managers."""
        if is_agency(request.user):
            return reverse("admin:index")
        if is_hub_manager(request.user):
            return reverse("events:moderation")
        return None

    def _profile_first(self, request):
        user = request.user
        if user.is_authenticated and not Profile.objects.filter(user=user).exists():
            return reverse("members:profile_edit")
        return None

    def send_mail(self, template_prefix, email, context):
        """Render in the request's language, deliver in the background.

        allauth builds its links (confirmation, password reset, sign-up) from the request's
        Host header; they are moved to PORTAL_URL, so that no request can make the portal
        mail a link to another address.
        """
        context = {
            "email": email,
            "current_site": PortalSite(),
            **{key: on_portal(value) for key, value in context.items()},
        }
        queue_for_delivery(self.render_mail(template_prefix, email, context))


def on_portal(value):
    """An absolute http(s) link moved to the portal's public address; anything else unchanged."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return value
    portal = urlsplit(settings.PORTAL_URL)
    link = urlsplit(value)
    return urlunsplit((portal.scheme, portal.netloc, link.path, link.query, link.fragment))


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        """A sign-up with a known address creates nothing (allauth mails the owner instead),
        but hashes a password all the same: answering as fast as for a new account, it does
        not tell strangers who is registered."""
        if self.account_already_exists:
            make_password(get_random_string(32))
        return super().try_save(request)
