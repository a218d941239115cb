from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members.models import User

DEMO_ADMIN_EMAIL = "agentur@example.org"
DEMO_PASSWORD = "hubportal-demo"  # noqa: S105 - a documented demo login, refused outside DEBUG


class Command(BaseCommand):
    help = (
        "Add demo content for local development on top of the hub network: an agency "
        f"login ({DEMO_ADMIN_EMAIL}). Idempotent; refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo content is for development: set DEBUG=true or pass --force.")
        call_command("seed_hubs", stdout=self.stdout)
        if not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists():
            User.objects.create_superuser(
                email=DEMO_ADMIN_EMAIL, password=DEMO_PASSWORD, name="Hub-Agentur (Demo)"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready. Admin: /admin/ as {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}")
        )
