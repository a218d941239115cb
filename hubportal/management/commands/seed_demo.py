from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from desks.demo import create_demo_desks
from events.demo import create_demo_events
from figures.demo import create_demo_history
from formats.demo import create_demo_formats
from hubs.models import Hub
from introductions.demo import create_demo_introductions
from members.demo import DEMO_PASSWORD, create_demo_members
from members.models import User
from members.services import grant_manager
from pages.demo import create_demo_news
from partners.demo import create_demo_partners

DEMO_ADMIN_EMAIL = "agentur@example.org"
DEMO_MANAGER_EMAIL = "manager.hamburg@example.org"


class Command(BaseCommand):
    help = (
        "Add demo content for local development on top of the hub network: an agency login "
        f"({DEMO_ADMIN_EMAIL}), a hub manager, demo members, events, news, partner organisations, guest desks, introductions and formats. Idempotent; refuses to run unless DEBUG is on."
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
        self.appoint_demo_manager()
        events = create_demo_events()
        formats = create_demo_formats()
        news = create_demo_news()
        partners = create_demo_partners()
        # Before the desks: its demo members join Hamburg, and desks are for the guests of other hubs.
        introductions = create_demo_introductions()
        desks = create_demo_desks()
        # Last: a year of history for the network in numbers, from the members, desks and hubs above.
        history = create_demo_history()
        Hub.objects.filter(slug__in=["hamburg", "karlsruhe", "ludwigshafen-mannheim"]).update(featured=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {members} new demo members (password {DEMO_PASSWORD}), {events} new events, "
                f"{news} new news, {partners} new partner organisations, {desks} new desk spaces, {introductions} new introductions, {formats} new formats, {history} past events for the network in numbers. "
                f"Hub manager of Hamburg: {DEMO_MANAGER_EMAIL}; the demo investor ben.muster@example.org has matches. "
                f"Admin: /admin/ as {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}"
            )
        )

    def appoint_demo_manager(self):
        """A hub manager for Hamburg, to try the admin as hub managers see it."""
        hamburg = Hub.objects.get(slug="hamburg")
        manager = User.objects.filter(email=DEMO_MANAGER_EMAIL).first()
        if manager is None:
            manager = User.objects.create_user(email=DEMO_MANAGER_EMAIL, password=DEMO_PASSWORD)
            EmailAddress.objects.create(user=manager, email=DEMO_MANAGER_EMAIL, verified=True, primary=True)
        grant_manager(user=manager, hub=hamburg)
