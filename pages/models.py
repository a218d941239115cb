from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.aggregates import ids_of
from core.translation import TranslatedField
from hubs.reference import network


class Page(models.Model):
    """A page of text the agency edits in the admin, such as the Impressum."""

    class Slug(models.TextChoices):
        IMPRESSUM = "impressum", _("Legal notice (Impressum)")
        PRIVACY = "datenschutz", _("Privacy policy (Datenschutz)")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement (Barrierefreiheit)")

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


class NewsQuerySet(models.QuerySet):
    def published(self):
        """News whose publication date has come; later ones are scheduled."""
        return self.filter(published_at__lte=timezone.now()).order_by("-published_at", "-pk")

    def for_cards(self):
        """With the ids of the hubs concerned, which News.hubs_concerned names (no query per item)."""
        return self.annotate(hub_ids=ids_of(News.hubs.through, through_field="hub_id", owner_field="news"))


class News(models.Model):
    """News from the Hub-Agency: the channel that moves know-how between the hubs."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    teaser_de = models.TextField(_("teaser (German)"), max_length=400)
    teaser_en = models.TextField(_("teaser (English)"), max_length=400, blank=True)
    body_de = models.TextField(
        _("text (German)"), help_text=_("Markdown: headings, paragraphs, lists, links.")
    )
    body_en = models.TextField(
        _("text (English)"), blank=True, help_text=_("Markdown: headings, paragraphs, lists, links.")
    )
    published_at = models.DateTimeField(
        _("publish on"), default=timezone.now, db_index=True, help_text=_("A later date schedules the news.")
    )
    hubs = models.ManyToManyField(
        "hubs.Hub",
        blank=True,
        related_name="news",
        verbose_name=_("hubs concerned"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    title = TranslatedField()
    teaser = TranslatedField()
    body = TranslatedField()

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def hubs_concerned(self) -> list:
        """The hubs, named from the cached network (for_cards)."""
        return network().hubs_named(self.hub_ids or ())
