from django import template

from members.models import Membership, Profile

register = template.Library()

HUB_PAGE_MEMBER_LIMIT = 12


@register.inclusion_tag("members/includes/hub_members.html", takes_context=True)
def hub_members(context, hub):
    """The members block of a hub page: count, join or leave, and the members the visitor may see."""
    user = context["request"].user
    visible = Profile.objects.visible_to(user).filter(user__memberships__hub=hub)
    return {
        "request": context["request"],
        "hub": hub,
        "member_count": Membership.objects.filter(hub=hub).count(),
        "profiles": visible.for_cards().order_by("display_name")[:HUB_PAGE_MEMBER_LIMIT],
        "visible_count": visible.count(),
        "is_member": user.is_authenticated and Membership.objects.filter(hub=hub, user=user).exists(),
    }
