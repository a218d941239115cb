from django import template
from django.db.models import Exists, OuterRef, Value

from hubs.models import Hub
from members.models import Membership
from members.permissions import visible_profiles

register = template.Library()

HUB_PAGE_MEMBER_LIMIT = 12


@register.inclusion_tag("members/includes/hub_members.html", takes_context=True)
def hub_members(context, hub):
    """The members block of a hub page: count, join or leave, and the members the visitor may see."""
    user = context["request"].user
    visible = visible_profiles(user).filter(user__memberships__hub=hub)
    # One more than shown tells whether there are more, without counting them all.
    profiles = list(visible.for_cards().order_by("display_name", "pk")[: HUB_PAGE_MEMBER_LIMIT + 1])
    # The count changes with every membership: read from the hub's row, not the cached network.
    standing = (
        Hub.objects.filter(pk=hub.pk)
        .annotate(
            is_member=Exists(Membership.objects.filter(hub=OuterRef("pk"), user=user))
            if user.is_authenticated
            else Value(False)
        )
        .values("member_count", "is_member")
        .first()
    ) or {"member_count": 0, "is_member": False}
    return {
        "request": context["request"],
        "hub": hub,
        "member_count": standing["member_count"],
        "is_member": standing["is_member"],
        "profiles": profiles[:HUB_PAGE_MEMBER_LIMIT],
        "more": len(profiles) > HUB_PAGE_MEMBER_LIMIT,
    }
