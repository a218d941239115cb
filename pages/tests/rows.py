"""The agency's news, made one row at a time for the lists' query counts (core/tests/lists.py):
each function adds `number` rows to the world of the `lists_world` fixture."""

from django.utils import timezone

from pages.models import News


def news(world, number):
    for _ in range(number):
        item = News.objects.create(
            slug=f"n{News.objects.count()}",
            title_de="N",
            teaser_de="T",
            body_de="B",
            published_at=timezone.now(),
        )
        item.hubs.set([world["hub"], world["other_hub"]])
