"""The Format Library at the network's size, for manage.py seed_scale (core/scale.py)."""

from core.scale import Scale
from events.models import Event

from .models import Effort, Format, Run
from .models import Outcome as EventOutcome


def create_formats(scale: Scale, number: int) -> None:
    """`number` formats of the library, each from a past published event with its outcome,
    and run again by up to three other past events."""
    pick = scale.random
    past = list(
        Event.objects.filter(
            slug__startswith="veranstaltung-", status=Event.Status.PUBLISHED, end__lt=scale.now
        )
        .order_by("slug")
        .values_list("pk", "title_de", "hub_id", "event_type")
    )
    pick.shuffle(past)
    origins, others = past[:number], [pk for pk, *_rest in past[number:]]
    outcomes = EventOutcome.objects.bulk_create(
        EventOutcome(
            event_id=pk,
            attendance=pick.randrange(10, 200),
            format_type=event_type,
            effort=pick.choice(Effort.values),
            summary_de=f"So lief {title}.",
            worked="Kurze Slots, viel Zeit für Gespräche.",
        )
        for pk, title, _hub, event_type in origins
    )
    formats = Format.objects.bulk_create(
        Format(
            slug=f"format-{index:05d}",
            title_de=title,
            summary_de=outcome.summary_de,
            worked=outcome.worked,
            format_type=outcome.format_type,
            effort=outcome.effort,
            hub_id=hub_id,
            outcome=outcome,
        )
        for index, ((_pk, title, hub_id, _type), outcome) in enumerate(zip(origins, outcomes, strict=True))
    )
    runs = [
        Run(format=format, event_id=outcome.event_id)
        for format, outcome in zip(formats, outcomes, strict=True)
    ]
    for format in formats:
        runs += [Run(format=format, event_id=others.pop()) for _run in range(pick.randrange(0, 4)) if others]
    scale.write("format runs", Run, runs)
    scale.write(
        "format themes",
        Format.focus_themes.through,
        [
            Format.focus_themes.through(format_id=format.pk, focustheme_id=theme.pk)
            for format in formats
            for theme in pick.sample(scale.themes, pick.randrange(1, 3))
        ],
    )
