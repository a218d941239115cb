import re

from django import forms
from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Render every form field with the portal's own accessible field template."""

    field_template_name = "components/field.html"


class DayInput(forms.DateInput):
    """The browser's date picker. It shows only what a browser could have sent (HTML allows no
    other value), so a mistyped date comes back empty, with the field's error beside it."""

    input_type = "date"
    SHOWN = re.compile(r"\d{4}-\d{2}-\d{2}")

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)

    def format_value(self, value):
        shown = super().format_value(value)
        return shown if shown is None or self.SHOWN.fullmatch(shown) else None


class WholeNumberInput(forms.NumberInput):
    """A number field. Like DayInput it shows only what a browser could have sent: a value that
    is no whole number comes back empty, with the field's error beside it."""

    SHOWN = re.compile(r"-?\d+")

    def format_value(self, value):
        shown = super().format_value(value)
        return shown if shown is None or self.SHOWN.fullmatch(str(shown)) else None
