from django import template

from members.models import Membership, Profile

register = template.Library()

HUB_PAGE_MEMBER_LIMIT = 12


@register.inclusion_tag("members/includes/hub_members.html", takes_context=True)
def hub_members(context, hub):
    """The members block of a hub page: count, join or leave, and the members the visitor may see."""
    user = context["request"].user
    visible = Profile.objects.visible_to(user).filter(user__memberships__hub=hub)
    # One more than shown tells whether there are more, without counting them all.
    profiles = list(visible.for_cards().order_by("display_name", "pk")[: HUB_PAGE_MEMBER_LIMIT + 1])
    return {
        "request": context["request"],
        "hub": hub,
        "profiles": profiles[:HUB_PAGE_MEMBER_LIMIT],
        "more": len(profiles) > HUB_PAGE_MEMBER_LIMIT,
        "is_member": user.is_authenticated and Membership.objects.filter(hub=hub, user=user).exists(),
    }
