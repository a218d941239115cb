"""The activity log of the network for the agency: what happened to events, hubs and
memberships, who did it and when, from their histories (see core.audit)."""

from django import forms
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.translation import gettext_lazy as _

from core.audit import ACTIONS
from core.forms import DayInput
from desks.models import DeskSpace
from events.models import Event, PostingSuspension
from hubs.models import Hub
from introductions.models import Introduction
from members.models import Membership
from partners.models import Organisation, Partnership

# Where the admin shows the whole history of each kind of object.
HISTORY_PAGES = {
    "event": "admin:events_event_history",
    "hub": "admin:hubs_hub_history",
    "membership": "admin:members_membership_history",
    "organisation": "admin:partners_organisation_history",
    "partnership": "admin:partners_partnership_history",
    "deskspace": "admin:desks_deskspace_history",
    "introduction": "admin:introductions_introduction_history",
    "postingsuspension": "admin:events_postingsuspension_history",
}


def histories():
    """The histories in one shape: when, who, action, kind of object (object_kind), object id, label and hub."""
    shape = {"when": F("history_date"), "who": F("history_user_id"), "action": F("history_change_reason")}
    return [
        Event.history.values(
            **shape,
            object_kind=Value("event"),
            object_id=F("id"),
            label=Coalesce(NullIf(F("title_de"), Value("")), F("title_en")),
            in_hub=F("hub_id"),
        ),
        Hub.history.values(
            **shape, object_kind=Value("hub"), object_id=F("id"), label=F("name_de"), in_hub=F("id")
        ),
        Membership.history.values(
            **shape,
            object_kind=Value("membership"),
            object_id=F("id"),
            label=F("user__email"),
            in_hub=F("hub_id"),
        ),
        Organisation.history.values(
            **shape, object_kind=Value("organisation"), object_id=F("id"), label=F("name"), in_hub=F("hub_id")
        ),
        Partnership.history.values(
            **shape,
            object_kind=Value("partnership"),
            object_id=F("id"),
            label=F("organisation__name"),
            in_hub=F("hub_id"),
        ),
        DeskSpace.history.values(
            **shape, object_kind=Value("deskspace"), object_id=F("id"), label=F("name_de"), in_hub=F("hub_id")
        ),
        PostingSuspension.history.values(
            **shape,
            object_kind=Value("postingsuspension"),
            object_id=F("id"),
            label=F("user__email"),
            in_hub=Value(None, output_field=IntegerField()),
        ),
        # Introductions by number: who asked whom is for the request's own page.
        Introduction.history.values(
            **shape,
            object_kind=Value("introduction"),
            object_id=F("id"),
            label=Concat(Value("#"), Cast("id", CharField())),
            in_hub=F("hub_id"),
        ),
    ]


class ActivityFilter(forms.Form):
    hub = forms.ModelChoiceField(label=_("Hub"), queryset=Hub.objects.order_by("name_de"), required=False)
    user = forms.EmailField(label=_("By (email address)"), required=False)
    action = forms.ChoiceField(
        label=_("What happened"), choices=[("", _("Everything")), *ACTIONS.items()], required=False
    )
    since = forms.DateField(label=_("From"), required=False, widget=DayInput)
    until = forms.DateField(label=_("Until"), required=False, widget=DayInput)

    def entries(self):
        """The entries that match the filter, newest first (all of them when it is not valid)."""
        data = self.cleaned_data if self.is_valid() else {}
        parts = []
        for history in histories():
            if data.get("hub"):
                history = history.filter(in_hub=data["hub"].pk)
            if data.get("user"):
                history = history.filter(history_user__email__iexact=data["user"])
            if data.get("action"):
                history = history.filter(history_change_reason=data["action"])
            if data.get("since"):
                history = history.filter(history_date__date__gte=data["since"])
            if data.get("until"):
                history = history.filter(history_date__date__lte=data["until"])
            parts.append(history.order_by())
        return parts[0].union(*parts[1:], all=True).order_by("-when")
