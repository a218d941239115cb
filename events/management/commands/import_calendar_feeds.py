from django.core.management.base import BaseCommand

from events.models import CalendarFeed
from events.tasks import import_calendar_feed


class Command(BaseCommand):
    help = (
        "Queue the import of every active hub calendar into its hub's moderation queue "
        "(run hourly by a systemd timer; the worker fetches them)."
    )

    def handle(self, *args, **options):
        feeds = list(CalendarFeed.objects.filter(active=True).values_list("pk", flat=True))
        for feed_id in feeds:
            import_calendar_feed.enqueue(feed_id=feed_id)
        self.stdout.write(f"{len(feeds)} calendars queued for import.")
