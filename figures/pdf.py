"""The quarterly report as a PDF, made on the server with WeasyPrint from the same page a browser
prints: A4, the portal's fonts, the charts drawn as they are on the screen."""

import mimetypes
from urllib.parse import urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage


class StaticFiles(weasyprint.URLFetcher):
    """WeasyPrint asks for the page's stylesheets and fonts by their address: they are read from
    the static files on disk, and nothing is fetched from anywhere else."""

    def fetch(self, url, headers=None):
        path = urlsplit(url).path
        if not path.startswith(settings.STATIC_URL):
            raise ValueError(f"The report reads only the portal's static files, not {url}")
        name = path.removeprefix(settings.STATIC_URL)
        found = finders.find(name)
        if found is None and settings.STATIC_ROOT:
            found = staticfiles_storage.path(name)  # a name with the hash collectstatic gave it
        with open(found, "rb") as file:
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, file.read(), {"Content-Type": content_type})


def as_pdf(html: str) -> bytes:
    return weasyprint.HTML(string=html, base_url=settings.PORTAL_URL, url_fetcher=StaticFiles()).write_pdf()
