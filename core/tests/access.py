"""The access matrices, shared by every app's tests: each app lists its own routes and admin pages
with what each role gets (`<app>/tests/test_access.py`), and these helpers turn a list into a test
of every row for every role. hubportal/tests/test_site_access.py and test_admin_access.py check
that every route and every admin of the portal is in some app's list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The site: what each role gets on a page or from an action, in the world of the `site` fixture.
ROLES = ["anonymous", "member", "other_member", "manager", "other_manager", "agency"]
LOGIN = "login"  # a redirect to the login page
MOVED = "moved"  # a redirect elsewhere: the action was done, or the page is not for this visitor
OK, BAD, DENIED, NOT_FOUND = 200, 400, 403, 404
EVERYONE = [OK] * 6
MEMBERS = [LOGIN, OK, OK, OK, OK, OK]
MEMBERS_ACT = [LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED]
# Who organises or curates the event: its organiser, Hamburg's manager, the agency.
EVENT_CURATORS = [LOGIN, OK, DENIED, OK, DENIED, OK]
# An event (or a proposed organisation) awaiting review exists only for its organiser (or the
# member who proposed it) and its moderators.
UNSEEN = [NOT_FOUND, OK, NOT_FOUND, OK, NOT_FOUND, OK]
# Publishing and rejecting: the moderators of the hub.
REVIEWERS = [LOGIN, DENIED, NOT_FOUND, MOVED, NOT_FOUND, MOVED]
# The lists of the hubs' work (moderation, counts, queues): managers and the agency.
CURATORS = [LOGIN, DENIED, DENIED, OK, OK, OK]


def site_access_test(matrix):
    """A test of every row of `matrix` for every role; a row is (route name, "GET" or "POST",
    the route's arguments, what each role of ROLES gets)."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("name", "method", "arguments", "expected"),
        matrix,
        ids=[
            f"{name}{'(' + ','.join(map(str, arguments.values())) + ')' if arguments else ''}"
            for name, _method, arguments, _expected in matrix
        ],
    )
    @pytest.mark.parametrize("role", ROLES)
    def test_site_access_matrix(client, site, name, method, arguments, expected, role):
        expected = expected[ROLES.index(role)]
        if site[role]:
            client.force_login(site[role])
        url = reverse(name, kwargs=arguments)

        response = client.post(url) if method == "POST" else client.get(url)

        if expected == LOGIN:
            assert response.status_code == 302
            assert response.url.startswith(reverse("account_login"))
        elif expected == MOVED:
            assert response.status_code == 302
            assert not response.url.startswith(reverse("account_login"))
        else:
            assert response.status_code == expected

    return test_site_access_matrix


def route_names(resolver=None, namespace=""):
    """Every named route of the site outside the admin, with its namespace."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                yield from route_names(
                    pattern, namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                )
        elif isinstance(pattern, URLPattern):
            yield namespace + (pattern.name or str(pattern.pattern))


# The admin: what each role gets, in the world of the `world` fixture (one object of each model).
ADMIN_ROLES = ["anonymous", "member", "manager_a", "manager_b", "agency", "superuser"]
ADMIN_LOGIN = "login"  # a redirect to the admin login
GONE = "gone"  # the admin's "does not exist" redirect: another hub's object leaks nothing
AGENCY_ONLY = [ADMIN_LOGIN, ADMIN_LOGIN, DENIED, DENIED, OK, OK]
ADMIN_VIEWS = ["changelist", "add", "change", "delete", "history"]


def agency_only(app, *models):
    """The rows of admins only agency staff open, every view."""
    return [(app, model, view, AGENCY_ONLY) for model in models for view in ADMIN_VIEWS]


def admin_url(world, app, model, view):
    if view in ("changelist", "add"):
        return reverse(f"admin:{app}_{model}_{view}")
    return reverse(f"admin:{app}_{model}_{view}", args=[world[model].pk])


def admin_access_test(matrix):
    """A test of every row of `matrix` for every role; a row is (app label, model name, admin
    view, what each role of ADMIN_ROLES gets)."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("app", "model", "view", "expected"), matrix, ids=[f"{a}.{m}.{v}" for a, m, v, _ in matrix]
    )
    @pytest.mark.parametrize("role", ADMIN_ROLES)
    def test_admin_access_matrix(client, world, app, model, view, expected, role):
        expected = expected[ADMIN_ROLES.index(role)]
        user = world["users"][role]
        if user:
            client.force_login(user)

        response = client.get(admin_url(world, app, model, view))

        if expected == ADMIN_LOGIN:
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))
        elif expected == GONE:
            assert response.status_code in (302, 404)
            if response.status_code == 302:
                assert response.url == reverse("admin:index")
        else:
            assert response.status_code == expected

    return test_admin_access_matrix


def admin_action_test(actions, *, done, scope=("manager_a", "agency", "superuser")):
    """A test of each admin action (app label, model name, action) for every role: it is done
    only for the roles in `scope`, and another hub's manager changes and learns nothing.
    `done(response, target, action)` says whether it was done to the world's object of its
    model (refreshed from the database): changed, or named in the exported file."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(("app", "model", "action"), actions, ids=[f"{m}.{a}" for _app, m, a in actions])
    @pytest.mark.parametrize("role", ADMIN_ROLES)
    def test_admin_actions_per_role(client, world, app, model, action, role):
        user = world["users"][role]
        if user:
            client.force_login(user)
        target = world[model]
        data = {"action": action, ACTION_CHECKBOX_NAME: [target.pk]}
        if action.startswith(("reject", "decline")):
            data.update({"apply": "1", "reason": "Grund"})

        response = client.post(reverse(f"admin:{app}_{model}_changelist"), data)

        if role in ("anonymous", "member"):
            assert response.status_code == 302
            assert response.url.startswith(reverse("admin:login"))
        else:
            target.refresh_from_db()
            assert done(response, target, action) is (role in scope)

    return test_admin_actions_per_role


def exported(response, text) -> bool:
    """Whether an export action's file names `text`."""
    return text in response.content.decode("utf-8-sig")
