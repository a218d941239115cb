"""Events at the network's size, for manage.py seed_scale (core/scale.py): across all hubs,
states, formats and the past and coming year, some the weekly dates of a series, with
registrations and waitlists."""

from datetime import timedelta

from core.scale import WORDS, Scale, counted

from .models import Event, EventSeries, Registration

SERIES_EVERY, SERIES_LENGTH = 48, 6  # of every 48 events, 6 are the weekly dates of a series
STATUSES = (
    [Event.Status.PUBLISHED] * 14
    + [Event.Status.CANCELLED] * 2
    + [Event.Status.SUBMITTED] * 2
    + [Event.Status.DRAFT, Event.Status.REJECTED]
)


def create_events(scale: Scale, number: int, user_ids: list[int]) -> list[int]:
    pick = scale.random
    events = []
    # The first SERIES_LENGTH events of every SERIES_EVERY are the weekly dates of a series.
    series = create_series(scale, (number + SERIES_EVERY - 1) // SERIES_EVERY)
    for index in range(number):
        block, position = divmod(index, SERIES_EVERY)
        start = scale.now + timedelta(days=pick.randrange(-730, 365), hours=pick.randrange(8, 20))
        if position < SERIES_LENGTH:
            start = series[block].dates()[position]
        event_format = pick.choice(Event.Format.values)
        mode = pick.choice([Event.RegistrationMode.PORTAL] * 8 + [Event.RegistrationMode.EXTERNAL, "none"])
        events.append(
            Event(
                title_de=f"{pick.choice(WORDS)}-{pick.choice(['Meetup', 'Pitch Night', 'Workshop', 'Konferenz'])} {index}",
                slug=f"veranstaltung-{index:06d}",
                description_de=f"Ein Abend über {pick.choice(WORDS)} und {pick.choice(WORDS)}.",
                hub=pick.choice(scale.hubs),
                event_type=pick.choice(Event.Type.values),
                format=event_format,
                venue="Forum" if event_format != Event.Format.ONLINE else "",
                address="Beispielstraße 1" if event_format != Event.Format.ONLINE else "",
                online_url="https://meet.example.org/" if event_format != Event.Format.ON_SITE else "",
                start=start,
                end=start + timedelta(hours=pick.randrange(1, 9)),
                language=pick.choice(Event.Language.values),
                registration_mode=mode,
                capacity=pick.choice([8, 20, 50, 120]) if mode == Event.RegistrationMode.PORTAL else None,
                registration_url="https://tickets.example.org/"
                if mode == Event.RegistrationMode.EXTERNAL
                else "",
                waitlist=pick.random() < 0.7,
                organiser_id=pick.choice(user_ids),
                status=pick.choice(STATUSES),
            )
        )
        if position < SERIES_LENGTH:
            first = events[index - position]
            events[-1].series, events[-1].occurrence_start = series[block], start
            events[-1].hub, events[-1].title_de, events[-1].status = (
                first.hub,
                first.title_de,
                first.status,
            )
    scale.write("events", Event, events)
    hosts = dict(Event.objects.filter(slug__startswith="veranstaltung-").values_list("pk", "hub_id"))
    event_ids = list(hosts)
    scale.write(
        "event themes",
        Event.focus_themes.through,
        [
            Event.focus_themes.through(event_id=pk, focustheme_id=theme.pk)
            for pk in event_ids
            for theme in pick.sample(scale.themes, pick.randrange(1, 3))
        ],
    )
    scale.write(
        "co-hosts",
        Event.cohosts.through,
        [
            Event.cohosts.through(event_id=pk, hub_id=cohost.pk)
            for pk in event_ids
            if pick.random() < 0.15 and (cohost := pick.choice(scale.hubs)).pk != hosts[pk]
        ],
    )
    return event_ids


def create_series(scale: Scale, number: int) -> list[EventSeries]:
    pick = scale.random
    rules = []
    for _index in range(number):
        first = scale.now + timedelta(days=pick.randrange(-730, 365), hours=pick.randrange(8, 20))
        rule = EventSeries(frequency=EventSeries.Frequency.WEEKLY, interval=1, first_start=first)
        rule.until = first + timedelta(weeks=SERIES_LENGTH)
        rule.until = rule.dates()[SERIES_LENGTH - 1]  # in local time, across a change of summer time too
        rules.append(rule)
    return EventSeries.objects.bulk_create(rules, batch_size=1000)


def create_registrations(scale: Scale, event_ids: list[int], user_ids: list[int], per_event: int) -> None:
    pick = scale.random
    capacities = dict(
        Event.objects.filter(pk__in=event_ids, registration_mode=Event.RegistrationMode.PORTAL).values_list(
            "pk", "capacity"
        )
    )
    registrations = []
    for event_id, capacity in capacities.items():
        for place, user_id in enumerate(pick.sample(user_ids, min(per_event, len(user_ids)))):
            status = Registration.Status.CONFIRMED if place < capacity else Registration.Status.WAITLISTED
            registrations.append(Registration(event_id=event_id, user_id=user_id, status=status))
    scale.write("registrations", Registration, registrations)


def count_registrations() -> None:
    Event.objects.update(
        attendee_count=counted(Registration, "event", status=Registration.Status.CONFIRMED),
        waitlist_count=counted(Registration, "event", status=Registration.Status.WAITLISTED),
    )
