from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from figures import quarters
from figures.measures import Scope
from figures.views import report_context
from hubs.models import Hub


class Command(BaseCommand):
    help = (
        "Write the quarterly report for the ministry (German, printable HTML with its stylesheet "
        "inside, to print or save as PDF from a browser): the whole network or one hub."
    )

    def add_arguments(self, parser):
        latest = quarters.recent(1)[0]
        parser.add_argument(
            "--quarter", default=latest, help=f"YEAR-QUARTER, e.g. 2026-3 (default: {latest})"
        )
        parser.add_argument("--hub", default="", help="A hub's slug; the whole network without it")
        parser.add_argument("--output", default="", help="The file to write; standard output without it")

    def handle(self, *args, quarter, hub, output, **options):
        days = quarters.days_of(quarter)
        if days is None:
            raise CommandError(f"{quarter!r} names no quarter: give YEAR-QUARTER, e.g. 2026-3.")
        found = Hub.objects.filter(slug=hub).first() if hub else None
        if hub and found is None:
            raise CommandError(f"There is no hub {hub!r}.")
        scope = Scope(hubs=(found.pk,) if found else (), start=days[0], end=days[1])
        with translation.override("de"):
            name = found.name if found else translation.gettext("The whole network")
            context = report_context(
                scope,
                quarter=quarter,
                scope_name=name,
                inline_css=Path(finders.find("css/figures.css")).read_text(),
            )
            html = render_to_string("figures/report.html", context)
        if output:
            Path(output).write_text(html)
            self.stdout.write(f"Wrote the report for {quarter} to {output}.")
        else:
            self.stdout.write(html)
