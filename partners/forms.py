from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.images import LogoField
from hubs.models import FocusTheme, Hub
from members.forms import https_by_default
from members.permissions import hubs_for_submission

from .models import Affiliation, Organisation


class ProposalForm(forms.ModelForm):
    """A member proposes an organisation to one of their hubs, or changes their proposal."""

    role = forms.ChoiceField(
        label=_("My role there"),
        choices=[("", _("I do not belong to it")), *Affiliation.Role.choices],
        required=False,
        help_text=_("Once the organisation is published, its page shows you with this role."),
    )

    class Meta:
        model = Organisation
        formfield_callback = https_by_default
        field_classes = {"logo": LogoField}
        fields = [
            "name",
            "kind",
            "hub",
            "city",
            "website",
            "focus_themes",
            "description_de",
            "description_en",
            "logo",
        ]
        labels = {"hub": _("Proposed to the hub")}
        help_texts = {
            "hub": _("Its managers review the proposal and keep the organisation's profile up to date."),
            "focus_themes": _("The focus themes the organisation works in."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "focus_themes": forms.CheckboxSelectMultiple,
            "description_de": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    RELATIONS = ("focus_themes",)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choosable = Q(pk__in=hubs_for_submission(user).values("pk")) | Q(pk=self.instance.hub_id)
        self.fields["hub"].queryset = Hub.objects.filter(choosable).in_display_order()
        self.fields["hub"].required = True
        if not self.instance.pk and len(self.fields["hub"].queryset) == 1:
            self.initial.setdefault("hub", self.fields["hub"].queryset[0].pk)
        self.fields["focus_themes"].queryset = FocusTheme.objects.in_display_order()
        if self.instance.pk:
            del self.fields["role"]  # the page of the published organisation links and unlinks

    @property
    def changes(self) -> dict:
        """The changed fields of the organisation itself, for services.update_proposal."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name not in self.RELATIONS}


class AffiliationForm(forms.Form):
    role = forms.ChoiceField(label=_("My role there"), choices=Affiliation.Role.choices)


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the member"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The member who proposed the organisation reads this in an email."),
    )
