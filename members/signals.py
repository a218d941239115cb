from django.utils.translation import get_language

from core.translation import active_language

from . import services
from .models import User


def remember_language(sender, request, user, **kwargs):
    """user_logged_in: write to members in the language they use the portal in."""
    language = active_language() if get_language() else ""
    if language and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


# Staff status follows the roles wherever they change: a membership's role, the agency
# group, superuser rights or the account's activity.

ROLE_FIELDS = {"is_superuser", "is_active"}


def account_saved(sender, instance, created, update_fields=None, **kwargs):
    """post_save of User."""
    if update_fields is None or ROLE_FIELDS & set(update_fields):
        services.sync_staff_status(instance)


def membership_changed(sender, instance, **kwargs):
    """post_save and post_delete of Membership: the staff flag follows the role (the membership's
    own user object too, so that code holding it sees the new role at once), and the hub's
    member count follows the memberships."""
    services.sync_staff_status(instance.user)
    instance.hub.count_members()


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed of User.groups, from either side (user.groups.add, group.user_set.add)."""
    if action == "pre_clear" and reverse:
        instance._members_before_clear = list(instance.user_set.all())
    if not action.startswith("post_"):
        return
    if not reverse:
        users = [instance]
    elif action == "post_clear":
        users = getattr(instance, "_members_before_clear", [])
    else:
        users = User.objects.filter(pk__in=pk_set)
    for user in users:
        services.sync_staff_status(user)
