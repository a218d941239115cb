from django import template
from django.db.models import Exists, OuterRef

from members.permissions import has_curation_role

from .. import matching
from ..models import Introduction, Outcome

register = template.Library()

DASHBOARD_PEOPLE = 3
DASHBOARD_ORGANISATIONS = 2
DASHBOARD_INTRODUCTIONS = 10


@register.inclusion_tag("introductions/includes/my_matches.html", takes_context=True)
def my_matches(context):
    """The best few suggestions, for the dashboard (whose `profile` comes with for_cards())."""
    request = context["request"]
    return {
        "matches": matching.matches_of(
            context["profile"], request.user, people=DASHBOARD_PEOPLE, organisations=DASHBOARD_ORGANISATIONS
        ),
        "next": request.get_full_path(),
    }


@register.inclusion_tag("introductions/includes/my_introductions.html", takes_context=True)
def my_introductions(context):
    """The member's latest requests, made and received, marked where they must act; for
    reviewers, how many requests await them."""
    user = context["request"].user
    mine = Outcome.objects.filter(introduction=OuterRef("pk"), member=user)
    introductions = list(
        Introduction.objects.involving(user)
        .with_people()
        .annotate(answered_by_me=Exists(mine))
        .order_by("-updated", "-pk")[:DASHBOARD_INTRODUCTIONS]
    )
    return {
        "introductions": introductions,
        "user": user,
        "awaiting_review": (
            Introduction.objects.curated_by(user)
            .awaiting_review()
            .exclude(requester=user)
            .exclude(recipient=user)
            .count()
            if has_curation_role(user)
            else None
        ),
    }


@register.inclusion_tag("introductions/includes/offer.html", takes_context=True)
def introduction_offer(context, profile):
    """On a profile page: the way to ask for an introduction, where the member takes requests."""
    user = context["request"].user
    return {
        "profile": profile,
        "shown": profile.matchmaking and user.is_authenticated and profile.user_id != user.pk,
    }
