from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from desks.services import send_reminders


class Command(BaseCommand):
    help = "Remind founders of tomorrow's desk bookings (each booking once; run daily by a systemd timer)."

    def handle(self, *args, **options):
        reminded = send_reminders(day=timezone.localdate() + timedelta(days=1))
        self.stdout.write(f"{reminded} reminder(s) queued.")
