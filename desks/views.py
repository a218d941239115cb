"""Desk pages: the spaces, a space with its free days and booking, cancelling, the check-in
list of a day for the hub's managers, and the counts per hub and month."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from core.csv_export import csv_response
from members.permissions import curated_by, has_curation_role

from . import permissions, services
from .filters import DeskSpaceFilter
from .forms import BookingForm, DayForm
from .models import DeskBooking, DeskSpace, availability

NEXT_DAYS_ON_CARDS = 5
NEXT_DAYS_ON_PAGE = 20
COUNTED_MONTHS = 12


class DeskSpaceListView(FilterView):
    template_name = "desks/space_list.html"
    filterset_class = DeskSpaceFilter
    context_object_name = "spaces"
    paginate_by = 24

    def get_queryset(self):
        return DeskSpace.objects.active().select_related("hub").order_by("hub__name_de", "name_de", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        free = availability(context["spaces"], first=timezone.localdate(), number=NEXT_DAYS_ON_CARDS)
        context["spaces"] = [(space, free[space.pk]) for space in context["spaces"]]
        return context


def space_page(request, space: DeskSpace, *, form=None, status=200):
    today = timezone.localdate()
    refusal = permissions.booking_refusal(request.user, space)
    own = (
        DeskBooking.objects.filter(user=request.user, space=space, day__gte=today)
        .exclude(status=DeskBooking.Status.CANCELLED)
        .order_by("day")[: services.MAX_DAYS_PER_REQUEST * 3]
        if request.user.is_authenticated
        else []
    )
    if form is None and refusal is None:
        # A free day picked from the list fills the form; the person may still change it.
        picked = day_asked_for(request)
        if picked is None or picked < today:
            form = BookingForm(initial={"first": today, "last": None})
        else:
            form = BookingForm(initial={"first": picked, "last": picked})
    context = {
        "space": space,
        "days": availability([space], first=today, number=NEXT_DAYS_ON_PAGE)[space.pk],
        "refusal": refusal,
        "form": form,
        "own_bookings": own,
        "can_see_bookings": permissions.can_see_bookings(request.user, space),
        "days_per_month": settings.DESK_DAYS_PER_MONTH,
    }
    return render(request, "desks/space_detail.html", context, status=status)


def space_detail(request, slug):
    space = get_object_or_404(DeskSpace.objects.select_related("hub"), slug=slug)
    if not space.active and not permissions.can_see_bookings(request.user, space):
        raise Http404
    return space_page(request, space)


@require_POST
@login_required
def book(request, slug):
    space = get_object_or_404(DeskSpace.objects.active().select_related("hub"), slug=slug)
    form = BookingForm(request.POST)
    if form.is_valid():
        try:
            bookings = services.book_desks(
                space=space,
                user=request.user,
                first=form.cleaned_data["first"],
                last=form.cleaned_data["last"],
            )
        except services.DeskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Your desk is booked for %(count)s day. We have sent you a confirmation by email.",
                    "Your desk is booked for %(count)s days. We have sent you a confirmation by email.",
                    len(bookings),
                )
                % {"count": len(bookings)},
            )
            return redirect(space)
    return space_page(request, space, form=form)


@require_POST
@login_required
def cancel(request, pk):
    booking = get_object_or_404(DeskBooking.objects.select_related("space"), pk=pk, user=request.user)
    try:
        services.cancel_booking(booking=booking, user=request.user)
    except services.DeskError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your booking is cancelled; the desk is free for others."))
    return redirect(booking.space if request.POST.get("back_to") == "space" else "members:dashboard")


def space_for_curator(request, slug) -> DeskSpace:
    """The space, for its hub's managers and agency staff; 404 for the managers of other hubs."""
    space = get_object_or_404(DeskSpace.objects.select_related("hub"), slug=slug)
    if not permissions.can_see_bookings(request.user, space):
        if has_curation_role(request.user):
            raise Http404
        raise PermissionDenied
    return space


def day_asked_for(request) -> date | None:
    form = DayForm(request.GET)
    return form.cleaned_data.get("day") if form.is_valid() else None


def check_in_bookings(space, day):
    return (
        DeskBooking.objects.filter(space=space, day=day)
        .exclude(status=DeskBooking.Status.CANCELLED)
        .select_related("user__profile")
        .order_by("user__profile__display_name", "pk")
    )


@never_cache
@login_required
def check_in(request, slug):
    space = space_for_curator(request, slug)
    day = day_asked_for(request) or timezone.localdate()
    context = {
        "space": space,
        "day": day,
        "day_form": DayForm(initial={"day": day}),
        "bookings": check_in_bookings(space, day),
        "can_mark": day <= timezone.localdate(),
    }
    return render(request, "desks/check_in.html", context)


@never_cache
@login_required
def check_in_csv(request, slug):
    space = space_for_curator(request, slug)
    day = day_asked_for(request) or timezone.localdate()
    rows = []
    for booking in check_in_bookings(space, day):
        profile = getattr(booking.user, "profile", None) if booking.user else None
        rows.append(
            [
                profile.display_name if profile else _("(removed)"),
                profile.startup_name if profile else "",
                booking.get_status_display(),
            ]
        )
    header = [_("Name"), _("Start-up"), _("Status")]
    return csv_response(filename=f"{space.slug}-{day.isoformat()}", header=header, rows=rows)


@require_POST
@login_required
def no_show(request, pk):
    booking = get_object_or_404(DeskBooking.objects.select_related("space"), pk=pk)
    space_for_curator(request, booking.space.slug)
    try:
        services.mark_no_show(
            booking=booking, manager=request.user, no_show=request.POST.get("no_show") != "0"
        )
    except services.DeskError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The check-in list has been updated."))
    return redirect(f"{reverse('desks:check_in', args=[booking.space.slug])}?day={booking.day.isoformat()}")


def monthly_counts(user):
    """Desk-days per hub and month over the last twelve months: booked (held, no-shows included),
    used (held and over), missed (no-shows) and cancelled; for agency staff every hub, for a
    manager their hubs."""
    today = timezone.localdate()
    months_back = today.year * 12 + today.month - 1 - (COUNTED_MONTHS - 1)
    since = date(months_back // 12, months_back % 12 + 1, 1)
    bookings = curated_by(DeskBooking.objects.filter(day__gte=since), user, through="space__hub")
    return (
        bookings.annotate(month=TruncMonth("day"))
        .values("month", "space__hub__name_de")
        .count_desk_days()
        .order_by("-month", "space__hub__name_de")
    )


def counts_for(request):
    if not has_curation_role(request.user):
        raise PermissionDenied
    return list(monthly_counts(request.user))


@never_cache
@login_required
def counts(request):
    return render(request, "desks/counts.html", {"rows": counts_for(request)})


@never_cache
@login_required
def counts_csv(request):
    rows = [
        [
            row["month"].strftime("%Y-%m"),
            row["space__hub__name_de"],
            row["booked"],
            row["used"],
            row["missed"],
            row["cancelled"],
        ]
        for row in counts_for(request)
    ]
    header = [_("Month"), _("Hub"), _("Desk-days booked"), _("Used"), _("Missed"), _("Cancelled")]
    return csv_response(filename="desk-days", header=header, rows=rows)
