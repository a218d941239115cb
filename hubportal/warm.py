"""Make, once per process, what every request would otherwise make on a process's first hits.

A fresh gunicorn worker compiles the URL patterns of each language and the templates the
first time a request needs them, which adds a tenth of a second to its first pages; workers
restart now and then (gunicorn.conf.py), so that would show in the latency of pages served
from the cache. The WSGI application warms up before it serves (hubportal.wsgi), in gunicorn's
master when it preloads the application, so that each worker starts warm.
"""

from django.conf import settings
from django.db import connections
from django.template import engines
from django.urls import get_resolver
from django.utils import translation

TEMPLATE_SUFFIXES = (".html", ".txt", ".xml")


def warm_up():
    for language, _name in settings.LANGUAGES:
        with translation.override(language):  # loads the catalogue
            get_resolver().reverse_dict  # noqa: B018 - compiles the patterns of this language
    django = engines["django"]
    for directory in django.engine.dirs:
        for path in sorted(directory.rglob("*")):
            if path.suffix in TEMPLATE_SUFFIXES:
                django.get_template(str(path.relative_to(directory)))  # the cached loader keeps it
    connections.close_all()  # none should be open; a forked worker must not share one
