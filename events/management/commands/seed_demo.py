from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.demo import create_demo_events
from members.demo import DEMO_PASSWORD, create_demo_members
from members.models import User

DEMO_ADMIN_EMAIL = "agentur@example.org"


class Command(BaseCommand):
    help = (
        "Add demo content for local development on top of the hub network: an agency login "
        f"({DEMO_ADMIN_EMAIL}), demo members and events. Idempotent; refuses to run unless DEBUG is on."
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
            admin = User.objects.create_superuser(email=DEMO_ADMIN_EMAIL, password=DEMO_PASSWORD)
            EmailAddress.objects.create(user=admin, email=DEMO_ADMIN_EMAIL, verified=True, primary=True)
        members = create_demo_members()
        events = create_demo_events()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {members} new demo members (password {DEMO_PASSWORD}), {events} new events. "
                f"Admin: /admin/ as {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}"
            )
        )
