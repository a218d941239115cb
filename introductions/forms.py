from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import NOTE_MAX_LENGTH, Outcome


class NoteField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Your note"),
            max_length=NOTE_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=_(
                "Who you are, why you would like to meet and what you hope for, in up to 600 characters. "
                "The hub and the member read it."
            ),
            **kwargs,
        )


class IntroductionRequestForm(forms.Form):
    note = NoteField()
    hub = forms.ModelChoiceField(
        label=_("Which hub should introduce you?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("A hub you both belong to; its managers review your request."),
    )

    def __init__(self, *args, hubs, **kwargs):
        """`hubs`: those the two members share; without one, the Hub-Agency reviews."""
        super().__init__(*args, **kwargs)
        shared = list(hubs)
        if not shared:
            del self.fields["hub"]
            return
        self.fields["hub"].queryset = hubs
        if len(shared) == 1:
            self.fields["hub"].initial = shared[0].pk


class RevisionForm(forms.Form):
    note = NoteField()


class HubMessageForm(forms.Form):
    """The reason for declining, or the question when asking for more: both for the requester."""

    message = forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].label = label


def decline_form(data=None):
    return HubMessageForm(
        data, prefix="decline", label=_("Reason for the member (the other member is not told)")
    )


def question_form(data=None):
    return HubMessageForm(data, prefix="question", label=_("What should the member tell you?"))


class OutcomeForm(forms.Form):
    answer = forms.ChoiceField(choices=Outcome.Answer.choices)


YEARS_SHOWN = 10


class YearForm(forms.Form):
    """A year among the last ten (the programme's reporting looks back no further)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, this_year - YEARS_SHOWN, -1)
        ]


class DeclineReasonForm(forms.Form):
    """The admin's "decline with a reason" step (core.moderation.reject_with_reason)."""

    reason = forms.CharField(
        label=_("Reason for the members who asked (the others are not told)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
