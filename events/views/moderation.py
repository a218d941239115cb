"""Moderation on the site: the queue of the hubs a user moderates, publishing and rejecting.
The admin's queue shares the form, the services and the messages (events.moderation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms import RejectionForm
from ..models import Event
from ..moderation import first_of_each_series, review
from .pages import event_for

REPORTED_SHOWN = 50  # the events most recently reported


@never_cache
@login_required
def moderation(request):
    if not permissions.moderates_any(request.user):
        raise PermissionDenied
    events = (
        Event.objects.curated_by(request.user)
        .awaiting_review()
        .select_related("hub", "organiser__profile", "series")
        .order_by("start")
    )
    queue = [(event, RejectionForm(auto_id=f"id_%s_{event.pk}")) for event in first_of_each_series(events)]
    reported = (
        Event.objects.curated_by(request.user)
        .filter(reports__closed__isnull=True)
        .annotate(report_count=Count("reports"), latest_report=Max("reports__created"))
        .select_related("hub")
        .order_by("-latest_report", "pk")[:REPORTED_SHOWN]
    )
    return render(request, "events/moderation.html", {"queue": queue, "reported": reported})


@require_POST
@login_required
def event_publish(request, slug):
    event = event_for(request, slug, allowed=permissions.can_moderate)
    review(request, [event], publish=True)
    return back_to_moderation_or(request, event)


@require_POST
@login_required
def event_reject(request, slug):
    event = event_for(request, slug, allowed=permissions.can_moderate)
    form = RejectionForm(request.POST)
    if form.is_valid():
        review(request, [event], publish=False, reason=form.cleaned_data["reason"])
    else:
        messages.error(request, _("Please give the organiser a reason."))
    return back_to_moderation_or(request, event)


def back_to_moderation_or(request, event):
    return redirect("events:moderation" if request.POST.get("next") == "moderation" else event)
