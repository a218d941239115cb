"""The life of an organisation on the portal: proposed by a member, reviewed by the hub, created
and changed by curators; and members linking themselves to it.

Each function checks the rules, changes state in one transaction, records what happened in the
organisation's history and queues the emails it causes (partners.tasks). A broken rule raises
PartnerError with a message for the member; invalid data raises Django's ValidationError.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import record
from core.slugs import unique_slug
from members.models import Profile, User

from . import permissions, tasks
from .models import Affiliation, Organisation

# How many organisations one member may link themselves to: enough for founders with several
# ventures and investors on several boards, few enough that nobody claims half the network.
MAX_AFFILIATIONS = 10


class PartnerError(Exception):
    """A request the rules do not allow; the message is for the member."""


def propose_organisation(
    *, organisation: Organisation, proposer: User, focus_themes=(), role: str = ""
) -> Organisation:
    """Store a member's proposal (its fields set, its hub chosen) for review by the hub's
    managers, who are told; with `role`, the proposer is linked to it once it is published."""
    organisation.status = Organisation.Status.SUBMITTED
    organisation.proposed_by = proposer
    organisation.slug = organisation.slug or unique_slug(
        Organisation, organisation.name, fallback="organisation"
    )
    organisation.full_clean()
    with transaction.atomic():
        record(organisation, action="organisation.proposed", by=proposer)
        organisation.focus_themes.set(focus_themes)
        if role:
            Affiliation.objects.create(user=proposer, organisation=organisation, role=role)
        tasks.notify_reviewers.enqueue(organisation_id=organisation.pk)
    return organisation


def update_proposal(
    *, organisation: Organisation, editor: User, changes: dict, focus_themes=None
) -> Organisation:
    """The proposer changes their proposal; a rejected one goes back to review."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if not permissions.can_edit_proposal(editor, organisation):
            raise PartnerError(
                _("Only the member who proposed it can change a proposal, until it is published.")
            )
        changed = [name for name, value in changes.items() if getattr(organisation, name) != value]
        for name in changed:
            setattr(organisation, name, changes[name])
        organisation.status = Organisation.Status.SUBMITTED
        organisation.full_clean()
        record(
            organisation,
            action="organisation.resubmitted",
            by=editor,
            update_fields=[*changed, "status", "logo_width", "logo_height", "updated"],
        )
        if focus_themes is not None:
            organisation.focus_themes.set(focus_themes)
        tasks.notify_reviewers.enqueue(organisation_id=organisation.pk)
    return organisation


def save_organisation(*, organisation: Organisation, editor: User, focus_themes=None) -> Organisation:
    """A curator creates or changes an organisation in the admin; new ones are published."""
    organisation.slug = organisation.slug or unique_slug(
        Organisation, organisation.name, fallback="organisation"
    )
    organisation.full_clean()
    with transaction.atomic():
        action = "organisation.updated" if organisation.pk else "organisation.created"
        record(organisation, action=action, by=editor)
        if focus_themes is not None:
            organisation.focus_themes.set(focus_themes)
    return organisation


def publish_organisation(*, organisation: Organisation, moderator: User) -> Organisation:
    return review_organisation(organisation=organisation, moderator=moderator, publish=True)


def reject_organisation(*, organisation: Organisation, moderator: User, reason: str) -> Organisation:
    reason = reason.strip()
    if not reason:
        raise PartnerError(_("Please give the member a reason."))
    return review_organisation(organisation=organisation, moderator=moderator, publish=False, reason=reason)


def review_organisation(
    *, organisation: Organisation, moderator: User, publish: bool, reason: str = ""
) -> Organisation:
    """Publish or reject a proposal, and tell the member who proposed it either way."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if not permissions.can_curate(moderator, organisation):
            raise PartnerError(_("Only the hub's managers and the Hub-Agency can review this organisation."))
        if not organisation.is_awaiting_review:
            raise PartnerError(_("Only proposals awaiting review can be published or rejected."))
        organisation.status = Organisation.Status.PUBLISHED if publish else Organisation.Status.REJECTED
        organisation.rejection_reason = reason
        record(
            organisation,
            action="organisation.published" if publish else "organisation.rejected",
            by=moderator,
            update_fields=["status", "rejection_reason", "updated"],
        )
        tasks.notify_proposer.enqueue(organisation_id=organisation.pk)
    return organisation


def link_member(*, organisation: Organisation, user: User, role: str) -> tuple[Affiliation, bool]:
    """Link `user` to a published organisation with `role`, or change their role there.
    Returns (affiliation, created)."""
    if not permissions.can_link(user, organisation):
        raise PartnerError(_("You can link yourself only to organisations published on the portal."))
    if not Profile.objects.filter(user=user).exists():
        raise PartnerError(_("Please complete your profile first, so the organisation's page can show you."))
    with transaction.atomic():
        # The member's row serialises their own requests, so that the limit holds.
        User.objects.select_for_update().filter(pk=user.pk).first()
        affiliation = Affiliation.objects.filter(user=user, organisation=organisation).first()
        if affiliation:
            affiliation.role = role
            affiliation.full_clean()
            affiliation.save(update_fields=["role"])
            return affiliation, False
        if Affiliation.objects.filter(user=user).count() >= MAX_AFFILIATIONS:
            raise PartnerError(
                _("You can link yourself to at most %(limit)s organisations.") % {"limit": MAX_AFFILIATIONS}
            )
        affiliation = Affiliation(user=user, organisation=organisation, role=role)
        affiliation.full_clean()
        affiliation.save()
    return affiliation, True


def unlink_member(*, organisation: Organisation, user: User) -> bool:
    """Remove `user`'s link to the organisation. False when there was none."""
    deleted, _by_model = Affiliation.objects.filter(user=user, organisation=organisation).delete()
    return bool(deleted)
