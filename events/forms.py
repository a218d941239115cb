from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.models import FocusTheme, Hub
from members.forms import https_by_default

from .models import Event
from .permissions import hubs_for_submission

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker; values are local time in Europe/Berlin."""

    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_INPUT, **kwargs)


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        formfield_callback = https_by_default
        fields = [
            "title",
            "hub",
            "cohosts",
            "event_type",
            "format",
            "start",
            "end",
            "venue",
            "address",
            "online_url",
            "language",
            "focus_themes",
            "description",
            "cost_note",
            "registration_mode",
            "capacity",
            "waitlist",
            "registration_url",
        ]
        widgets = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 10}),
            "cohosts": forms.CheckboxSelectMultiple,
            "focus_themes": forms.CheckboxSelectMultiple,
            "registration_mode": forms.RadioSelect,
        }
        help_texts = {
            "start": _("Local time in Germany."),
            "capacity": _("How many people can take part."),
            "cohosts": _("Other hubs that host the event with you."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Moderators may edit events of hubs they do not belong to: the event's hub stays choosable.
        choosable = Q(pk__in=hubs_for_submission(user).values("pk")) | Q(pk=self.instance.hub_id)
        self.fields["hub"].queryset = Hub.objects.filter(choosable).in_display_order()
        if not self.instance.pk and len(self.fields["hub"].queryset) == 1:
            self.initial.setdefault("hub", self.fields["hub"].queryset[0].pk)
        self.fields["cohosts"].queryset = Hub.objects.in_display_order()
        self.fields["focus_themes"].queryset = FocusTheme.objects.in_display_order()
        for name in ["start", "end"]:
            self.fields[name].input_formats = [DATETIME_INPUT, "%Y-%m-%d %H:%M"]
        self.fields["capacity"].widget.attrs["min"] = 1

    def clean_start(self):
        start = self.cleaned_data["start"]
        # The form shows minutes only: an event that has begun can still be edited.
        unchanged = self.instance.pk and abs(start - self.instance.start) < timedelta(minutes=1)
        if not unchanged and start < timezone.now():
            raise ValidationError(_("The event cannot start in the past."), code="past")
        return start

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and capacity < 1:
            raise ValidationError(_("At least one person must be able to take part."), code="too_small")
        return capacity

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The event must end after it starts."))
        event_format = cleaned.get("format")
        if event_format in (Event.Format.ON_SITE, Event.Format.HYBRID) and not cleaned.get("address"):
            self.add_error("address", _("Please give the address of the venue."))
        if event_format in (Event.Format.ONLINE, Event.Format.HYBRID) and not cleaned.get("online_url"):
            self.add_error("online_url", _("Please give the link to the online event."))
        mode = cleaned.get("registration_mode")
        if mode == Event.RegistrationMode.PORTAL and not cleaned.get("capacity"):
            self.add_error("capacity", _("Registration on the portal needs a capacity."))
        if mode == Event.RegistrationMode.EXTERNAL and not cleaned.get("registration_url"):
            self.add_error("registration_url", _("Please give the link to the registration."))
        hub = cleaned.get("hub")
        if hub and hub in cleaned.get("cohosts", []):
            cleaned["cohosts"] = [cohost for cohost in cleaned["cohosts"] if cohost != hub]
        return cleaned


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the organiser"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The organiser reads this in an email and can change the event accordingly."),
    )
