"""Event pages: the lists, an event's page, posting and editing, submission, cancellation,
registration and the attendee list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from core.csv_export import csv_response
from members.permissions import hubs_for_submission

from .. import permissions, services
from ..filters import EventFilter, UpcomingEventFilter
from ..forms import CancelSeriesDateForm, EventForm, RejectionForm, ReportForm, SeriesForm
from ..models import Event, EventSeries
from ..structured_data import event_schema


class EventListView(FilterView):
    """Upcoming events; the archive shows the past ones with the same filters."""

    template_name = "events/event_list.html"
    filterset_class = EventFilter
    context_object_name = "events"
    paginate_by = 20
    archive = False

    def get_filterset_class(self):
        return EventFilter if self.archive else UpcomingEventFilter

    def get_queryset(self):
        events = Event.objects.public().for_cards()
        return events.past() if self.archive else events.upcoming()

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, **kwargs)


REPORTS_SHOWN = 20
SERIES_DATES_SHOWN = 6  # the next dates on a date's page


def event_for(request, slug, *, allowed) -> Event:
    """The event, if `allowed(user, event)`: 404 for those who may not even see it, 403 for the rest."""
    event = get_object_or_404(Event.objects.select_related("hub"), slug=slug)
    if not permissions.can_view(request.user, event):
        raise Http404
    if not allowed(request.user, event):
        raise PermissionDenied
    return event


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.for_page(request.user), slug=slug)
    if not permissions.can_view(request.user, event):
        raise Http404
    registration = (
        event.registrations.filter(user=request.user).first() if request.user.is_authenticated else None
    )
    actions = permissions.event_actions(request.user, event, registration=registration)
    context = {
        "event": event,
        "actions": actions,
        "structured_data": event_schema(event),
        # Named only as far as the organiser's profile is visible to this visitor.
        "organiser_profile": event.organiser.profile if event.organiser_shown else None,
        "rejection_form": RejectionForm() if actions.review else None,
        "reports": event.reports.open().order_by("created")[:REPORTS_SHOWN] if actions.see_reports else [],
        # The other published dates; of a series not yet public, the dates reviewed with this one.
        "series_dates": (
            event.series.occurrences.public()
            if event.is_public
            else event.series.occurrences.filter(status=event.status)
        )
        .filter(end__gte=timezone.now())
        .exclude(pk=event.pk)
        .order_by("start")[:SERIES_DATES_SHOWN]
        if event.series_id
        else [],
    }
    return render(request, "events/event_detail.html", context)


@never_cache
@login_required
def event_create(request):
    if not hubs_for_submission(request.user).exists():
        messages.info(request, _("Join a hub first: members post events for their hubs."))
        return redirect("hubs:list")
    if permissions.posting_suspended(request.user):
        messages.error(request, str(services.SUSPENDED))
        return redirect("members:dashboard")
    form = EventForm(request.POST or None, user=request.user)
    form_is_valid = request.method == "POST" and form.is_valid()
    start = form.cleaned_data.get("start") if form.is_bound else None  # the series' first date
    series_form = SeriesForm(request.POST or None, prefix="series", start=start)
    if form_is_valid and series_form.is_valid():
        created = {
            "organiser": request.user,
            "cohosts": form.cleaned_data["cohosts"],
            "focus_themes": form.cleaned_data["focus_themes"],
            "submit": "submit" in request.POST,
        }
        try:
            if series_form.repeats:
                event = services.create_series(
                    event=form.save(commit=False),
                    series=series_form.save(commit=False),
                    skipped=series_form.cleaned_data["skipped"],
                    **created,
                )[0]
            else:
                event = services.create_event(event=form.save(commit=False), **created)
        except services.EventError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            series_form.add_error(None, error)
        else:
            messages.success(request, saved_message(event))
            return redirect(event)
    context = {"form": form, "series_form": series_form, "offers_submit": True}
    return render(request, "events/event_form.html", context)


@never_cache
@login_required
def event_edit(request, slug):
    event = event_for(request, slug, allowed=permissions.can_edit)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        changed = {
            "event": event,
            "editor": request.user,
            "changes": form.changes,
            "cohosts": form.cleaned_data["cohosts"],
            "focus_themes": form.cleaned_data["focus_themes"],
        }
        try:
            if form.applies_to_following:
                event = services.update_series_from(**changed)
            else:
                event = services.update_event(**changed, submit="submit" in request.POST)
        except services.EventError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved_message(event))
            return redirect(event)
    context = {
        "form": form,
        "event": event,
        "offers_submit": event.awaits_submission,
        "returns_to_review": permissions.edit_returns_to_review(request.user, event),
    }
    return render(request, "events/event_form.html", context)


def saved_message(event):
    if event.is_awaiting_review:
        return _("The event has been saved and awaits review by the hub.")
    return _("The event has been saved.")


def run_service(request, action, success_message) -> bool:
    """Run a workflow service; a broken rule becomes a message for the member, not an error page."""
    try:
        action()
    except services.EventError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success_message)
    return True


@require_POST
@login_required
def event_submit(request, slug):
    event = event_for(request, slug, allowed=permissions.is_organiser)
    run_service(
        request,
        lambda: services.submit_event(event=event, user=request.user),
        _("The event awaits review by the hub."),
    )
    return redirect(event)


@never_cache
@login_required
def event_report(request, slug):
    """A member reports a published event to the hub's moderators."""
    event = event_for(request, slug, allowed=permissions.can_report)
    if event.reports.filter(reporter=request.user).exists():
        messages.info(request, _("You have already reported this event; the hub's moderators read it."))
        return redirect(event)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_event(
                event=event,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except (services.EventError, ValidationError) as error:
            form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(
                request, _("Thank you! The hub's moderators have been told and will look at it.")
            )
            return redirect(event)
    return render(request, "events/event_report.html", {"event": event, "form": form})


@require_POST
@login_required
def close_reports(request, slug):
    event = event_for(request, slug, allowed=permissions.can_moderate)
    closed = services.close_reports(reports=event.reports.all(), moderator=request.user)
    messages.success(
        request,
        ngettext("%(count)s report closed.", "%(count)s reports closed.", closed) % {"count": closed},
    )
    return redirect(event)


@login_required
def event_cancel(request, slug):
    event = event_for(request, slug, allowed=permissions.can_cancel)
    form = CancelSeriesDateForm(request.POST or None) if event.series_id else None
    if request.method == "POST" and (form is None or form.is_valid()):
        following = form is not None and form.cleaned_data["scope"] == "following"
        run_service(
            request,
            lambda: services.cancel_event(event=event, user=request.user, following=following),
            _("The event is cancelled; everyone registered has been told."),
        )
        return redirect(event)
    return render(request, "events/event_cancel.html", {"event": event, "form": form})


def series(request, pk):
    """A series' address, as calendars give it: its next published date, or its last one."""
    found = get_object_or_404(EventSeries, pk=pk)
    dates = Event.objects.public().filter(series=found)
    shown = dates.upcoming().published().first() or dates.order_by("-start").first()
    if shown is None:
        raise Http404
    return redirect(shown)


@require_POST
@login_required
def register(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    try:
        registration = services.register_for_event(event=event, user=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        if registration.is_confirmed:
            messages.success(request, _("You are registered. We have sent you a confirmation by email."))
        else:
            messages.info(
                request,
                _("The event is full: you are on the waitlist. We will email you if a seat frees up."),
            )
    return redirect(event)


@require_POST
@login_required
def unregister(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    run_service(
        request,
        lambda: services.unregister_from_event(event=event, user=request.user),
        _("You are no longer registered."),
    )
    return redirect(event)


def attendee_registrations(request, slug):
    event = event_for(request, slug, allowed=permissions.can_see_attendees)
    registrations = event.registrations.select_related("user__profile").order_by("status", "created", "pk")
    return event, registrations


@never_cache
@login_required
def attendees(request, slug):
    event, registrations = attendee_registrations(request, slug)
    return render(request, "events/attendees.html", {"event": event, "registrations": registrations})


@never_cache
@login_required
def attendees_csv(request, slug):
    event, registrations = attendee_registrations(request, slug)
    rows = []
    for registration in registrations:
        profile = getattr(registration.user, "profile", None)
        rows.append(
            [
                profile.display_name if profile else _("(no profile)"),
                profile.organisation if profile else "",
                registration.get_status_display(),
                timezone.localtime(registration.created).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    header = [_("Name"), _("Organisation"), _("Status"), _("Registered")]
    return csv_response(filename=f"{event.slug}-attendees", header=header, rows=rows)
