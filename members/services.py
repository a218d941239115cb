"""State changes of members: profiles, hub memberships, data export and account deletion."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from core.audit import record, record_deletion
from core.slugs import unique_slug
from hubs.models import Hub

from . import personal_data
from .models import AGENCY_GROUP, Membership, Profile, User
from .permissions import forget_roles, has_curation_role_in_database


def save_profile(
    *, user: User, profile: Profile, focus_themes, investment_stages, looking_for, languages=()
) -> Profile:
    """Save `user`'s profile (its fields set, validated by Profile.clean) with the chosen themes,
    stages and needs; a replaced or removed picture is deleted from storage."""
    stored = Profile.objects.filter(pk=profile.pk).first() if profile.pk else None
    profile.user = user
    profile.slug = profile.slug or unique_slug(Profile, profile.display_name, fallback="mitglied")
    profile.full_clean()
    with transaction.atomic():
        profile.save()
        profile.focus_themes.set(focus_themes)
        profile.investment_stages.set(investment_stages)
        profile.looking_for.set(looking_for)
        profile.languages.set(languages)
        keep_choices_of_member_type(profile)
    if stored and stored.avatar and stored.avatar.name != profile.avatar.name:
        stored.avatar.storage.delete(stored.avatar.name)
    return profile


def keep_choices_of_member_type(profile: Profile) -> None:
    """Drop the stages of a member who is no investor, and the needs of one who is no founder
    (Profile.clean drops the other details of another member type)."""
    if not profile.is_investor:
        profile.investment_stages.clear()
    if not profile.is_founder:
        profile.looking_for.clear()


def join_hub(*, user: User, hub: Hub) -> tuple[Membership, bool]:
    """Make `user` a member of `hub`; joining twice changes nothing. Returns (membership, created)."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, hub=hub).first()
        if membership:
            return membership, False
        membership = Membership(user=user, hub=hub)
        record(membership, action="membership.joined", by=user)
    return membership, True


def leave_hub(*, user: User, hub: Hub) -> bool:
    """End the membership of `user` in `hub`, whatever its role. False when there was none."""
    membership = Membership.objects.filter(user=user, hub=hub).first()
    if membership is None:
        return False
    record_deletion(membership, action="membership.left", by=user)
    return True


def export_member_data(*, user: User) -> dict:
    """Everything the portal holds about `user` (Art. 15 and 20 DSGVO), as JSON-ready data:
    each app's part, as it registered it (members.personal_data)."""
    data = {"exported_at": timezone.now().isoformat()}
    for holder in personal_data.registered():
        if holder.export:
            data.update(holder.export(user))
    return data


def members_own_data(user: User) -> dict:
    """The account, the profile and the memberships (the members app's part of the export)."""
    profile = (
        Profile.objects.filter(user=user)
        .prefetch_related("focus_themes", "investment_stages", "looking_for", "languages")
        .first()
    )
    return {
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
    }


def forget_membership_history(user_id: int) -> None:
    """The audit trail of memberships names the member; it goes with them, the rows their
    deletion just wrote included."""
    Membership.history.filter(user_id=user_id).delete()


def _profile_data(profile: Profile) -> dict:
    return {
        "address": profile.get_absolute_url(),
        "display_name": profile.display_name,
        "member_type": profile.member_type,
        "organisation": profile.organisation,
        "position": profile.position,
        "bio": profile.bio,
        "text_language": profile.text_language,
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
        "funding_sought": profile.funding_sought,
        "offers_pilots": profile.offers_pilots,
        "research_field": profile.research_field,
        "languages": [language.code for language in profile.languages.all()],
        "matchmaking": profile.matchmaking,
        "created": profile.created.isoformat(),
        "updated": profile.updated.isoformat(),
    }


def delete_account(*, user: User) -> None:
    """Erase a member (Art. 17 DSGVO): account, email addresses, profile with its picture,
    memberships, event registrations and links to organisations are deleted, not merely
    deactivated. Events the member organised stay with their hub, since others may have
    registered, and organisations they proposed stay with theirs; the member is removed from
    both (SET_NULL). Desk bookings lose the member too and remain only as counts, as do
    introduction requests and their outcomes, which lose what was written too. Each app's
    part is its registration's (members.personal_data), run by erase_personal_data for this
    and any other deletion of an account. The Datenschutz page says the same."""
    profile = Profile.objects.filter(user=user).first()
    avatar = profile.avatar if profile and profile.avatar else None
    with transaction.atomic():
        user.delete()
    if avatar:
        avatar.storage.delete(avatar.name)


def erase_personal_data(sender, instance, **kwargs) -> None:
    """pre_delete of an account, wherever it is deleted: what each app registered to do first."""
    for holder in personal_data.registered():
        if holder.before_deletion:
            holder.before_deletion(instance)


def erase_deletion_history(sender, instance, **kwargs) -> None:
    """post_delete of an account: the history rows that its deletion wrote, app by app."""
    for holder in personal_data.registered():
        if holder.after_deletion:
            holder.after_deletion(instance.pk)


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


def set_membership_role(*, membership: Membership, role: str, by: User | None = None) -> Membership:
    membership.role = role
    record(membership, action="membership.role_changed", by=by, update_fields=["role"])
    return membership


def grant_manager(*, user: User, hub: Hub, by: User | None = None) -> Membership:
    """Make `user` a manager of `hub`, a member of it first where they were not."""
    membership = Membership.objects.filter(user=user, hub=hub).first()
    if membership is None:
        membership = Membership(user=user, hub=hub, role=Membership.Role.MANAGER)
        record(membership, action="membership.created", by=by)
        return membership
    if membership.is_manager:
        return membership
    return set_membership_role(membership=membership, role=Membership.Role.MANAGER, by=by)


def revoke_manager(*, user: User, hub: Hub, by: User | None = None) -> bool:
    membership = Membership.objects.filter(user=user, hub=hub, role=Membership.Role.MANAGER).first()
    if membership is None:
        return False
    set_membership_role(membership=membership, role=Membership.Role.MEMBER, by=by)
    return True
