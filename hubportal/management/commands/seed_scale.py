"""Fill the database with the network at its real size, for benchmarks and query plans:

    manage.py seed_scale --members 100000 --events 20000 --seed 1

Members of every type and visibility in one to three hubs each (two managers a hub),
events across all hubs, states, formats and the past and coming year, registrations and
waitlists, the agency's news of the past years, partner organisations with their
partnerships and linked members, and the hubs' guest desks with four months of bookings. The same seed gives the same data. Rows are written in batches (bulk_create),
so signals do not run: the stored counts are filled at the end in one statement each.
Every account has the password of --password; addresses end in @scale.example.org.
"""

import random
import sys
import time
from datetime import time as time_of_day
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from desks.models import DeskBooking, DeskSpace
from events.models import Event, EventSeries, Registration
from formats.models import Effort, Format, Run
from formats.models import Outcome as EventOutcome
from hubs.models import FocusTheme, Hub
from introductions.models import Introduction, Outcome
from members.models import FounderNeed, InvestmentStage, Membership, Profile, Stage, User
from pages.models import News
from partners.models import Affiliation, Organisation, Partnership, PartnershipLevel

DOMAIN = "scale.example.org"
BATCH = 5000
FIRST_NAMES = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Emma",
    "Felix",
    "Greta",
    "Hannah",
    "Ilias",
    "Jana",
    "Kemal",
    "Lena",
    "Mehmet",
    "Nora",
    "Oskar",
    "Paula",
    "Quentin",
    "Rosa",
    "Samir",
    "Tom",
    "Ute",
    "Vera",
    "Wim",
    "Xenia",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Albrecht",
    "Bauer",
    "Celik",
    "Dietrich",
    "Engel",
    "Fischer",
    "Günther",
    "Hartmann",
    "Iwanow",
    "Jung",
    "Krüger",
    "Lange",
    "Meyer",
    "Nowak",
    "Özdemir",
    "Peters",
    "Quast",
    "Richter",
    "Schmidt",
    "Thomas",
    "Ulrich",
    "Vogel",
    "Weber",
    "Yilmaz",
    "Zimmer",
]
WORDS = [
    "Daten",
    "Netz",
    "Labor",
    "Werk",
    "Wolke",
    "Stack",
    "Forge",
    "Pilot",
    "Kompass",
    "Brücke",
    "Signal",
    "Hafen",
    "Quelle",
    "Spur",
    "Welle",
]
CITIES = [
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Dortmund",
    "Dresden",
    "Leipzig",
    "Karlsruhe",
    "Mannheim",
    "Potsdam",
    "Nürnberg",
    "Erlangen",
    "Darmstadt",
]
VISIBILITIES = (
    [Profile.Visibility.MEMBERS] * 6 + [Profile.Visibility.PUBLIC] * 3 + [Profile.Visibility.HIDDEN]
)
SERIES_EVERY, SERIES_LENGTH = 48, 6  # of every 48 events, 6 are the weekly dates of a series
STATUSES = (
    [Event.Status.PUBLISHED] * 14
    + [Event.Status.CANCELLED] * 2
    + [Event.Status.SUBMITTED] * 2
    + [Event.Status.DRAFT, Event.Status.REJECTED]
)


class Command(BaseCommand):
    help = "Fill the database with the network at its real size (fictitious data), for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=20_000)
        parser.add_argument("--registrations-per-event", type=int, default=12)
        parser.add_argument("--news", type=int, default=500)
        parser.add_argument("--organisations", type=int, default=600)
        parser.add_argument("--desk-spaces-per-hub", type=int, default=3)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="scale-password")

    def handle(
        self,
        *args,
        members,
        events,
        registrations_per_event,
        news,
        organisations,
        desk_spaces_per_hub,
        seed,
        password,
        **options,
    ):
        if members < 1 or events < 0 or news < 0 or organisations < 0 or desk_spaces_per_hub < 0:
            raise CommandError("--members must be at least 1, --events and --news not negative.")
        if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError(f"The database holds scale data already (addresses @{DOMAIN}).")
        if not Hub.objects.exists():
            call_command("seed_hubs", stdout=self.stdout)
        self.random = random.Random(seed)  # noqa: S311 - repeatable fictitious data, not secrets
        self.now = timezone.now().replace(microsecond=0)  # whole seconds, as the series' rules give
        self.hubs = list(Hub.objects.order_by("pk"))
        self.themes = list(FocusTheme.objects.order_by("pk"))
        started = time.monotonic()
        with transaction.atomic():
            user_ids = self.create_members(members, password)
            event_ids = self.create_events(events, user_ids)
            self.create_registrations(event_ids, user_ids, registrations_per_event)
            self.create_news(news)
            self.create_organisations(organisations, user_ids)
            self.create_desks(desk_spaces_per_hub)
            self.create_introductions(members // 20, user_ids)
            self.create_formats(events // 60)
            self.count()
        with connection.cursor() as cursor:
            # Statistics and the visibility map, as autovacuum would make them later: without
            # them PostgreSQL cannot count from an index alone. (VACUUM needs to run outside
            # a transaction, which a test's is not.)
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{members} members, {events} events and their registrations in {time.monotonic() - started:.0f} s."
            )
        )

    def create_members(self, number, password):
        hashed = make_password(password)  # one hash for all: hashing 100,000 passwords would take hours
        pick = self.random
        users = [
            User(
                email=f"member{index}@{DOMAIN}",
                password=hashed,
                language=pick.choice(["de", "de", "en", ""]),
                date_joined=self.now - timedelta(days=pick.randrange(1, 1500)),
            )
            for index in range(number)
        ]
        self.write_in_batches("accounts", User, users)
        users = list(
            User.objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk").values_list("pk", "email")
        )
        self.write_in_batches(
            "email addresses",
            EmailAddress,
            [EmailAddress(user_id=pk, email=email, verified=True, primary=True) for pk, email in users],
        )
        types = Profile.MemberType.values
        profiles = []
        for index, (pk, _email) in enumerate(users):
            name = f"{pick.choice(FIRST_NAMES)} {pick.choice(LAST_NAMES)}"
            member_type = types[index % len(types)]
            profile = Profile(
                user_id=pk,
                slug=f"mitglied-{index:06d}",
                display_name=name,
                member_type=member_type,
                organisation=f"{pick.choice(WORDS)}{pick.choice(WORDS).lower()} GmbH",
                position=pick.choice(["CEO", "CTO", "Partnerin", "Referent", "Professorin", ""]),
                bio=f"{name} arbeitet an {pick.choice(WORDS)} und {pick.choice(WORDS)}.",
                city=pick.choice(CITIES),
                visibility=pick.choice(VISIBILITIES),
            )
            if member_type == Profile.MemberType.INVESTOR:
                profile.investor_type = pick.choice(Profile.InvestorType.values)
                profile.ticket_min = pick.choice([25_000, 100_000, 500_000])
                profile.ticket_max = profile.ticket_min * pick.choice([4, 10, 20])
            if member_type == Profile.MemberType.FOUNDER:
                profile.startup_name = f"{pick.choice(WORDS)}{pick.choice(WORDS).lower()}"
                profile.startup_stage = pick.choice(Stage.values)
                profile.funding_sought = pick.choice([None, 150_000, 500_000, 1_500_000, 5_000_000])
                profile.founded_in = pick.randrange(2012, self.now.year + 1)
                profile.team_size = pick.randrange(1, 80)
            if member_type == Profile.MemberType.CORPORATE:
                profile.offers_pilots = pick.random() < 0.35
            if member_type == Profile.MemberType.SCIENCE:
                profile.research_field = f"{pick.choice(WORDS)} und {pick.choice(WORDS)}"
            profile.matchmaking = pick.random() < 0.9
            profiles.append(profile)
        self.write_in_batches("profiles", Profile, profiles)
        profile_ids = dict(
            Profile.objects.filter(user_id__in=[pk for pk, _e in users]).values_list("user_id", "pk")
        )
        self.write_in_batches(
            "interests",
            Profile.focus_themes.through,
            [
                Profile.focus_themes.through(profile_id=profile_ids[pk], focustheme_id=theme.pk)
                for pk, _e in users
                for theme in pick.sample(self.themes, pick.randrange(1, 4))
            ],
        )
        self.write_in_batches(
            "working languages",
            Profile.languages.through,
            [
                Profile.languages.through(profile_id=profile_ids[pk], spokenlanguage_id=code)
                for pk, _e in users
                for code in [
                    "de",
                    *(["en"] if pick.random() < 0.4 else []),
                    *(["fr"] if pick.random() < 0.05 else []),
                ]
            ],
        )
        investors = Profile.objects.filter(
            pk__in=profile_ids.values(), member_type=Profile.MemberType.INVESTOR
        )
        self.write_in_batches(
            "investment stages",
            Profile.investment_stages.through,
            [
                Profile.investment_stages.through(profile_id=pk, investmentstage_id=stage)
                for pk in investors.values_list("pk", flat=True)
                for stage in pick.sample(list(InvestmentStage.objects.values_list("pk", flat=True)), 2)
            ],
        )
        founders = Profile.objects.filter(pk__in=profile_ids.values(), member_type=Profile.MemberType.FOUNDER)
        self.write_in_batches(
            "needs",
            Profile.looking_for.through,
            [
                Profile.looking_for.through(profile_id=pk, founderneed_id=need)
                for pk in founders.values_list("pk", flat=True)
                for need in pick.sample(list(FounderNeed.objects.values_list("pk", flat=True)), 2)
            ],
        )
        memberships = []
        for index, (pk, _email) in enumerate(users):
            for position, hub in enumerate(pick.sample(self.hubs, pick.randrange(1, 4))):
                manager = index < 2 * len(self.hubs) and position == 0
                role = Membership.Role.MANAGER if manager else Membership.Role.MEMBER
                memberships.append(Membership(user_id=pk, hub=hub, role=role))
        self.write_in_batches("memberships", Membership, memberships)
        User.objects.filter(memberships__role=Membership.Role.MANAGER, email__endswith=f"@{DOMAIN}").update(
            is_staff=True
        )
        return [pk for pk, _email in users]

    def create_events(self, number, user_ids):
        pick = self.random
        events = []
        # The first SERIES_LENGTH events of every SERIES_EVERY are the weekly dates of a series.
        series = self.create_series((number + SERIES_EVERY - 1) // SERIES_EVERY)
        for index in range(number):
            block, position = divmod(index, SERIES_EVERY)
            start = self.now + timedelta(days=pick.randrange(-730, 365), hours=pick.randrange(8, 20))
            if position < SERIES_LENGTH:
                start = series[block].dates()[position]
            event_format = pick.choice(Event.Format.values)
            mode = pick.choice(
                [Event.RegistrationMode.PORTAL] * 8 + [Event.RegistrationMode.EXTERNAL, "none"]
            )
            events.append(
                Event(
                    title_de=f"{pick.choice(WORDS)}-{pick.choice(['Meetup', 'Pitch Night', 'Workshop', 'Konferenz'])} {index}",
                    slug=f"veranstaltung-{index:06d}",
                    description_de=f"Ein Abend über {pick.choice(WORDS)} und {pick.choice(WORDS)}.",
                    hub=pick.choice(self.hubs),
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
        self.write_in_batches("events", Event, events)
        hosts = dict(Event.objects.filter(slug__startswith="veranstaltung-").values_list("pk", "hub_id"))
        event_ids = list(hosts)
        self.write_in_batches(
            "event themes",
            Event.focus_themes.through,
            [
                Event.focus_themes.through(event_id=pk, focustheme_id=theme.pk)
                for pk in event_ids
                for theme in pick.sample(self.themes, pick.randrange(1, 3))
            ],
        )
        self.write_in_batches(
            "co-hosts",
            Event.cohosts.through,
            [
                Event.cohosts.through(event_id=pk, hub_id=cohost.pk)
                for pk in event_ids
                if pick.random() < 0.15 and (cohost := pick.choice(self.hubs)).pk != hosts[pk]
            ],
        )
        return event_ids

    def create_series(self, number) -> list[EventSeries]:
        pick = self.random
        rules = []
        for _index in range(number):
            first = self.now + timedelta(days=pick.randrange(-730, 365), hours=pick.randrange(8, 20))
            rule = EventSeries(frequency=EventSeries.Frequency.WEEKLY, interval=1, first_start=first)
            rule.until = first + timedelta(weeks=SERIES_LENGTH)
            rule.until = rule.dates()[SERIES_LENGTH - 1]  # in local time, across a change of summer time too
            rules.append(rule)
        return EventSeries.objects.bulk_create(rules, batch_size=1000)

    def create_formats(self, number):
        """`number` formats of the library, each from a past published event with its outcome,
        and run again by up to three other past events."""
        pick = self.random
        past = list(
            Event.objects.filter(
                slug__startswith="veranstaltung-", status=Event.Status.PUBLISHED, end__lt=self.now
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
            for index, ((_pk, title, hub_id, _type), outcome) in enumerate(
                zip(origins, outcomes, strict=True)
            )
        )
        runs = [
            Run(format=format, event_id=outcome.event_id)
            for format, outcome in zip(formats, outcomes, strict=True)
        ]
        for format in formats:
            runs += [
                Run(format=format, event_id=others.pop()) for _run in range(pick.randrange(0, 4)) if others
            ]
        self.write_in_batches("format runs", Run, runs)
        self.write_in_batches(
            "format themes",
            Format.focus_themes.through,
            [
                Format.focus_themes.through(format_id=format.pk, focustheme_id=theme.pk)
                for format in formats
                for theme in pick.sample(self.themes, pick.randrange(1, 3))
            ],
        )

    def create_registrations(self, event_ids, user_ids, per_event):
        pick = self.random
        capacities = dict(
            Event.objects.filter(
                pk__in=event_ids, registration_mode=Event.RegistrationMode.PORTAL
            ).values_list("pk", "capacity")
        )
        registrations = []
        for event_id, capacity in capacities.items():
            for place, user_id in enumerate(pick.sample(user_ids, min(per_event, len(user_ids)))):
                status = Registration.Status.CONFIRMED if place < capacity else Registration.Status.WAITLISTED
                registrations.append(Registration(event_id=event_id, user_id=user_id, status=status))
        self.write_in_batches("registrations", Registration, registrations)

    def create_news(self, number):
        pick = self.random
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
                    published_at=self.now - timedelta(days=pick.randrange(0, 1500), hours=pick.randrange(24)),
                )
            )
        self.write_in_batches("news", News, items)
        news_ids = list(News.objects.filter(slug__startswith="nachricht-").values_list("pk", flat=True))
        self.write_in_batches(
            "news hubs",
            News.hubs.through,
            [
                News.hubs.through(news_id=pk, hub_id=hub.pk)
                for pk in news_ids
                for hub in pick.sample(self.hubs, pick.randrange(0, 3))
            ],
        )

    def create_organisations(self, number, user_ids):
        """Organisations of every kind, curated by a hub (a few by the agency alone), most in
        partnership with one to three hubs, each with up to 60 linked members."""
        pick = self.random
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
                hub=None if index % 20 == 0 else pick.choice(self.hubs),
                status=Organisation.Status.SUBMITTED if index % 25 == 1 else Organisation.Status.PUBLISHED,
            )
            for index in range(number)
        ]
        self.write_in_batches("organisations", Organisation, items)
        ids = list(Organisation.objects.filter(slug__startswith="organisation-").values_list("pk", flat=True))
        self.write_in_batches(
            "organisation themes",
            Organisation.focus_themes.through,
            [
                Organisation.focus_themes.through(organisation_id=pk, focustheme_id=theme.pk)
                for pk in ids
                for theme in pick.sample(self.themes, pick.randrange(1, 4))
            ],
        )
        if levels:
            self.write_in_batches(
                "partnerships",
                Partnership,
                [
                    Partnership(
                        organisation_id=pk,
                        hub_id=hub.pk,
                        level=pick.choice(levels),
                        since=(self.now - timedelta(days=pick.randrange(30, 3000))).date(),
                    )
                    for pk in ids
                    for hub in pick.sample(self.hubs, pick.randrange(0, 4))
                ],
            )
        roles = Affiliation.Role.values
        self.write_in_batches(
            "affiliations",
            Affiliation,
            [
                Affiliation(organisation_id=pk, user_id=user_id, role=pick.choice(roles))
                for pk in ids
                for user_id in pick.sample(user_ids, min(pick.randrange(0, 61), len(user_ids)))
            ],
            ignore_conflicts=True,
        )

    def create_desks(self, per_hub):
        """Guest desk spaces in every hub, booked on most weekdays of the past three months and
        the coming month by founders of other hubs (no founder twice on a day)."""
        pick = self.random
        spaces = [
            DeskSpace(
                hub=hub,
                name_de=f"Coworking {hub.name_de} {number + 1}",
                slug=f"desks-{hub.slug}-{number + 1}",
                address=f"Beispielstraße {number + 1}, {hub.name_de}",
                opening_days=[0, 1, 2, 3, 4],
                opens_at=time_of_day(8),
                closes_at=time_of_day(19),
                desk_count=pick.randrange(2, 7),
                house_rules_de="Bitte am Empfang melden.",
            )
            for hub in self.hubs
            for number in range(per_hub)
        ]
        self.write_in_batches("desk spaces", DeskSpace, spaces)
        spaces = list(DeskSpace.objects.filter(slug__startswith="desks-").select_related("hub"))
        hubs_of = {}
        for user_id, hub_id in Membership.objects.filter(
            user__profile__member_type=Profile.MemberType.FOUNDER
        ).values_list("user_id", "hub_id"):
            hubs_of.setdefault(user_id, set()).add(hub_id)
        founders = sorted(hubs_of)
        if not founders:
            return
        today = self.now.date()
        bookings = []
        for offset in range(-90, 31):
            day = today + timedelta(days=offset)
            if day.weekday() > 4:
                continue
            booked_today = set()
            for space in spaces:
                for _desk in range(pick.randrange(0, space.desk_count + 1)):
                    user_id = pick.choice(founders)
                    if space.hub_id in hubs_of[user_id] or user_id in booked_today:
                        continue
                    booked_today.add(user_id)
                    status = DeskBooking.Status.BOOKED
                    if pick.random() < 0.08:
                        status = DeskBooking.Status.CANCELLED
                    elif day < today and pick.random() < 0.05:
                        status = DeskBooking.Status.NO_SHOW
                    bookings.append(DeskBooking(space=space, user_id=user_id, day=day, status=status))
        self.write_in_batches("desk bookings", DeskBooking, bookings)

    def create_introductions(self, number, user_ids):
        """Introductions over the last year, in every state, reviewed by a hub (a few by the
        agency); an outcome from one or both sides of most accepted ones."""
        pick = self.random
        Status = Introduction.Status
        statuses = (
            [Status.ACCEPTED] * 4
            + [Status.DECLINED] * 2
            + [Status.DECLINED_BY_HUB, Status.EXPIRED, Status.WITHDRAWN]
        )
        open_statuses = [Status.REQUESTED, Status.MORE_INFO, Status.APPROVED]
        items = []
        for index in range(number):
            requester, recipient = pick.sample(user_ids, 2)
            created = self.now - timedelta(days=pick.randrange(0, 365), minutes=pick.randrange(0, 1440))
            status = (
                pick.choice(open_statuses)
                if created > self.now - timedelta(days=12)
                else pick.choice(statuses)
            )
            approved = (
                created + timedelta(days=1)
                if status in (Status.APPROVED, Status.ACCEPTED, Status.DECLINED)
                else None
            )
            answered = created + timedelta(days=3) if status in (Status.ACCEPTED, Status.DECLINED) else None
            items.append(
                Introduction(
                    requester_id=requester,
                    recipient_id=recipient,
                    hub=None if index % 25 == 0 else pick.choice(self.hubs),
                    note=f"Wir würden gern über {pick.choice(WORDS)} sprechen.",
                    status=status,
                    created=created,
                    waiting_since=answered or approved or created,
                    approved=approved,
                    answered=answered,
                    outcome_asked=bool(answered and answered < self.now - timedelta(days=30)),
                )
            )
        self.write_in_batches("introductions", Introduction, items, ignore_conflicts=True)
        answers = Outcome.Answer.values
        self.write_in_batches(
            "outcomes",
            Outcome,
            [
                Outcome(introduction_id=pk, member_id=member, answer=pick.choice(answers))
                for pk, requester, recipient in Introduction.objects.filter(
                    status=Status.ACCEPTED, outcome_asked=True
                ).values_list("pk", "requester_id", "recipient_id")
                for member in (requester, recipient)
                if pick.random() < 0.6
            ],
        )

    def count(self):
        """The stored counts, in one statement each (bulk_create sends no signals)."""

        def counted(model, relation, **conditions):
            rows = model.objects.filter(**{relation: OuterRef("pk")}, **conditions).values(relation)
            return Coalesce(Subquery(rows.annotate(number=Count("pk")).values("number")), 0)

        Event.objects.update(
            attendee_count=counted(Registration, "event", status=Registration.Status.CONFIRMED),
            waitlist_count=counted(Registration, "event", status=Registration.Status.WAITLISTED),
        )
        Hub.objects.update(member_count=counted(Membership, "hub"))

    def write_in_batches(self, label, model, rows, **options):
        total = len(rows)
        for offset in range(0, total, BATCH):
            model.objects.bulk_create(rows[offset : offset + BATCH], **options)
            done = min(offset + BATCH, total)
            bar = "#" * (30 * done // total)
            self.stdout.write(f"\r{label:<20} [{bar:<30}] {done}/{total}", ending="")
            self.stdout.flush()
        self.stdout.write("")
        if total == 0:
            self.stdout.write(f"{label:<20} none", ending="\n")
        sys.stdout.flush()
