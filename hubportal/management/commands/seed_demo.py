from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from desks.demo import create_demo_desks
from events.demo import create_demo_events
from figures.demo import create_demo_history
from formats.demo import create_demo_formats
from hubs.models import Hub
from introductions.demo import create_demo_introductions
from members.demo import (
    DEMO_AGENCY_EMAIL,
    DEMO_MANAGER_EMAIL,
    DEMO_PASSWORD,
    appoint_demo_manager,
    create_demo_members,
    demo_agency,
)
from pages.demo import create_demo_news
from partners.demo import create_demo_partners

UNSENT = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Command(BaseCommand):
    help = (
        "Add demo content for local development on top of the hub network: an agency login "
        f"({DEMO_AGENCY_EMAIL}), a hub manager, demo members, events, news, partner organisations, guest desks, introductions and formats. Idempotent; refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo content is for development: set DEBUG=true or pass --force.")
        # The demo goes through the services, and they queue a mail for each step: some 500 to
        # made-up people, many about a past the demo makes now. None of them is sent.
        with override_settings(TASKS=UNSENT), transaction.atomic():
            self.seed()

    def seed(self):
        call_command("seed_hubs", stdout=self.stdout)
        demo_agency()
        members = create_demo_members()
        appoint_demo_manager()
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
                f"Admin: /admin/ as {DEMO_AGENCY_EMAIL} / {DEMO_PASSWORD}"
            )
        )
