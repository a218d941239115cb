"""Members, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from hubs.tests.factories import FocusThemeFactory
from members.tests.factories import MembershipFactory, ProfileFactory


def members(world, number):
    themes = FocusThemeFactory.create_batch(2)
    for _ in range(number):
        MembershipFactory(hub=world["hub"], user=ProfileFactory(focus_themes=themes).user)
