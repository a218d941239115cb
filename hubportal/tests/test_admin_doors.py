"""The admin's side doors: its login, the audit trail's old versions, the "view on site"
shortcut, and the staff flag that must follow the roles wherever they change."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.forms import MultiWidget
from django.urls import reverse

from core.tests.access import ADMIN_LOGIN as LOGIN
from core.tests.access import ADMIN_ROLES as ROLES
from core.tests.access import NOT_FOUND, OK
from members.models import Membership, Profile, User
from members.permissions import is_agency, is_hub_manager
from members.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FOUND = "found"  # a redirect to the object's public page


def login(client, world, role):
    if world["users"][role]:
        client.force_login(world["users"][role])


# The login


def test_admin_login_sends_visitors_to_the_portals_login(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_admin_login_form_does_not_log_anybody_in(client, world):
    manager = world["users"]["manager_a"]

    client.post(reverse("admin:login"), {"username": manager.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_sixth_wrong_password_locks_the_account_for_the_admin_too(client, world):
    manager = world["users"]["manager_a"]
    for _ in range(5):
        client.post(reverse("account_login"), {"login": manager.email, "password": "wrong"})

    refused = client.post(reverse("account_login"), {"login": manager.email, "password": PASSWORD})
    client.post(reverse("admin:login"), {"username": manager.email, "password": PASSWORD})

    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_logged_in_member_is_refused_at_the_admin_login(client, world):
    client.force_login(world["users"]["member"])

    assert client.get(reverse("admin:login")).status_code == 403


def test_logged_in_staff_pass_the_admin_login_to_the_index(client, world):
    client.force_login(world["users"]["manager_a"])

    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url == reverse("admin:index")


# The audit trail: old versions are shown, never written back

VERSIONED = [("hubs", "hub"), ("events", "event"), ("members", "membership")]
VERSION_ACCESS = [LOGIN, LOGIN, OK, NOT_FOUND, OK, OK]


def version_url(world, app, model):
    obj = world[model]
    version = obj.history.order_by("history_id").first()
    return reverse(f"admin:{app}_{model}_simple_history", args=[obj.pk, version.history_id])


@pytest.mark.parametrize(("app", "model"), VERSIONED)
@pytest.mark.parametrize("role", ROLES)
def test_old_versions_are_shown_within_the_hub_boundary(client, world, app, model, role):
    expected = VERSION_ACCESS[ROLES.index(role)]
    login(client, world, role)

    response = client.get(version_url(world, app, model))

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(("app", "model"), VERSIONED)
@pytest.mark.parametrize("role", ["manager_a", "manager_b", "agency", "superuser"])
def test_nobody_reverts_to_an_old_version(client, world, app, model, role):
    login(client, world, role)

    response = client.post(version_url(world, app, model), {})

    assert response.status_code == 405


def test_revoked_manager_cannot_be_restored_through_the_history(client, world):
    """The hole this closes: a manager posted an old version of a membership with the
    manager role and so made a revoked manager a manager (and staff) again."""
    from members import services

    manager_b = world["users"]["manager_b"]
    membership = Membership.objects.get(user=manager_b)
    services.set_membership_role(membership=membership, role=Membership.Role.MEMBER)
    membership.hub = world["hub"]
    membership.save()  # now a plain member of hub A, in manager A's reach
    managing_version = membership.history.filter(role=Membership.Role.MANAGER).first()
    login(client, world, "manager_a")

    response = client.post(
        reverse("admin:members_membership_simple_history", args=[membership.pk, managing_version.history_id]),
        {"user": manager_b.pk, "hub": world["hub"].pk, "role": Membership.Role.MANAGER},
    )

    membership.refresh_from_db()
    manager_b.refresh_from_db()
    assert response.status_code == 405
    assert membership.role == Membership.Role.MEMBER
    assert not manager_b.is_staff


def test_history_pages_offer_no_revert_button(client, world):
    login(client, world, "agency")

    response = client.get(version_url(world, "hubs", "hub"))

    assert response.context["revert_disabled"] is True
    assert 'name="_save"' not in response.content.decode()


def test_agency_reads_the_history_of_a_deleted_hub(client, world):
    hub = world["hub"]
    hub_pk = hub.pk
    hub.events.all().delete()
    hub.curated_organisations.all().delete()
    hub.formats.all().delete()
    for space in hub.desk_spaces.all():
        space.bookings.all().delete()
        space.delete()
    hub.delete()
    login(client, world, "agency")

    response = client.get(reverse("admin:hubs_hub_history", args=[hub_pk]))

    assert response.status_code == 200


# "View on site"

SHORTCUT_TO_EVENT = [LOGIN, LOGIN, FOUND, NOT_FOUND, FOUND, FOUND]
SHORTCUT_TO_HIDDEN_PROFILE = [LOGIN, LOGIN, NOT_FOUND, NOT_FOUND, FOUND, FOUND]


def shortcut(obj):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


@pytest.mark.parametrize("role", ROLES)
def test_view_on_site_reveals_an_unpublished_event_only_to_its_curators(client, world, role):
    login(client, world, role)

    response = client.get(shortcut(world["event"]))

    expect_shortcut(response, SHORTCUT_TO_EVENT[ROLES.index(role)], world["event"].get_absolute_url())


@pytest.mark.parametrize("role", ROLES)
def test_view_on_site_reveals_a_hidden_profile_only_to_the_agency(client, world, role):
    profile = world["profile"]
    Profile.objects.filter(pk=profile.pk).update(visibility=Profile.Visibility.HIDDEN)
    login(client, world, role)

    response = client.get(shortcut(profile))

    expect_shortcut(response, SHORTCUT_TO_HIDDEN_PROFILE[ROLES.index(role)], profile.get_absolute_url())


def expect_shortcut(response, expected, target):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    elif expected == FOUND:
        assert response.status_code == 302
        assert response.url == target
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("object_id", ["abc", "999999", "1/2"])
def test_view_on_site_with_a_malformed_or_unknown_object_is_not_found(client, world, object_id):
    login(client, world, "agency")
    content_type = ContentType.objects.get_for_model(world["event"])

    response = client.get(reverse("admin:view_on_site", args=[content_type.pk, object_id]))

    assert response.status_code == 404


# The staff flag follows the roles, however they change


def user_change_data(client, user):
    """The admin's user form as the agency would send it back unchanged."""
    response = client.get(reverse("admin:members_user_change", args=[user.pk]))
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, (widget, part) in enumerate(
                zip(field.widget.widgets, field.widget.decompress(value), strict=True)
            ):
                data[f"{name}_{index}"] = widget.format_value(part) or ""
        elif isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif value is not None and value is not False:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for index, inline_form in enumerate(formset.forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value not in (None, False):
                    data[f"{formset.prefix}-{index}-{name}"] = value
    return data


def test_manager_role_set_on_the_users_page_makes_them_staff(client, world):
    member = world["users"]["member"]
    login(client, world, "agency")
    data = user_change_data(client, member)
    data["memberships-0-role"] = Membership.Role.MANAGER

    response = client.post(reverse("admin:members_user_change", args=[member.pk]), data)

    member.refresh_from_db()
    assert response.status_code == 302
    assert member.is_staff
    assert is_hub_manager(User.objects.get(pk=member.pk))


def test_manager_role_taken_on_the_users_page_ends_staff_status(client, world):
    manager = world["users"]["manager_a"]
    login(client, world, "agency")
    data = user_change_data(client, manager)
    data["memberships-0-role"] = Membership.Role.MEMBER

    client.post(reverse("admin:members_user_change", args=[manager.pk]), data)

    manager.refresh_from_db()
    assert not manager.is_staff


def test_staff_box_cannot_override_the_roles(client, world):
    member = world["users"]["member"]
    login(client, world, "superuser")
    data = user_change_data(client, member)
    data["is_staff"] = "on"

    client.post(reverse("admin:members_user_change", args=[member.pk]), data)

    member.refresh_from_db()
    assert not member.is_staff


def test_agency_group_added_from_the_groups_side_makes_staff(world):
    member = world["users"]["member"]
    group = world["group"]

    group.user_set.add(member)
    member.refresh_from_db()
    assert member.is_staff
    assert is_agency(User.objects.get(pk=member.pk))

    group.user_set.clear()
    member.refresh_from_db()
    assert not member.is_staff


def test_deleting_a_managers_membership_in_bulk_ends_staff_status(client, world):
    manager = world["users"]["manager_a"]
    membership = Membership.objects.get(user=manager)
    login(client, world, "agency")

    client.post(
        reverse("admin:members_membership_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [membership.pk], "post": "yes"},
    )

    manager.refresh_from_db()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not manager.is_staff


def test_superuser_rights_bring_staff_status(world):
    member = world["users"]["member"]

    member.is_superuser = True
    member.save()

    member.refresh_from_db()
    assert member.is_staff


def test_deactivated_manager_loses_staff_status(world):
    manager = world["users"]["manager_a"]

    manager.is_active = False
    manager.save(update_fields=["is_active"])

    manager.refresh_from_db()
    assert not manager.is_staff
