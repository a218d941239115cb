"""Every page, action and admin page of the partner organisations for every role
(core/tests/access.py)."""

from core.tests.access import (
    ADMIN_LOGIN,
    DENIED,
    EVERYONE,
    GONE,
    LOGIN,
    MEMBERS,
    MEMBERS_ACT,
    NOT_FOUND,
    OK,
    REVIEWERS,
    UNSEEN,
    admin_access_test,
    admin_action_test,
    agency_only,
    exported,
    site_access_test,
)
from partners.models import Organisation

MATRIX = [
    ("partners:directory", "GET", {}, EVERYONE),
    ("partners:propose", "GET", {}, MEMBERS),
    ("partners:detail", "GET", {"slug": "partner"}, EVERYONE),
    ("partners:detail", "GET", {"slug": "proposal"}, UNSEEN),
    ("partners:edit", "GET", {"slug": "proposal"}, [LOGIN, OK, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("partners:publish", "POST", {"slug": "proposal"}, REVIEWERS),
    ("partners:reject", "POST", {"slug": "proposal"}, REVIEWERS),
    ("partners:link", "POST", {"slug": "partner"}, MEMBERS_ACT),
    ("partners:unlink", "POST", {"slug": "partner"}, MEMBERS_ACT),
]

ADMIN = [
    ("partners", "organisation", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("partners", "organisation", "add", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("partners", "organisation", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("partners", "organisation", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("partners", "organisation", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    ("partners", "partnership", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("partners", "partnership", "add", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("partners", "partnership", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("partners", "partnership", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("partners", "partnership", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    *agency_only("partners", "partnershiplevel"),
]

ACTIONS = [
    ("partners", "organisation", "publish_organisations"),
    ("partners", "organisation", "reject_organisations"),
    ("partners", "organisation", "export_organisations"),
]


def done(response, organisation, action):
    if action.startswith("export"):
        return exported(response, organisation.name)
    return organisation.status != Organisation.Status.SUBMITTED


test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
test_admin_actions = admin_action_test(ACTIONS, done=done)
