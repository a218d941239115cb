from django.db import models
from django.utils.translation import gettext_lazy as _

from hubportal.translation import TranslatedField


class Page(models.Model):
    """A page of text the agency edits in the admin, such as the Impressum."""

    class Slug(models.TextChoices):
        IMPRESSUM = "impressum", _("Legal notice (Impressum)")
        PRIVACY = "datenschutz", _("Privacy policy (Datenschutz)")

    slug = models.SlugField(_("page"), max_length=50, unique=True, choices=Slug.choices)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_de = models.TextField(
        _("text (German)"), help_text=_("Markdown: headings, paragraphs, lists, links.")
    )
    body_en = models.TextField(
        _("text (English)"), blank=True, help_text=_("Markdown: headings, paragraphs, lists, links.")
    )
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    title = TranslatedField()
    body = TranslatedField()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title
