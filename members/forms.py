from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.images import AvatarField
from core.translation import active_language
from hubs.models import FocusTheme

from .models import Profile

INVESTOR_FIELDS = ["investor_type", "investment_stages", "ticket_min", "ticket_max"]
FOUNDER_FIELDS = ["startup_name", "startup_stage", "founded_in", "team_size", "looking_for", "funding_sought"]


class WebAddressInput(forms.TextInput):
    """A link as typed, with the phone's keyboard for addresses. Not type="url": the browser
    would refuse "example.org", which the form reads as https://example.org, and a wrong
    address could not be shown back with its error (HTML allows only valid URLs as its value)."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "url", "autocapitalize": "none", "spellcheck": "false", **(attrs or {})}
        )


def https_by_default(db_field, **kwargs):
    """Form fields for the model, with "example.org" in a link field read as https://example.org."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
        kwargs.setdefault("widget", WebAddressInput)
    return db_field.formfield(**kwargs)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        formfield_callback = https_by_default
        field_classes = {"avatar": AvatarField}
        fields = [
            "display_name",
            "member_type",
            "organisation",
            "position",
            "city",
            "bio",
            "text_language",
            "focus_themes",
            "languages",
            "website",
            "linkedin",
            "xing",
            "mastodon",
            "avatar",
            "visibility",
            "matchmaking",
            *INVESTOR_FIELDS,
            *FOUNDER_FIELDS,
            "offers_pilots",
            "research_field",
        ]
        widgets = {
            # What the phone's autofill offers (the member's own name, organisation, city).
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "website": WebAddressInput(attrs={"autocomplete": "url"}),
            "bio": forms.Textarea(attrs={"rows": 5}),
            "focus_themes": forms.CheckboxSelectMultiple,
            "investment_stages": forms.CheckboxSelectMultiple,
            "looking_for": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "avatar": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_themes"].queryset = FocusTheme.objects.in_display_order()
        if self.instance._state.adding:
            # Whoever completes their profile on the English pages most likely writes in English.
            self.initial.setdefault("text_language", active_language())
        self.fields["member_type"].choices = [("", _("Please choose")), *Profile.MemberType.choices]
        self.fields["ticket_min"].widget.attrs["step"] = 1000
        self.fields["ticket_max"].widget.attrs["step"] = 1000
        self.fields["funding_sought"].widget.attrs["step"] = 1000


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is really you."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is not correct."), code="wrong_password")
        return password
