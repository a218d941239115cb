from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubportal.images import AvatarField
from hubs.models import FocusTheme

from .models import Profile

INVESTOR_FIELDS = ["investor_type", "investment_stages", "ticket_min", "ticket_max"]
FOUNDER_FIELDS = ["startup_name", "startup_stage", "founded_in", "team_size", "looking_for"]
SOCIAL_HOSTS = {"linkedin": "linkedin.com", "xing": "xing.com"}


def https_by_default(db_field, **kwargs):
    """Form fields for the model, with "example.org" in a link field read as https://example.org."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
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
            "focus_themes",
            "website",
            "linkedin",
            "xing",
            "mastodon",
            "avatar",
            "visibility",
            *INVESTOR_FIELDS,
            *FOUNDER_FIELDS,
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "focus_themes": forms.CheckboxSelectMultiple,
            "investment_stages": forms.CheckboxSelectMultiple,
            "looking_for": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "avatar": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_themes"].queryset = FocusTheme.objects.in_display_order()
        self.fields["member_type"].choices = [("", _("Please choose")), *Profile.MemberType.choices]
        self.fields["ticket_min"].widget.attrs["step"] = 1000
        self.fields["ticket_max"].widget.attrs["step"] = 1000

    def clean_founded_in(self):
        year = self.cleaned_data.get("founded_in")
        if year and year > timezone.localdate().year:
            raise ValidationError(_("The founding year cannot lie in the future."), code="future")
        return year

    def _clean_social(self, field_name):
        url = self.cleaned_data.get(field_name)
        host = (urlsplit(url).hostname or "") if url else ""
        expected = SOCIAL_HOSTS[field_name]
        if url and host != expected and not host.endswith(f".{expected}"):
            raise ValidationError(
                _("Please enter an address on %(host)s."), params={"host": expected}, code="wrong_host"
            )
        return url

    def clean_linkedin(self):
        return self._clean_social("linkedin")

    def clean_xing(self):
        return self._clean_social("xing")

    def clean(self):
        cleaned = super().clean()
        member_type = cleaned.get("member_type")
        # Details of another member type are dropped, so that a former investor's tickets
        # do not linger in the directory after they switch to "science".
        if member_type != Profile.MemberType.INVESTOR:
            self._reset(INVESTOR_FIELDS)
        if member_type != Profile.MemberType.FOUNDER:
            self._reset(FOUNDER_FIELDS)
        ticket_min, ticket_max = cleaned.get("ticket_min"), cleaned.get("ticket_max")
        if ticket_min is not None and ticket_max is not None and ticket_min > ticket_max:
            self.add_error("ticket_max", _("The largest ticket must not be smaller than the smallest."))
        return cleaned

    def _reset(self, field_names):
        for name in field_names:
            field = self.fields[name]
            if isinstance(field, forms.ModelMultipleChoiceField):
                self.cleaned_data[name] = field.queryset.none()
            else:
                self.cleaned_data[name] = None if isinstance(field, forms.IntegerField) else ""


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
