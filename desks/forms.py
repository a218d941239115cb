from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DayInput

from .models import DeskSpace, Weekday


class BookingForm(forms.Form):
    first = forms.DateField(label=_("From"), widget=DayInput)
    last = forms.DateField(
        label=_("Until"),
        widget=DayInput,
        required=False,
        help_text=_("Leave empty for a single day. Days on which the space is closed are skipped."),
    )

    def clean(self):
        data = super().clean()
        if data.get("first") and not data.get("last"):
            data["last"] = data["first"]
        return data


class DeskSpaceAdminForm(forms.ModelForm):
    opening_days = forms.TypedMultipleChoiceField(
        label=_("opening days"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The weekdays guests can book."),
    )

    class Meta:
        model = DeskSpace
        fields = [
            "hub",
            "slug",
            "active",
            "address",
            "desk_count",
            "opening_days",
            "opens_at",
            "closes_at",
            "name_de",
            "description_de",
            "house_rules_de",
            "name_en",
            "description_en",
            "house_rules_en",
        ]


class DayForm(forms.Form):
    """A day asked for in the address: the check-in list's, or the desk-day picked from the free days."""

    day = forms.DateField(label=_("Day"), widget=DayInput, required=False)
