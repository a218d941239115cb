from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from hubportal.csv_export import csv_response
from hubportal.markup import render_markdown
from hubs.models import Hub
from members.models import Profile

from . import permissions, services
from .calendar import calendar_file
from .filters import EventFilter
from .forms import EventForm, RejectionForm
from .models import CalendarToken, Event, Registration, new_calendar_token
from .structured_data import event_schema


class EventListView(FilterView):
    """Upcoming events; the archive shows the past ones with the same filters."""

    template_name = "events/event_list.html"
    filterset_class = EventFilter
    context_object_name = "events"
    paginate_by = 20
    archive = False

    def get_queryset(self):
        events = Event.objects.published().for_cards()
        return events.past() if self.archive else events.upcoming()

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, **kwargs)


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("hub").prefetch_related("cohosts", "focus_themes"), slug=slug
    )
    if not permissions.can_view(request.user, event):
        raise Http404
    registrations = event.registrations
    attendee_count = registrations.confirmed().count()
    context = {
        "event": event,
        # Named only as far as the organiser's profile is visible to this visitor.
        "organiser_profile": Profile.objects.visible_to(request.user)
        .filter(user_id=event.organiser_id)
        .first()
        if event.organiser_id
        else None,
        "structured_data": event_schema(event, attendee_count=attendee_count),
        "attendee_count": attendee_count,
        "waitlist_count": registrations.waitlisted().count(),
        "registration": registrations.filter(user=request.user).first()
        if request.user.is_authenticated
        else None,
        "can_edit": permissions.can_edit(request.user, event),
        "can_moderate": permissions.can_moderate(request.user, event),
        "can_see_attendees": permissions.can_see_attendees(request.user, event),
        "is_organiser": permissions.is_organiser(request.user, event),
    }
    return render(request, "events/event_detail.html", context)


def event_for(request, slug, *, allowed) -> Event:
    """The event, if `allowed(user, event)`: 404 for those who may not even see it, 403 for the rest."""
    event = get_object_or_404(Event, slug=slug)
    if not permissions.can_view(request.user, event):
        raise Http404
    if not allowed(request.user, event):
        raise PermissionDenied
    return event


def editable_event(request, slug) -> Event:
    return event_for(request, slug, allowed=permissions.can_edit)


@never_cache
@login_required
def event_create(request):
    if not permissions.hubs_for_submission(request.user).exists():
        messages.info(request, _("Join a hub first: members post events for their hubs."))
        return redirect("hubs:list")
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form=form, user=request.user, submit="submit" in request.POST)
        messages.success(request, submitted_message(event))
        return redirect(event)
    return render(request, "events/event_form.html", {"form": form})


@never_cache
@login_required
def event_edit(request, slug):
    event = editable_event(request, slug)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(form=form, user=request.user, submit="submit" in request.POST)
        messages.success(request, submitted_message(event))
        return redirect(event)
    context = {"form": form, "event": event, "can_moderate": permissions.can_moderate(request.user, event)}
    return render(request, "events/event_form.html", context)


def submitted_message(event):
    if event.status == Event.Status.SUBMITTED:
        return _("The event has been saved and awaits review by the hub.")
    return _("The event has been saved.")


def run_service(request, action, success_message):
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


@require_POST
@login_required
def event_publish(request, slug):
    event = moderated_event(request, slug)
    run_service(
        request,
        lambda: services.publish_event(event=event, moderator=request.user),
        _("The event is published; the organiser has been told."),
    )
    return back_to_moderation_or(request, event)


@require_POST
@login_required
def event_reject(request, slug):
    event = moderated_event(request, slug)
    form = RejectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give the organiser a reason."))
    else:
        run_service(
            request,
            lambda: services.reject_event(
                event=event, moderator=request.user, reason=form.cleaned_data["reason"]
            ),
            _("The event was rejected; the organiser has been told why."),
        )
    return back_to_moderation_or(request, event)


def back_to_moderation_or(request, event):
    return redirect("events:moderation" if request.POST.get("next") == "moderation" else event)


def moderated_event(request, slug) -> Event:
    return event_for(request, slug, allowed=permissions.can_moderate)


@login_required
def event_cancel(request, slug):
    event = event_for(request, slug, allowed=permissions.can_cancel)
    if request.method == "POST":
        run_service(
            request,
            lambda: services.cancel_event(event=event, user=request.user),
            _("The event is cancelled; everyone registered has been told."),
        )
        return redirect(event)
    attendee_count = event.registrations.count()
    return render(request, "events/event_cancel.html", {"event": event, "attendee_count": attendee_count})


@never_cache
@login_required
def moderation(request):
    if not permissions.moderates_any(request.user):
        raise PermissionDenied
    events = (
        Event.objects.moderated_by(request.user)
        .filter(status=Event.Status.SUBMITTED)
        .select_related("hub", "organiser__profile")
        .order_by("start")
    )
    return render(request, "events/moderation.html", {"events": events})


@require_POST
@login_required
def register(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    try:
        registration = services.register_for_event(event=event, user=request.user)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        if registration.status == Registration.Status.CONFIRMED:
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
    event = get_object_or_404(Event.objects.published(), slug=slug)
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


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().prefetch_related("cohosts"), slug=slug)
    return ics_response(calendar_file([event], name=event.title), f"{event.slug}.ics")


def calendar_events():
    return Event.objects.published().select_related("hub").prefetch_related("cohosts").order_by("start", "pk")


def network_calendar(request):
    return ics_response(calendar_file(calendar_events(), name=_("Digital Hubs: events")), "digital-hubs.ics")


def hub_calendar(request, slug):
    hub = get_object_or_404(Hub, slug=slug)
    events = calendar_events().filter(pk__in=Event.objects.for_hub(hub).values("pk"))
    return ics_response(
        calendar_file(events, name=_("Digital Hub %(hub)s: events") % {"hub": hub.name}), f"{hub.slug}.ics"
    )


@never_cache
def personal_calendar(request, token):
    calendar_token = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    events = calendar_events().filter(registrations__user=calendar_token.user)
    return ics_response(calendar_file(events, name=_("My Digital Hubs events")), "my-events.ics")


@require_POST
@login_required
def reset_calendar_token(request):
    CalendarToken.objects.update_or_create(user=request.user, defaults={"token": new_calendar_token()})
    messages.success(request, _("Your personal calendar address is new; the old one no longer works."))
    return redirect(reverse("members:dashboard") + "#calendar")


class LatestEventsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Digital Hubs: new events")
    subtitle = gettext_lazy("Events of Germany's digital hub network, newest first.")

    def link(self):
        return reverse("events:list")

    def items(self):
        return Event.objects.published().select_related("hub").order_by("-created")[:30]

    def item_title(self, event):
        if event.is_cancelled:
            return _("Cancelled: %(title)s") % {"title": event.title}
        return event.title

    def item_description(self, event):
        return render_markdown(event.description)  # sanitised as on the event's page

    def item_pubdate(self, event):
        return event.created

    def item_updateddate(self, event):
        return event.updated

    def item_categories(self, event):
        return [event.get_event_type_display(), event.hub.name]
