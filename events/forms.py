import re
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DayInput, WholeNumberInput
from hubs.models import FocusTheme, Hub
from members.forms import https_by_default
from members.permissions import hubs_for_submission

from .models import (
    SERIES_MAX_OCCURRENCES,
    SERIES_MAX_SPAN,
    Event,
    EventReport,
    EventSeries,
    PostingSuspension,
)

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
            "title_de",
            "description_de",
            "title_en",
            "description_en",
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
            "free_of_charge",
            "cost_note_de",
            "cost_note_en",
            "registration_mode",
            "capacity",
            "waitlist",
            "registration_url",
        ]
        widgets = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
            # Written in that language, whichever the page's (spell checking, screen readers).
            "title_de": forms.TextInput(attrs={"lang": "de"}),
            "description_de": forms.Textarea(attrs={"rows": 10, "lang": "de"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "description_en": forms.Textarea(attrs={"rows": 10, "lang": "en"}),
            "cost_note_de": forms.TextInput(attrs={"lang": "de"}),
            "cost_note_en": forms.TextInput(attrs={"lang": "en"}),
            "cohosts": forms.CheckboxSelectMultiple,
            "focus_themes": forms.CheckboxSelectMultiple,
            "registration_mode": forms.RadioSelect,
            "capacity": WholeNumberInput(),
        }
        help_texts = {
            "start": _("Local time in Germany."),
            "capacity": _("How many people can take part."),
            "cohosts": _("Other hubs that host the event with you."),
        }

    RELATIONS = ("cohosts", "focus_themes")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.series_id:
            self.fields["scope"] = forms.ChoiceField(
                label=_("Apply the changes to"),
                choices=SCOPES,
                initial="this",
                widget=forms.RadioSelect,
            )
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
        return {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name not in (*self.RELATIONS, "scope")
        }

    @property
    def applies_to_following(self) -> bool:
        return self.cleaned_data.get("scope") == "following"


SCOPES = [
    ("this", _("Only this date")),
    ("following", _("This and all following dates of the series")),
]


class CancelSeriesDateForm(forms.Form):
    scope = forms.ChoiceField(label=_("Cancel"), choices=SCOPES, initial="this", widget=forms.RadioSelect)


class SeriesForm(forms.ModelForm):
    """Whether and how a new event repeats; its rules are EventSeries.clean()'s. It needs the
    event's start (the series' first date), so it is validated after the event's form."""

    frequency = forms.ChoiceField(
        label=_("Repeats"),
        required=False,
        choices=[("", _("Does not repeat")), *EventSeries.Frequency.choices],
        widget=forms.RadioSelect,
    )
    until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DayInput(),
        help_text=_("The last date of the series. Or give the number of dates:"),
    )
    count = forms.IntegerField(
        label=_("Number of dates"),
        required=False,
        min_value=2,
        max_value=SERIES_MAX_OCCURRENCES,
        widget=WholeNumberInput(),
    )
    skipped = forms.CharField(
        label=_("Except on"),
        required=False,
        max_length=1000,
        help_text=_("Dates of the series to leave out, separated by commas, e.g. 06.01.2027."),
    )

    class Meta:
        model = EventSeries
        fields = ["frequency", "interval"]
        widgets = {"interval": WholeNumberInput()}

    def __init__(self, *args, start=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.start = start
        self.fields["interval"].widget.attrs["min"] = 1
        self.fields["interval"].required = False  # 1 when left empty; nothing when not repeating

    @property
    def repeats(self) -> bool:
        return bool(self.cleaned_data.get("frequency"))

    def clean(self):
        data = super().clean()
        if not data.get("frequency") or self.start is None:
            return data
        series = self.instance
        series.frequency, series.interval, series.first_start = (
            data["frequency"],
            data.get("interval") or 1,
            self.start,
        )
        if data.get("until") and data.get("count"):
            self.add_error("count", _("Give either the last date or the number of dates, not both."))
        elif data.get("until"):
            last = datetime.combine(data["until"], timezone.localtime(self.start).time())
            series.until = timezone.make_aware(last)
        elif data.get("count"):
            series.until = self.start + SERIES_MAX_SPAN  # the rule's dates, then the n-th of them
            dates = series.dates()
            series.until = dates[min(data["count"], len(dates)) - 1]
        else:
            self.add_error("until", _("Give the last date of the series, or the number of dates."))
        return data

    def clean_interval(self):
        return self.cleaned_data["interval"] or 1

    def clean_skipped(self):
        """The dates to leave out; whether the rule gives them is checked with the rule (clean)."""
        found = []
        for text in filter(None, (part.strip() for part in self.cleaned_data["skipped"].split(","))):
            for form in [*formats.get_format("DATE_INPUT_FORMATS"), "%Y-%m-%d"]:
                try:
                    found.append(datetime.strptime(text, form).date())
                    break
                except ValueError:
                    continue
            else:
                raise ValidationError(_("“%(text)s” is not a date, e.g. 06.01.2027.") % {"text": text})
        return found

    def _post_clean(self):
        if not self.repeats:
            return  # nothing to store, nothing to check
        super()._post_clean()
        if not self.errors and self.instance.until:
            given = {timezone.localdate(start) for start in self.instance.dates()}
            strays = [date for date in self.cleaned_data["skipped"] if date not in given]
            if strays:
                self.add_error(
                    "skipped",
                    _("%(dates)s is not a date of this series.")
                    % {"dates": ", ".join(formats.date_format(date, "SHORT_DATE_FORMAT") for date in strays)},
                )


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
