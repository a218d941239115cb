"""What a user may do with an organisation, built on the roles of members.permissions."""

from members.permissions import curates

from .models import Organisation


def is_proposer(user, organisation: Organisation) -> bool:
    return user.is_authenticated and organisation.proposed_by_id == user.pk


def can_curate(user, organisation: Organisation) -> bool:
    """Agency staff, and the managers of the hub that curates the organisation."""
    return curates(user, organisation.hub_id)


def can_view(user, organisation: Organisation) -> bool:
    """Published organisations for everybody; a proposal for its proposer and its curators."""
    return organisation.is_published or is_proposer(user, organisation) or can_curate(user, organisation)


def can_edit_proposal(user, organisation: Organisation) -> bool:
    """The proposer changes a proposal until it is published (a change goes back to review);
    curators change organisations in the admin."""
    return is_proposer(user, organisation) and not organisation.is_published


def can_review(user, organisation: Organisation) -> bool:
    return organisation.is_awaiting_review and can_curate(user, organisation)


def can_link(user, organisation: Organisation) -> bool:
    """Members link themselves to published organisations."""
    return user.is_authenticated and organisation.is_published
