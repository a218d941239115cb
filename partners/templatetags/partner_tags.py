from django import template

from ..models import Affiliation, Organisation

register = template.Library()

HUB_PAGE_PARTNER_LIMIT = 12


@register.inclusion_tag("partners/includes/hub_partners.html")
def hub_partners(hub):
    """The partners block of a hub page: the first of its partners, and whether there are more."""
    partners = list(
        Organisation.objects.published()
        .partners_of(hub)
        .for_cards()
        .order_by("name", "pk")[: HUB_PAGE_PARTNER_LIMIT + 1]
    )
    return {
        "hub": hub,
        "organisations": partners[:HUB_PAGE_PARTNER_LIMIT],
        "more": len(partners) > HUB_PAGE_PARTNER_LIMIT,
    }


@register.inclusion_tag("partners/includes/my_organisations.html", takes_context=True)
def my_organisations(context):
    """A member's organisations and proposals, for the dashboard (both bounded by the rules:
    services.MAX_AFFILIATIONS links; proposals are listed newest first, the last 20)."""
    user = context["request"].user
    return {
        "affiliations": Affiliation.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name"),
        "proposals": Organisation.objects.filter(proposed_by=user)
        .exclude(status=Organisation.Status.PUBLISHED)
        .select_related("hub")
        .order_by("-created")[:20],
    }
