"""The network in numbers: the dashboard in the admin (agency staff: any hub or the network;
hub managers: their hubs), its downloads and the quarterly report; and the public page."""

from datetime import date

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hubs.reference import network
from members.permissions import has_curation_role

from . import downloads, pdf, quarters
from .forms import ScopeForm
from .measures import Scope, counted_at, numbers
from .tables import Headline, headline, tables


def scoped(request):
    """The form of the scope asked for, and the tables of the scope (the default one while the
    form has errors), for a curator; PermissionDenied for everybody else."""
    if not has_curation_role(request.user):
        raise PermissionDenied
    form = ScopeForm(request.GET or None, user=request.user)
    scope = form.scope
    counted = numbers(scope)
    return form, scope, counted, tables(scope, counted)


def scope_name(form, scope) -> str:
    if len(scope.hubs) == 1:
        return network().hubs_by_pk[scope.hubs[0]].name
    return dict(form.fields["hub"].choices)[""]


def dashboard(request):
    form, scope, counted, shown = scoped(request)
    context = {
        **admin.site.each_context(request),
        "title": _("The network in numbers"),
        "form": form,
        "scope": scope,
        "scope_name": scope_name(form, scope),
        "headline": headline(counted),
        "tables": shown,
        "counted": counted_at(counted),
        "query": request.GET.urlencode(),
        "quarters": quarters.recent(),
    }
    return TemplateResponse(
        request, "figures/dashboard.html", context, status=200 if form.is_valid() or not request.GET else 400
    )


def download(request, kind):
    _form, scope, _counted, shown = scoped(request)
    filename = f"netzwerk-in-zahlen-{scope.start.isoformat()}-{scope.end.isoformat()}"
    if kind == "xlsx":
        return downloads.as_xlsx(shown, filename=filename)
    table = next((table for table in shown if table.key == request.GET.get("table")), None)
    if table is None:
        raise Http404
    return downloads.as_csv(table, filename=filename)


def report_of(request) -> tuple[Scope, str]:
    """The scope and name of the report asked for: a quarter, and one of the curator's hubs or
    all of them; 404 for any other."""
    if not has_curation_role(request.user):
        raise PermissionDenied
    days = quarters.days_of(request.GET.get("quarter", ""))
    if days is None:
        raise Http404
    form = ScopeForm({"hub": request.GET.get("hub", "")}, user=request.user)
    if not form.is_valid():
        raise Http404
    scope = Scope(hubs=form.scope.hubs, start=days[0], end=days[1])
    return scope, scope_name(form, scope)


def report(request):
    """The quarterly report for the ministry, in German, to print or download as a PDF (see
    quarterly_report)."""
    scope, name = report_of(request)
    with translation.override("de"):  # rendered here, not after the view like a TemplateResponse
        context = report_context(scope, quarter=request.GET["quarter"], scope_name=name)
        context["pdf_url"] = f"{reverse('figures:report_pdf')}?{request.GET.urlencode()}"
        return render(request, "figures/report.html", context)


def report_pdf(request):
    """The quarterly report as an A4 PDF, made on the server."""
    scope, name = report_of(request)
    with translation.override("de"):
        html = render_to_string(
            "figures/report.html", report_context(scope, quarter=request.GET["quarter"], scope_name=name)
        )
    response = HttpResponse(pdf.as_pdf(html), content_type="application/pdf")
    filename = f"quartalsbericht-{request.GET['quarter']}-{request.GET.get('hub') or 'netzwerk'}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_context(scope: Scope, *, quarter: str, scope_name: str, inline_css: str = "") -> dict:
    counted = numbers(scope)
    shown = tables(scope, counted)
    year, number = quarter.split("-")
    return {
        "quarter": number,
        "year": year,
        "scope": scope,
        "scope_name": scope_name,
        "headline": headline(counted),
        "tables": shown,
        "counted": counted_at(counted),
        "made": timezone.now(),
        "inline_css": inline_css,
    }


def public(request):
    """The network in numbers for everybody: this year's headline numbers and a few charts."""
    today = timezone.localdate()
    scope = Scope(hubs=(), start=date(today.year, 1, 1), end=date(today.year, 12, 31))
    counted = numbers(scope)
    shown = {table.key: table for table in tables(scope, counted)}
    chosen = [shown[key] for key in ("members_by_type", "members_by_hub", "events", "events_by_type")]
    context = {
        "year": today.year,
        "headline": [
            Headline(_("Digital hubs"), len(network().hubs)),
            Headline(_("Cities"), sum(len(hub.cities.all()) for hub in network().hubs)),
            Headline(_("Members"), counted["members"], "members_by_hub"),
            Headline(_("Events this year"), sum(counted["events"].values()), "events"),
            Headline(_("Partner organisations"), counted["partner_organisations"]),
        ],
        "tables": chosen,
        "counted": counted_at(counted),
    }
    return TemplateResponse(request, "figures/public.html", context)
