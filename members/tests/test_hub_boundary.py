"""The hub boundary, written once (members.permissions.curated_by): agency staff curate the whole
network, a hub manager their hubs only, everybody else nothing; the models' querysets, the admin
and the views ask it, and nothing else in the code draws the line again."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from desks.models import DeskSpace
from desks.tests.factories import DeskSpaceFactory
from events.models import Event
from events.tests.factories import EventFactory
from hubs.models import Hub
from hubs.tests.factories import HubFactory
from introductions.models import Introduction
from introductions.tests.factories import IntroductionFactory
from members.models import Membership
from members.permissions import curated_by
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory

from .factories import AgencyStaffFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hubs():
    return {"hamburg": HubFactory(slug="hamburg"), "berlin": HubFactory(slug="berlin")}


def person(role, hubs):
    """One of the portal's roles, seen from Hamburg."""
    if role == "anonymous":
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()
    if role == "agency":
        return AgencyStaffFactory()
    user = UserFactory()
    if role != "member without a hub":
        hub = hubs["berlin"] if role.endswith("of another hub") else hubs["hamburg"]
        manager = role.startswith("manager")
        MembershipFactory(
            user=user, hub=hub, role=Membership.Role.MANAGER if manager else Membership.Role.MEMBER
        )
        user.refresh_from_db()  # the staff flag follows the role (members.signals)
    return user


ROLES = {
    "anonymous": set(),
    "member without a hub": set(),
    "member": set(),
    "member of another hub": set(),
    "manager": {"hamburg"},
    "manager of another hub": {"berlin"},
    "agency": {"hamburg", "berlin", None},
}


@pytest.mark.parametrize(("role", "curated"), ROLES.items())
def test_each_model_that_belongs_to_a_hub_is_curated_within_the_boundary(hubs, role, curated):
    for hub in hubs.values():
        EventFactory(hub=hub)
        OrganisationFactory(hub=hub)
        DeskSpaceFactory(hub=hub)
        IntroductionFactory(hub=hub)
    IntroductionFactory(hub=None)  # no shared hub: the agency reviews it
    user = person(role, hubs)

    def slugs(queryset, through="hub"):
        return {getattr(row, through).slug if getattr(row, through) else None for row in queryset}

    hub_rows = {slug for slug in curated if slug}
    assert slugs(Event.objects.curated_by(user)) == hub_rows
    assert slugs(Organisation.objects.curated_by(user)) == hub_rows
    assert slugs(DeskSpace.objects.curated_by(user)) == hub_rows
    assert slugs(Introduction.objects.curated_by(user)) == curated
    assert {hub.slug for hub in curated_by(Hub.objects.all(), user, through="pk")} == hub_rows


def test_no_other_module_draws_the_hub_boundary():
    """The managed hubs are asked for in members.permissions alone (the figures' form lists
    the hubs to choose, which is no filtering of rows)."""
    drawn = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/**/*.py")):
        relative = path.relative_to(settings.BASE_DIR)
        if relative.parts[0] in {".venv", "node_modules"} or "tests" in relative.parts:
            continue
        if str(relative) in {"members/permissions.py", "figures/forms.py"}:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Name) and node.id in {"managed_hubs", "managed_hub_ids"}:
                drawn.append(f"{relative}:{node.lineno}")

    assert drawn == []
