from collections import defaultdict
from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from figures.measures import Scope, default_period
from figures.tasks import count_figures
from hubs.models import Hub
from members.models import Membership


class Command(BaseCommand):
    help = (
        "Queue the counting of the network in numbers for the usual views: the whole network, each "
        "hub and each manager's hubs over the last twelve months, and this year for the public page "
        "(run hourly by a systemd timer; the worker counts them into the cache)."
    )

    def handle(self, *args, **options):
        start, end = default_period()
        managed = defaultdict(set)
        for user_id, hub_id in Membership.objects.filter(role=Membership.Role.MANAGER).values_list(
            "user", "hub"
        ):
            managed[user_id].add(hub_id)
        hub_sets = {(), *((pk,) for pk in Hub.objects.values_list("pk", flat=True))}
        hub_sets |= {tuple(sorted(hubs)) for hubs in managed.values()}
        year = timezone.localdate().year
        scopes = [Scope(hubs=hubs, start=start, end=end) for hubs in sorted(hub_sets)]
        scopes.append(Scope(hubs=(), start=date(year, 1, 1), end=date(year, 12, 31)))
        for scope in scopes:
            count_figures.enqueue(
                hubs=list(scope.hubs), start=scope.start.isoformat(), end=scope.end.isoformat()
            )
        self.stdout.write(f"{len(scopes)} views of the network in numbers queued for counting.")
