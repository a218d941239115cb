"""The Atom feed of new events: those still to come, newest first, a series once by its next
date (as the lists show it)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.markup import render_markdown

from ..models import Event


class LatestEventsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Digital Hubs: new events")
    subtitle = gettext_lazy("Events of Germany's digital hub network, newest first.")

    def link(self):
        return reverse("events:list")

    def items(self):
        return (
            Event.objects.public()
            .filter(end__gte=timezone.now())
            .next_of_each_series()
            .select_related("hub")
            .order_by("-created", "-pk")[:30]
        )

    def item_title(self, event):
        if event.is_cancelled:
            return _("Cancelled: %(title)s") % {"title": event.title}
        return event.title

    def item_description(self, event):
        return render_markdown(event.description)  # sanitised as on the event's page

    def item_pubdate(self, event):
        return event.created

    def item_updateddate(self, event):
        return event.updated

    def item_categories(self, event):
        return [event.get_event_type_display(), event.hub.name]
