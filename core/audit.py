"""The audit trail: every change a service makes is saved with who made it and what happened,
in the model's history (django-simple-history), as an action code such as "event.published".
The agency reads it in the admin's activity log (hubportal.admin_site)."""

from django.utils.translation import gettext_lazy as _

# What the action codes mean, for the activity log.
ACTIONS = {
    "event.created": _("Event created"),
    "event.submitted": _("Event submitted for review"),
    "event.updated": _("Event changed"),
    "event.resubmitted": _("Published event changed by its organiser, back in review"),
    "event.published": _("Event published"),
    "event.rejected": _("Event rejected"),
    "event.cancelled": _("Event cancelled"),
    "event.imported": _("Event imported from the hub's calendar, for review"),
    "event.reimported": _("Event changed in the hub's calendar, back in review"),
    "event.deleted": _("Event deleted"),
    "hub.created": _("Hub created"),
    "hub.updated": _("Hub changed"),
    "hub.deleted": _("Hub deleted"),
    "membership.joined": _("Member joined a hub"),
    "membership.left": _("Member left a hub"),
    "membership.created": _("Membership added"),
    "membership.updated": _("Membership changed"),
    "membership.role_changed": _("Role in a hub changed"),
    "membership.deleted": _("Membership removed"),
    "organisation.proposed": _("Organisation proposed by a member"),
    "organisation.resubmitted": _("Proposal changed by its member, back in review"),
    "organisation.created": _("Organisation created"),
    "organisation.updated": _("Organisation changed"),
    "organisation.published": _("Organisation published"),
    "organisation.rejected": _("Organisation rejected"),
    "organisation.deleted": _("Organisation deleted"),
    "partnership.created": _("Partnership added"),
    "partnership.updated": _("Partnership changed"),
    "partnership.deleted": _("Partnership ended"),
    "deskspace.created": _("Desk space created"),
    "deskspace.updated": _("Desk space changed"),
    "deskspace.deleted": _("Desk space deleted"),
    "posting.suspended": _("Posting rights suspended"),
    "posting.restored": _("Posting rights restored"),
    "introduction.requested": _("Introduction requested"),
    "introduction.approved": _("Introduction approved by the hub"),
    "introduction.declined_by_hub": _("Introduction declined by the hub"),
    "introduction.more_info": _("The hub asked for more about an introduction"),
    "introduction.revised": _("Introduction request revised"),
    "introduction.withdrawn": _("Introduction request withdrawn"),
    "introduction.accepted": _("Introduction accepted"),
    "introduction.declined": _("Introduction declined"),
    "introduction.expired": _("Introduction request expired"),
}


def record(obj, *, action: str, by, update_fields: list[str] | None = None) -> None:
    """Save `obj` with an entry in its history saying what happened and who did it."""
    obj._change_reason = action
    obj._history_user = by
    obj.save(update_fields=update_fields)


def record_deletion(obj, *, action: str, by) -> None:
    """Delete `obj`, its history keeping who did it and why."""
    obj._change_reason = action
    obj._history_user = by
    obj.delete()
