"""A process warms up before it serves: every template of the portal compiled, the URL patterns
of each language made, no database connection left open for the workers it forks."""

from django.db import connection
from django.template import engines
from django.urls import clear_url_caches, get_resolver

from hubportal.warm import TEMPLATE_SUFFIXES, warm_up


def test_warming_up_compiles_every_template_and_the_patterns_of_each_language():
    engine = engines["django"].engine
    cached_loader = engine.template_loaders[0]
    cached_loader.reset()
    clear_url_caches()

    warm_up()

    templates = {
        str(path.relative_to(directory))
        for directory in engine.dirs
        for path in directory.rglob("*")
        if path.suffix in TEMPLATE_SUFFIXES
    }
    assert len(templates) > 50
    assert templates <= set(cached_loader.get_template_cache)
    assert set(get_resolver()._reverse_dict) == {"de", "en"}
    assert connection.connection is None
