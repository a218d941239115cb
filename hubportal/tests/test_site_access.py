"""Every page and action of the site for every role: each app checks its own routes
(`<app>/tests/test_access.py`, with the helpers of core/tests/access.py); the project's own
routes are checked here, and so is the whole: a new route without a row in some app's matrix
is a hole in the spec, and test_every_route_is_in_a_matrix fails.

MATRIX, all rows together, is what the page checks walk (valid HTML, no German on English
pages, the page cache)."""

from api.tests import test_access as api
from core.tests.access import EVERYONE, route_names, site_access_test
from desks.tests import test_access as desks
from events.tests import test_access as events
from figures.tests import test_access as figures
from formats.tests import test_access as formats
from hubs.tests import test_access as hubs
from introductions.tests import test_access as introductions
from members.tests import test_access as members
from pages.tests import test_access as pages
from partners.tests import test_access as partners

PROJECT = [
    ("sitemap", "GET", {}, EVERYONE),
    ("sitemap_section", "GET", {"section": "events"}, EVERYONE),
    ("robots_txt", "GET", {}, EVERYONE),
    ("favicon", "GET", {}, [301] * 6),  # for good, to the icon among the static files
    ("healthz", "GET", {}, EVERYONE),
    ("search", "GET", {}, EVERYONE),
]
APPS = [hubs, members, events, pages, partners, desks, introductions, formats, figures, api]
MATRIX = PROJECT + [row for app in APPS for row in app.MATRIX]

test_site_access = site_access_test(PROJECT)


def test_every_route_is_in_a_matrix():
    assert set(route_names()) - {name for name, *_rest in MATRIX} == set(), "add these routes to a MATRIX"
