"""Demo news from the Hub-Agency, for development."""

from datetime import timedelta

from django.utils import timezone

from hubs.models import Hub

from .models import News

DEMO_NEWS = [
    (
        "hub-tour-2027",
        "Hub-Tour 2027: Zwölf Hubs in zwölf Wochen",
        "Hub Tour 2027: twelve hubs in twelve weeks",
        "Die Hub-Agentur besucht jeden Hub und sammelt, was Start-ups und Mittelstand voneinander lernen können.",
        "The Hub-Agency visits every hub and collects what start-ups and the Mittelstand can learn from each other.",
        ["berlin", "hamburg", "muenchen"],
        2,
    ),
    (
        "delegation-gtai",
        "Mit Germany Trade and Invest: Delegation aus Kanada",
        "With Germany Trade and Invest: a delegation from Canada",
        "Gründerinnen und Investoren aus Kanada lernen die Hubs für Logistik und Mobilität kennen.",
        "Founders and investors from Canada get to know the hubs for logistics and mobility.",
        ["dortmund", "hamburg"],
        9,
    ),
    (
        "ki-im-mittelstand",
        "Know-how-Transfer: KI im Mittelstand",
        "Know-how transfer: AI in the Mittelstand",
        "Was der Hub Karlsruhe über angewandte KI gelernt hat, steht jetzt allen Hubs offen.",
        "What the Karlsruhe hub has learnt about applied AI is now open to every hub.",
        ["karlsruhe", "stuttgart"],
        20,
    ),
]


def create_demo_news() -> int:
    created = 0
    for slug, title_de, title_en, teaser_de, teaser_en, hub_slugs, days_ago in DEMO_NEWS:
        news, is_new = News.objects.get_or_create(
            slug=slug,
            defaults={
                "title_de": title_de,
                "title_en": title_en,
                "teaser_de": teaser_de,
                "teaser_en": teaser_en,
                "body_de": f"{teaser_de}\n\n## Worum es geht\n\nDies ist eine erfundene Demo-Nachricht.",
                "body_en": f"{teaser_en}\n\n## What it is about\n\nThis is made-up demo news.",
                "published_at": timezone.now() - timedelta(days=days_ago),
            },
        )
        if is_new:
            news.hubs.set(Hub.objects.filter(slug__in=hub_slugs))
            created += 1
    return created
