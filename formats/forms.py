from django import forms

from core.forms import WholeNumberInput

from .models import Effort, Outcome


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = [
            "attendance",
            "format_type",
            "effort",
            "summary_de",
            "summary_en",
            "worked",
            "to_change",
            "materials",
        ]
        widgets = {
            "summary_de": forms.Textarea(attrs={"rows": 4, "lang": "de"}),
            "summary_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
            "worked": forms.Textarea(attrs={"rows": 4}),
            "to_change": forms.Textarea(attrs={"rows": 4}),
            "materials": forms.Textarea(attrs={"rows": 3}),
            "effort": forms.RadioSelect,
            "attendance": WholeNumberInput(attrs={"min": 0}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effort"].choices = Effort.choices  # radio buttons, no empty one
