from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Render every form field with the portal's own accessible field template."""

    field_template_name = "components/field.html"
