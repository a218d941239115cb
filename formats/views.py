"""The Format Library: browsing formats, a format's page with the hubs that ran it, recording an
event's outcome and publishing it, and running a format as a new event of one's hub."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from events import services as event_services
from events.forms import EventForm
from events.models import Event
from events.views.pages import event_for, saved_message

from . import permissions, services
from .filters import FormatFilter
from .forms import OutcomeForm
from .models import Format, Outcome

RUNS_SHOWN = 50  # the latest runs on a format's page


class FormatListView(FilterView):
    template_name = "formats/format_list.html"
    filterset_class = FormatFilter
    context_object_name = "formats"
    paginate_by = 20

    def get_queryset(self):
        return Format.objects.for_cards().order_by("-created", "-pk")


def format_detail(request, slug):
    format = get_object_or_404(Format.objects.select_related("hub"), slug=slug)
    runs = (
        Event.objects.filter(format_run__format=format)
        .filter(Q(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]))
        .select_related("hub", "outcome")
        .order_by("-start")[:RUNS_SHOWN]
    )
    context = {
        "format": format,
        "runs": runs,
        "can_run": permissions.can_run_format(request.user),
        "can_edit": permissions.can_edit_format(request.user, format),
    }
    return render(request, "formats/format_detail.html", context)


@never_cache
@login_required
def outcome_edit(request, slug):
    """Record (or correct) what came of an event, and from there publish it as a format."""
    event = event_for(request, slug, allowed=permissions.can_record_outcome)
    outcome = Outcome.objects.filter(event=event).first() or Outcome(
        event=event, format_type=event.event_type
    )
    form = OutcomeForm(request.POST or None, instance=outcome)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(outcome=form.save(commit=False), user=request.user)
        except services.FormatError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The outcome has been saved."))
            return redirect("formats:outcome", slug=event.slug)
    published = Format.objects.filter(outcome_id=outcome.pk).first() if outcome.pk else None
    run_of = Format.objects.filter(run_records__event=event).exclude(outcome_id=outcome.pk or 0).first()
    context = {"event": event, "form": form, "outcome": outcome, "published": published, "run_of": run_of}
    return render(request, "formats/outcome_form.html", context)


@require_POST
@login_required
def outcome_publish(request, slug):
    event = event_for(request, slug, allowed=permissions.can_record_outcome)
    outcome = get_object_or_404(Outcome, event=event)
    try:
        format = services.publish_format(outcome=outcome, user=request.user)
    except services.FormatError as error:
        messages.error(request, str(error))
        return redirect("formats:outcome", slug=event.slug)
    messages.success(request, _("The format is published in the library; other hubs can run it now."))
    return redirect(format)


@never_cache
@login_required
def format_run(request, slug):
    """A new event of one's hub, prefilled from the format: the member adds date and place."""
    format = get_object_or_404(Format.objects.select_related("hub", "outcome__event"), slug=slug)
    if not permissions.can_run_format(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None, user=request.user, initial=prefilled_from(format))
    if request.method == "POST" and form.is_valid():
        try:
            event = event_services.create_event(
                event=form.save(commit=False),
                organiser=request.user,
                cohosts=form.cleaned_data["cohosts"],
                focus_themes=form.cleaned_data["focus_themes"],
                submit="submit" in request.POST,
            )
        except event_services.EventError as error:
            form.add_error(None, str(error))
        else:
            services.run_format(format=format, event=event)
            messages.success(request, saved_message(event))
            return redirect(event)
    context = {"form": form, "offers_submit": True, "from_format": format}
    return render(request, "events/event_form.html", context)


def prefilled_from(format: Format) -> dict:
    """A new event's form as the format's first run was: its texts (a language's title with
    its summary), type, themes, format and language, and seats for as many as came."""
    texts = {}
    for language in ("de", "en"):
        title, summary = getattr(format, f"title_{language}"), getattr(format, f"summary_{language}")
        if title and summary:
            texts |= {f"title_{language}": title, f"description_{language}": summary}
    if not texts:  # title and summary in different languages: the organiser sorts them out
        texts = {"title_de": format.title, "description_de": format.summary}
    initial = {**texts, "event_type": format.format_type, "focus_themes": list(format.focus_themes.all())}
    if format.outcome_id:
        origin = format.outcome.event
        initial |= {
            "format": origin.format,
            "language": origin.language,
            "capacity": format.outcome.attendance,
        }
    return initial
