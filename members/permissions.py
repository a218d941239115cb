"""Who is who on the portal: agency staff and hub managers, decided here and nowhere else.

Agency staff are superusers and the members of the agency group; they curate the whole
network. Hub managers are members whose membership of a hub has the manager role; they
curate that hub. Both must be active accounts. Django's staff flag, the key to the admin,
follows these roles wherever they change (members.signals), so an account without it has
no role: for ordinary members the answers cost no query.

Views, the admin, templates (through the `roles` context processor) and services ask these
functions. The answers are kept on the user object for the rest of the request;
`forget_roles` drops them when a role changes.
"""

from django.db import models
from django.db.models import Q

from hubs.models import Hub

from .models import AGENCY_GROUP, Membership, Profile, User

_CACHE = "_portal_roles"


def _remembered(user, name: str, compute):
    cache = user.__dict__.setdefault(_CACHE, {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


def forget_roles(user) -> None:
    user.__dict__.pop(_CACHE, None)


def _may_have_a_role(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_agency(user) -> bool:
    """Agency staff: superusers and the agency group."""
    if not _may_have_a_role(user):
        return False
    return _remembered(user, "agency", lambda: is_agency_in_database(user))


def managed_hubs(user):
    """The hubs `user` manages, as a queryset."""
    if not _may_have_a_role(user):
        return Hub.objects.none()
    return managed_hubs_in_database(user)


def managed_hub_ids(user) -> frozenset[int]:
    if not _may_have_a_role(user):
        return frozenset()
    return _remembered(user, "managed", lambda: frozenset(managed_hubs(user).values_list("pk", flat=True)))


def is_hub_manager(user) -> bool:
    """Manages at least one hub."""
    return bool(managed_hub_ids(user))


def curates(user, hub_id) -> bool:
    """May curate what belongs to the hub: its manager, or agency staff."""
    return is_agency(user) or hub_id in managed_hub_ids(user)


def curated_by(queryset, user, *, through: str = "hub"):
    """The rows of `queryset` that `user` curates, each reaching its hub through `through`
    ("pk" for hubs themselves): all of them for agency staff (rows without a hub are theirs
    alone), those of the hubs they manage for a hub manager, none for anyone else. The hub
    boundary of models, admin and views, written once."""
    if is_agency(user):
        return queryset
    return queryset.filter(**{f"{through}__in": managed_hub_ids(user)})


class CuratedByHubQuerySet(models.QuerySet):
    """The QuerySet of a model that belongs to a hub (through `hub_field`)."""

    hub_field = "hub"

    def curated_by(self, user):
        """What `user` curates of these rows (see members.permissions.curated_by)."""
        return curated_by(self, user, through=self.hub_field)


def visible_profiles(user):
    """The profiles `user` may see: public ones for everybody, members-only ones for members,
    hidden ones only for their owner and agency staff; never those of deactivated accounts."""
    active = Profile.objects.filter(user__is_active=True)
    if not user.is_authenticated:
        return active.filter(visibility=Profile.Visibility.PUBLIC)
    if is_agency(user):
        return active
    return active.filter(
        Q(visibility__in=[Profile.Visibility.PUBLIC, Profile.Visibility.MEMBERS]) | Q(user=user)
    )


def hubs_for_submission(user):
    """The hubs `user` may post events and propose organisations for: their own hubs; every hub
    for agency staff."""
    if not user.is_authenticated:
        return Hub.objects.none()
    if is_agency(user):
        return Hub.objects.all()
    return Hub.objects.filter(memberships__user=user).distinct()


def has_curation_role(user) -> bool:
    """Agency staff or a hub manager: somebody who works in the admin."""
    return is_agency(user) or is_hub_manager(user)


def grants_permissions(user) -> bool:
    """Superusers alone make superusers, edit groups and hand out single permissions."""
    return _may_have_a_role(user) and user.is_superuser


def has_curation_role_in_database(user) -> bool:
    """The roles as stored, whatever the staff flag says: what the flag is synchronised from."""
    return user.is_active and (is_agency_in_database(user) or managed_hubs_in_database(user).exists())


def is_agency_in_database(user) -> bool:
    return user.is_superuser or user.groups.filter(name=AGENCY_GROUP).exists()


def managed_hubs_in_database(user):
    return Hub.objects.filter(memberships__user=user, memberships__role=Membership.Role.MANAGER)


def hub_managers(hub_id):
    """The active managers of a hub, e.g. to tell them of an event awaiting review."""
    return User.objects.filter(
        is_active=True, memberships__hub_id=hub_id, memberships__role=Membership.Role.MANAGER
    )


def agency_staff():
    """The active agency staff, e.g. to tell them of a request no hub reviews."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=AGENCY_GROUP))
        .distinct()
    )
