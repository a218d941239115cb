from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DayInput
from hubs.reference import network
from members.permissions import is_agency, managed_hub_ids

from .measures import Scope, default_period

LONGEST_PERIOD = timedelta(days=5 * 366)  # at most five years of months on one page


class ScopeForm(forms.Form):
    """Whose numbers for which days: agency staff choose any hub or the whole network, a hub
    manager one of their hubs or all of them."""

    hub = forms.ChoiceField(label=_("Hub"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DayInput)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DayInput)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        hubs = network().hubs_in_display_order()
        if not is_agency(user):
            hubs = [hub for hub in hubs if hub.pk in managed_hub_ids(user)]
        everything = _("The whole network") if is_agency(user) else _("All my hubs")
        self.fields["hub"].choices = [("", everything), *((hub.slug, hub.name) for hub in hubs)]
        self.hubs = hubs

    def clean(self):
        cleaned = super().clean()
        start, end = default_period()
        start = cleaned.get("date_from") or start
        end = cleaned.get("date_to") or end
        if end < start:
            self.add_error("date_to", _("The period must end on or after its first day."))
        elif end - start > LONGEST_PERIOD:
            self.add_error("date_to", _("Choose a period of at most five years."))
        elif end > timezone.localdate() + timedelta(days=366):
            self.add_error("date_to", _("Choose a period that ends within the next year."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    @property
    def scope(self) -> Scope:
        """The scope asked for (the default one while the form is invalid)."""
        if self.is_valid():
            start, end = self.cleaned_data["start"], self.cleaned_data["end"]
            slug = self.cleaned_data["hub"]
        else:
            (start, end), slug = default_period(), ""
        if slug:
            hubs = (network().hubs_by_slug[slug].pk,)
        elif is_agency(self.user):
            hubs = ()
        else:
            hubs = tuple(sorted(hub.pk for hub in self.hubs))
        return Scope(hubs=hubs, start=start, end=end)
