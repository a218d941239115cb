"""State changes of members: profiles, hub memberships, data export and account deletion."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from hubs.models import Hub

from .models import AGENCY_GROUP, Membership, Profile, User
from .permissions import forget_roles, has_curation_role_in_database


def profile_address(display_name: str) -> str:
    """A lasting address for a new profile: the name plus a random part, so that it reveals
    neither how many namesakes there are nor the order of sign-ups."""
    while True:
        slug = f"{slugify(display_name)[:60] or 'mitglied'}-{secrets.token_hex(3)}"
        if not Profile.objects.filter(slug=slug).exists():
            return slug


def save_profile(*, form, user: User) -> Profile:
    """Save the member's profile form; a replaced or removed picture is deleted from storage."""
    previous_avatar = form.initial.get("avatar")
    profile = form.save(commit=False)
    profile.user = user
    if not profile.slug:
        profile.slug = profile_address(profile.display_name)
    with transaction.atomic():
        profile.save()
        form.save_m2m()
    if previous_avatar and previous_avatar.name != profile.avatar.name:
        previous_avatar.storage.delete(previous_avatar.name)
    return profile


def join_hub(*, user: User, hub: Hub) -> tuple[Membership, bool]:
    """Make `user` a member of `hub`; joining twice changes nothing. Returns (membership, created)."""
    return Membership.objects.get_or_create(user=user, hub=hub)


def leave_hub(*, user: User, hub: Hub) -> bool:
    """End the membership of `user` in `hub`, whatever its role. False when there was none."""
    deleted, _by_model = Membership.objects.filter(user=user, hub=hub).delete()
    return bool(deleted)


def export_member_data(*, user: User) -> dict:
    """Everything the portal holds about `user` (Art. 15 and 20 DSGVO), as JSON-ready data."""
    profile = (
        Profile.objects.filter(user=user)
        .prefetch_related("focus_themes", "investment_stages", "looking_for")
        .first()
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("email")
            ],
        },
        "profile": _profile_data(profile) if profile else None,
        "memberships": [
            {"hub": membership.hub.name_de, "role": membership.role, "joined": membership.joined.isoformat()}
            for membership in user.memberships.select_related("hub").order_by("joined")
        ],
        # Reached through the reverse relations, so that members need not import events.
        "event_registrations": [
            {
                "event": registration.event.title,
                "start": registration.event.start.isoformat(),
                "status": registration.status,
                "registered": registration.created.isoformat(),
            }
            for registration in user.event_registrations.select_related("event").order_by("created")
        ],
        "organised_events": [
            {"title": event.title, "start": event.start.isoformat(), "status": event.status}
            for event in user.organised_events.order_by("start")
        ],
    }


def _profile_data(profile: Profile) -> dict:
    return {
        "address": profile.get_absolute_url(),
        "display_name": profile.display_name,
        "member_type": profile.member_type,
        "organisation": profile.organisation,
        "position": profile.position,
        "bio": profile.bio,
        "city": profile.city,
        "focus_themes": [theme.name_de for theme in profile.focus_themes.all()],
        "website": profile.website,
        "linkedin": profile.linkedin,
        "xing": profile.xing,
        "mastodon": profile.mastodon,
        "avatar": profile.avatar.name or None,
        "visibility": profile.visibility,
        "investor_type": profile.investor_type,
        "investment_stages": [stage.code for stage in profile.investment_stages.all()],
        "ticket_min": profile.ticket_min,
        "ticket_max": profile.ticket_max,
        "startup_name": profile.startup_name,
        "startup_stage": profile.startup_stage,
        "founded_in": profile.founded_in,
        "team_size": profile.team_size,
        "looking_for": [need.code for need in profile.looking_for.all()],
        "created": profile.created.isoformat(),
        "updated": profile.updated.isoformat(),
    }


def delete_account(*, user: User) -> None:
    """Erase a member (Art. 17 DSGVO): account, email addresses, profile with its picture,
    memberships and event registrations are deleted, not merely deactivated. Events the member
    organised stay with their hub, since others may have registered; the organiser is removed
    (Event.organiser is SET_NULL). The Datenschutz page says the same."""
    profile = Profile.objects.filter(user=user).first()
    avatar = profile.avatar if profile and profile.avatar else None
    with transaction.atomic():
        # The audit trail of memberships names the member; it goes with them.
        Membership.history.filter(user_id=user.pk).delete()
        user.delete()
    if avatar:
        avatar.storage.delete(avatar.name)


# Roles: agency staff and hub managers (members.permissions). Both need is_staff to enter
# the admin; what they may do there is decided by members.admin_scoping, not by Django's
# model permissions.


def agency_group() -> Group:
    group, _created = Group.objects.get_or_create(name=AGENCY_GROUP)
    return group


def sync_staff_status(user: User) -> None:
    """Staff status follows the roles: agency staff and hub managers have it, nobody else.

    Runs whenever a role changes, wherever that happens (members.signals), so that no path
    (the admin's user page, its membership inline, a command) leaves them out of step.
    """
    forget_roles(user)
    has_role = has_curation_role_in_database(user)
    User.objects.filter(pk=user.pk).exclude(is_staff=has_role).update(is_staff=has_role)
    user.is_staff = has_role


def grant_agency(*, user: User) -> None:
    user.groups.add(agency_group())


def revoke_agency(*, user: User) -> None:
    user.groups.remove(agency_group())


def set_membership_role(*, membership: Membership, role: str) -> Membership:
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def grant_manager(*, user: User, hub: Hub) -> Membership:
    membership, _created = Membership.objects.get_or_create(user=user, hub=hub)
    return set_membership_role(membership=membership, role=Membership.Role.MANAGER)


def revoke_manager(*, user: User, hub: Hub) -> bool:
    membership = Membership.objects.filter(user=user, hub=hub, role=Membership.Role.MANAGER).first()
    if membership is None:
        return False
    set_membership_role(membership=membership, role=Membership.Role.MEMBER)
    return True
