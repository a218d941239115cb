from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from figures import pdf, quarters
from figures.measures import Scope
from figures.views import report_context
from hubs.models import Hub


class Command(BaseCommand):
    help = (
        "Write the quarterly report for the ministry in German, for the whole network or one hub: "
        "an A4 PDF when the output file ends in .pdf, else printable HTML with its stylesheets inside."
    )

    def add_arguments(self, parser):
        latest = quarters.recent(1)[0]
        parser.add_argument(
            "--quarter", default=latest, help=f"YEAR-QUARTER, e.g. 2026-3 (default: {latest})"
        )
        parser.add_argument("--hub", default="", help="A hub's slug; the whole network without it")
        parser.add_argument(
            "--output",
            default="",
            help="The file to write (NAME.pdf for a PDF); HTML on standard output without it",
        )

    def handle(self, *args, quarter, hub, output, **options):
        days = quarters.days_of(quarter)
        if days is None:
            raise CommandError(f"{quarter!r} names no quarter: give YEAR-QUARTER, e.g. 2026-3.")
        found = Hub.objects.filter(slug=hub).first() if hub else None
        if hub and found is None:
            raise CommandError(f"There is no hub {hub!r}.")
        scope = Scope(hubs=(found.pk,) if found else (), start=days[0], end=days[1])
        as_pdf = output.lower().endswith(".pdf")
        with translation.override("de"):
            name = found.name if found else translation.gettext("The whole network")
            # The PDF reads the stylesheets and fonts from the static files; a file of HTML
            # standing on its own carries its stylesheets.
            inline_css = (
                ""
                if as_pdf
                else "\n".join(
                    Path(finders.find(stylesheet)).read_text()
                    for stylesheet in ("css/figures.css", "css/report.css")
                )
            )
            context = report_context(scope, quarter=quarter, scope_name=name, inline_css=inline_css)
            html = render_to_string("figures/report.html", context)
        if as_pdf:
            Path(output).write_bytes(pdf.as_pdf(html))
        elif output:
            Path(output).write_text(html)
        else:
            self.stdout.write(html)
            return
        self.stdout.write(f"Wrote the report for {quarter} to {output}.")
