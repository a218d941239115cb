from django.core.management.base import BaseCommand

from introductions.services import run_schedule


class Command(BaseCommand):
    help = (
        "Remind whoever an introduction request waits for, expire those waiting too long, and ask "
        "both sides of introductions accepted a month ago what came of them (run daily by a systemd timer)."
    )

    def handle(self, *args, **options):
        done = run_schedule()
        self.stdout.write(
            f"{done['reminded']} reminded, {done['expired']} expired, {done['asked']} asked for the outcome."
        )
