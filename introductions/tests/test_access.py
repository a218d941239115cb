"""Every page, action and admin page of matchmaking and introductions for every role
(core/tests/access.py)."""

from core.tests.access import (
    ADMIN_LOGIN,
    BAD,
    CURATORS,
    DENIED,
    GONE,
    LOGIN,
    MEMBERS,
    MEMBERS_ACT,
    MOVED,
    NOT_FOUND,
    OK,
    REVIEWERS,
    admin_access_test,
    admin_action_test,
    exported,
    site_access_test,
)
from introductions.models import Introduction

# The member's request 4343, awaiting Hamburg's review: its reviewers get the form back with its
# error when they send it empty (400); the requester may act on it; nobody but the recipient
# (none here yet) answers it.
REVIEW_FORM = [LOGIN, DENIED, NOT_FOUND, BAD, NOT_FOUND, BAD]
REQUESTER = [LOGIN, MOVED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]
RECIPIENT = [LOGIN, DENIED, NOT_FOUND, DENIED, NOT_FOUND, DENIED]

MATRIX = [
    ("introductions:matches", "GET", {}, MEMBERS),
    ("introductions:hide", "POST", {}, [LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("introductions:show_hidden", "POST", {}, MEMBERS_ACT),
    ("introductions:switch", "POST", {}, MEMBERS_ACT),
    ("introductions:ask", "GET", {"slug": "public"}, MEMBERS),  # a reason instead of the form where refused
    ("introductions:queue", "GET", {}, CURATORS),
    ("introductions:counts", "GET", {}, CURATORS),
    ("introductions:counts_csv", "GET", {}, CURATORS),
    ("introductions:detail", "GET", {"pk": "4343"}, [LOGIN, OK, NOT_FOUND, OK, NOT_FOUND, OK]),
    ("introductions:approve", "POST", {"pk": "4343"}, REVIEWERS),
    ("introductions:decline", "POST", {"pk": "4343"}, REVIEW_FORM),
    ("introductions:ask_more", "POST", {"pk": "4343"}, REVIEW_FORM),
    ("introductions:revise", "POST", {"pk": "4343"}, [LOGIN, BAD, NOT_FOUND, DENIED, NOT_FOUND, DENIED]),
    ("introductions:withdraw", "POST", {"pk": "4343"}, REQUESTER),
    ("introductions:accept", "POST", {"pk": "4343"}, RECIPIENT),
    ("introductions:refuse", "POST", {"pk": "4343"}, RECIPIENT),
    ("introductions:outcome", "POST", {"pk": "4343"}, REQUESTER),
]

# Introductions are made and answered on the site; the admin reads and reviews them in bulk.
ADMIN = [
    ("introductions", "introduction", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("introductions", "introduction", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("introductions", "introduction", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("introductions", "introduction", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, DENIED, DENIED]),
    ("introductions", "introduction", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
]

ACTIONS = [
    ("introductions", "introduction", "approve_introductions"),
    ("introductions", "introduction", "decline_introductions"),
    ("introductions", "introduction", "export_introductions"),
]


def done(response, introduction, action):
    if action.startswith("export"):
        return exported(response, introduction.requester.profile.display_name)
    return introduction.status != Introduction.Status.REQUESTED


test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
test_admin_actions = admin_action_test(ACTIONS, done=done)
