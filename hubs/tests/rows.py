"""The hubs, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from hubs.tests.factories import FocusThemeFactory, HubFactory


def hubs(world, number):
    themes = FocusThemeFactory.create_batch(2)
    HubFactory.create_batch(number, themes=themes, cities=[{}, {}], featured=True)
