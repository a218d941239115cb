from django.conf import settings
from django.core.management.base import BaseCommand

from desks.services import remove_members_from_old_bookings


class Command(BaseCommand):
    help = (
        "Remove the member from desk bookings older than DESK_BOOKING_RETENTION_DAYS; the counts per hub "
        "and month stay (run daily by the housekeeping timer)."
    )

    def handle(self, *args, **options):
        removed = remove_members_from_old_bookings()
        self.stdout.write(
            f"{removed} booking(s) older than {settings.DESK_BOOKING_RETENTION_DAYS} days made anonymous."
        )
