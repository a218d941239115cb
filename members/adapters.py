from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from .models import Profile


class AccountAdapter(DefaultAccountAdapter):
    """Lead a member without a profile to complete it first, after any login."""

    def get_login_redirect_url(self, request):
        return self._profile_first(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self._profile_first(request) or super().get_signup_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address):
        return self._profile_first(self.request) or super().get_email_verification_redirect_url(email_address)

    def _profile_first(self, request):
        user = request.user
        if user.is_authenticated and not Profile.objects.filter(user=user).exists():
            return reverse("members:profile_edit")
        return None
