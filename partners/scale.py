"""Partner organisations at the network's size, for manage.py seed_scale (core/scale.py)."""

from datetime import timedelta

from core.scale import CITIES, LAST_NAMES, WORDS, Scale

from .models import Affiliation, Organisation, Partnership, PartnershipLevel


def create_organisations(scale: Scale, number: int, user_ids: list[int]) -> None:
    """Organisations of every kind, curated by a hub (a few by the agency alone), most in
    partnership with one to three hubs, each with up to 60 linked members."""
    pick = scale.random
    levels = list(PartnershipLevel.objects.order_by("position"))
    kinds = Organisation.Kind.values
    items = [
        Organisation(
            name=f"{pick.choice(WORDS).capitalize()} {pick.choice(LAST_NAMES)} {index:04d}",
            slug=f"organisation-{index:05d}",
            kind=kinds[index % len(kinds)],
            city=pick.choice(CITIES),
            website="https://example.org/",
            description_de=f"Arbeitet an {pick.choice(WORDS)} und {pick.choice(WORDS)}.",
            description_en=f"Works on {pick.choice(WORDS)}." if pick.random() < 0.7 else "",
            hub=None if index % 20 == 0 else pick.choice(scale.hubs),
            status=Organisation.Status.SUBMITTED if index % 25 == 1 else Organisation.Status.PUBLISHED,
        )
        for index in range(number)
    ]
    scale.write("organisations", Organisation, items)
    ids = list(Organisation.objects.filter(slug__startswith="organisation-").values_list("pk", flat=True))
    scale.write(
        "organisation themes",
        Organisation.focus_themes.through,
        [
            Organisation.focus_themes.through(organisation_id=pk, focustheme_id=theme.pk)
            for pk in ids
            for theme in pick.sample(scale.themes, pick.randrange(1, 4))
        ],
    )
    if levels:
        scale.write(
            "partnerships",
            Partnership,
            [
                Partnership(
                    organisation_id=pk,
                    hub_id=hub.pk,
                    level=pick.choice(levels),
                    since=(scale.now - timedelta(days=pick.randrange(30, 3000))).date(),
                )
                for pk in ids
                for hub in pick.sample(scale.hubs, pick.randrange(0, 4))
            ],
        )
    roles = Affiliation.Role.values
    scale.write(
        "affiliations",
        Affiliation,
        [
            Affiliation(organisation_id=pk, user_id=user_id, role=pick.choice(roles))
            for pk in ids
            for user_id in pick.sample(user_ids, min(pick.randrange(0, 61), len(user_ids)))
        ],
        ignore_conflicts=True,
    )
