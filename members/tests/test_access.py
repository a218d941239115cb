"""Every page, action and admin page of accounts, profiles and memberships for every role
(core/tests/access.py)."""

from core.tests.access import (
    ADMIN_LOGIN,
    DENIED,
    EVERYONE,
    GONE,
    LOGIN,
    MEMBERS,
    MEMBERS_ACT,
    MOVED,
    NOT_FOUND,
    OK,
    admin_access_test,
    admin_action_test,
    agency_only,
    exported,
    site_access_test,
)

MATRIX = [
    ("members:directory", "GET", {}, EVERYONE),
    ("members:dashboard", "GET", {}, MEMBERS),
    ("members:profile_edit", "GET", {}, MEMBERS),
    ("members:export", "GET", {}, MEMBERS),
    ("members:delete_account", "GET", {}, MEMBERS),
    ("members:join_hub", "POST", {"slug": "hamburg"}, MEMBERS_ACT),
    ("members:leave_hub", "POST", {"slug": "hamburg"}, MEMBERS_ACT),
    ("members:profile", "GET", {"slug": "public"}, EVERYONE),
    ("members:profile", "GET", {"slug": "hidden"}, [NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK]),
    # The account pages of django-allauth.
    ("account_login", "GET", {}, [OK, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_logout", "GET", {}, [MOVED, OK, OK, OK, OK, OK]),
    ("account_inactive", "GET", {}, EVERYONE),
    ("account_signup", "GET", {}, [OK, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_reauthenticate", "GET", {}, MEMBERS),
    ("account_email", "GET", {}, MEMBERS),
    ("account_email_verification_sent", "GET", {}, EVERYONE),
    ("account_change_password", "GET", {}, MEMBERS),
    ("account_set_password", "GET", {}, [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED]),
    ("account_reset_password", "GET", {}, EVERYONE),
    (
        "account_confirm_login_code",
        "GET",
        {},
        [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED],
    ),  # no login under way
    ("account_confirm_email", "GET", {"key": "unknown-key"}, EVERYONE),
    ("account_reset_password_from_key_done", "GET", {}, EVERYONE),
    ("account_reset_password_from_key", "GET", {"uidb36": "0", "key": "unknown"}, EVERYONE),
    ("account_reset_password_done", "GET", {}, EVERYONE),
]

ADMIN = [
    ("members", "membership", "changelist", [ADMIN_LOGIN, ADMIN_LOGIN, OK, OK, OK, OK]),
    ("members", "membership", "add", [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]),
    ("members", "membership", "change", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("members", "membership", "delete", [ADMIN_LOGIN, ADMIN_LOGIN, OK, GONE, OK, OK]),
    ("members", "membership", "history", [ADMIN_LOGIN, ADMIN_LOGIN, OK, NOT_FOUND, OK, OK]),
    *agency_only("members", "profile", "user"),
]

test_site_access = site_access_test(MATRIX)
test_admin_access = admin_access_test(ADMIN)
ACTIONS = [("members", "membership", "export_memberships")]

test_admin_actions = admin_action_test(
    ACTIONS, done=lambda response, membership, action: exported(response, membership.user.email)
)
