"""Fill the database with the network at its real size, for benchmarks and query plans:

    manage.py seed_scale --members 100000 --events 20000 --seed 1

Members of every type and visibility in one to three hubs each (two managers a hub),
events across all hubs, states, formats and the past and coming year, registrations and
waitlists, the agency's news of the past years, partner organisations with their
partnerships and linked members, and the hubs' guest desks with four months of bookings. The same seed gives the same data. Rows are written in batches (bulk_create),
so signals do not run: the stored counts are filled at the end in one statement each.
Each app fills its own tables (`<app>/scale.py`, sharing core/scale.py); this command runs them.
Every account has the password of --password; addresses end in @scale.example.org.
"""

import random
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from core.scale import DOMAIN, Scale
from desks import scale as desks_scale
from events import scale as events_scale
from formats import scale as formats_scale
from hubs.models import FocusTheme, Hub
from introductions import scale as introductions_scale
from members import scale as members_scale
from members.models import User
from pages import scale as pages_scale
from partners import scale as partners_scale


class Command(BaseCommand):
    help = "Fill the database with the network at its real size (fictitious data), for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=20_000)
        parser.add_argument("--registrations-per-event", type=int, default=12)
        parser.add_argument("--news", type=int, default=500)
        parser.add_argument("--organisations", type=int, default=600)
        parser.add_argument("--desk-spaces-per-hub", type=int, default=3)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="scale-password")

    def handle(
        self,
        *args,
        members,
        events,
        registrations_per_event,
        news,
        organisations,
        desk_spaces_per_hub,
        seed,
        password,
        **options,
    ):
        if members < 1 or events < 0 or news < 0 or organisations < 0 or desk_spaces_per_hub < 0:
            raise CommandError("--members must be at least 1, --events and --news not negative.")
        if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError(f"The database holds scale data already (addresses @{DOMAIN}).")
        if not Hub.objects.exists():
            call_command("seed_hubs", stdout=self.stdout)
        scale = Scale(
            random=random.Random(seed),  # noqa: S311 - repeatable fictitious data, not secrets
            now=timezone.now().replace(microsecond=0),  # whole seconds, as the series' rules give
            hubs=list(Hub.objects.order_by("pk")),
            themes=list(FocusTheme.objects.order_by("pk")),
            stdout=self.stdout,
        )
        started = time.monotonic()
        with transaction.atomic():
            user_ids = members_scale.create_members(scale, members, password)
            event_ids = events_scale.create_events(scale, events, user_ids)
            events_scale.create_registrations(scale, event_ids, user_ids, registrations_per_event)
            pages_scale.create_news(scale, news)
            partners_scale.create_organisations(scale, organisations, user_ids)
            desks_scale.create_desks(scale, desk_spaces_per_hub)
            introductions_scale.create_introductions(scale, members // 20, user_ids)
            formats_scale.create_formats(scale, events // 60)
            events_scale.count_registrations()
            members_scale.count_members()
        with connection.cursor() as cursor:
            # Statistics and the visibility map, as autovacuum would make them later: without
            # them PostgreSQL cannot count from an index alone. (VACUUM needs to run outside
            # a transaction, which a test's is not.)
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{members} members, {events} events and their registrations in {time.monotonic() - started:.0f} s."
            )
        )
