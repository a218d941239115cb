from django import template
from django.utils import timezone

from ..models import DeskBooking, DeskSpace, availability

register = template.Library()

NEXT_DAYS_ON_HUB_PAGE = 5


@register.inclusion_tag("desks/includes/hub_desks.html")
def hub_desks(hub):
    """The guest desks block of a hub page: its bookable spaces and their next free days (a hub
    has a few spaces; their days come from one query)."""
    spaces = list(
        DeskSpace.objects.active().filter(hub=hub).select_related("hub").order_by("name_de", "pk")[:10]
    )
    free = availability(spaces, first=timezone.localdate(), number=NEXT_DAYS_ON_HUB_PAGE)
    return {"hub": hub, "spaces": [(space, free[space.pk]) for space in spaces]}


@register.inclusion_tag("desks/includes/my_desk_bookings.html", takes_context=True)
def my_desk_bookings(context):
    """A founder's coming desk days, for the dashboard (bounded by the monthly limit and the
    booking horizon; at most 30 shown)."""
    user = context["request"].user
    bookings = (
        DeskBooking.objects.filter(user=user, day__gte=timezone.localdate(), status=DeskBooking.Status.BOOKED)
        .select_related("space__hub")
        .order_by("day")[:30]
    )
    return {"bookings": bookings, "today": timezone.localdate()}
