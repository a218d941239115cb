"""The agency's news of the past years at the network's size, for manage.py seed_scale (core/scale.py)."""

from datetime import timedelta

from core.scale import WORDS, Scale

from .models import News


def create_news(scale: Scale, number: int) -> None:
    pick = scale.random
    items = []
    for index in range(number):
        topic = f"{pick.choice(WORDS)} und {pick.choice(WORDS)}"
        items.append(
            News(
                slug=f"nachricht-{index:05d}",
                title_de=f"Neues aus dem Netzwerk: {topic}",
                title_en=f"News from the network: {topic}" if pick.random() < 0.8 else "",
                teaser_de=f"Wie die Hubs {topic} voranbringen.",
                teaser_en=f"How the hubs take {topic} forward.",
                body_de=f"## {topic}\n\nDie Hubs arbeiten an {topic}.\n\n- Austausch\n- Pilotprojekte",
                body_en=f"## {topic}\n\nThe hubs work on {topic}.\n\n- Exchange\n- Pilots",
                published_at=scale.now - timedelta(days=pick.randrange(0, 1500), hours=pick.randrange(24)),
            )
        )
    scale.write("news", News, items)
    news_ids = list(News.objects.filter(slug__startswith="nachricht-").values_list("pk", flat=True))
    scale.write(
        "news hubs",
        News.hubs.through,
        [
            News.hubs.through(news_id=pk, hub_id=hub.pk)
            for pk in news_ids
            for hub in pick.sample(scale.hubs, pick.randrange(0, 3))
        ],
    )
