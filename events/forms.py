import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubs.models import FocusTheme, Hub
from members.forms import https_by_default
from members.permissions import hubs_for_submission

from .models import Event, EventReport, PostingSuspension

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker; values are local time in Europe/Berlin."""

    input_type = "datetime-local"
    # What a browser sends from the picker; the control can show nothing else (HTML).
    SHOWN = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?")

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_INPUT, **kwargs)

    def format_value(self, value):
        shown = super().format_value(value)
        return shown if shown is None or self.SHOWN.fullmatch(shown) else None


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

    RELATIONS = ("cohosts", "focus_themes")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
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
        # The rules across fields (end after start, an address for on-site events, …) are
        # Event.clean()'s, which ModelForm validation runs.

    @property
    def changes(self) -> dict:
        """The changed fields of the event itself, by name, for services.update_event."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name not in self.RELATIONS}


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the organiser"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The organiser reads this in an email and can change the event accordingly."),
    )


class ReportForm(forms.ModelForm):
    class Meta:
        model = EventReport
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 4})}
        labels = {
            "reason": _("What is wrong with this event?"),
            "note": _("Anything the moderators should know"),
        }
        help_texts = {"note": _("Optional, up to 500 characters. Only the hub's moderators read it.")}


class PostingSuspensionForm(forms.ModelForm):
    """The admin's suspension: the database's rule (one in force per member) as a form error."""

    class Meta:
        model = PostingSuspension
        fields = ["user", "reason"]

    def _post_clean(self):
        super()._post_clean()
        try:
            self.instance.validate_constraints()  # the ModelForm skips it: `lifted` is not a field
        except ValidationError as error:
            self._update_errors(error)
