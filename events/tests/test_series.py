"""Series: an event on several dates (weekly, every n weeks, monthly on the n-th or last
weekday), each date its own event; created with exceptions, moved one at a time or changed
from a date on, reviewed as one, listed once, and given to calendars as one rule."""

from datetime import date, datetime, timedelta

import icalendar
import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from events import services
from events.models import CalendarToken, Event, EventSeries

from .factories import EventFactory
from .test_workflow import event_data

pytestmark = pytest.mark.django_db


def first_tuesday(months_ahead: int = 2) -> date:
    today = timezone.localdate()
    month = today.month - 1 + months_ahead
    first = date(today.year + month // 12, month % 12 + 1, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7)


def at(day: date, hour: int = 18) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def series_data(hub, *, first: date, **series):
    data = event_data(
        hub,
        title_de="Pitch Night",
        description_de="Start-ups pitchen.",
        start=f"{first.isoformat()}T18:00",
        end=f"{first.isoformat()}T21:00",
    )
    return {**data, **{f"series-{name}": value for name, value in series.items()}}


def create(client, user, hub, *, first=None, submit=True, **series):
    client.force_login(user)
    first = first or first_tuesday()
    data = series_data(hub, first=first, **{"frequency": "monthly", "interval": "1", "count": "6", **series})
    return client.post(reverse("events:create"), {**data, "submit": "1"} if submit else data)


def dates_of(series) -> list[datetime]:
    return list(series.occurrences.order_by("start").values_list("start", flat=True))


def test_the_rule_gives_the_dates_and_says_them_in_words():
    first = at(first_tuesday())
    monthly = EventSeries(
        frequency="monthly", interval=1, first_start=first, until=first + timedelta(days=200)
    )
    fortnightly = EventSeries(
        frequency="weekly", interval=2, first_start=first, until=first + timedelta(days=42)
    )
    last = at(first_tuesday() + timedelta(days=21 if (first_tuesday() + timedelta(days=28)).day <= 7 else 28))
    last_friday = EventSeries(
        frequency="monthly_last", interval=1, first_start=last, until=last + timedelta(days=70)
    )

    assert all(start.weekday() == 1 and start.day <= 7 for start in monthly.dates())
    assert all(timezone.localtime(start).hour == 18 for start in monthly.dates())  # summer time or not
    assert [start - first for start in fortnightly.dates()] == [
        timedelta(days=days) for days in (0, 14, 28, 42)
    ]
    assert all((start + timedelta(days=7)).month != start.month for start in last_friday.dates())
    assert monthly.describe() == "jeden ersten Dienstag im Monat"
    assert fortnightly.describe() == "alle 2 Wochen am Dienstag"
    assert last_friday.describe() == "jeden letzten Dienstag im Monat"
    with translation.override("en"):
        assert monthly.describe() == "every first Tuesday of the month"
        assert fortnightly.describe() == "every 2 weeks on Tuesday"


@pytest.mark.parametrize(
    ("series", "field", "message"),
    [
        ({"until": -1}, "until", "Der letzte Termin kann nicht vor dem ersten liegen."),
        ({"until": 800}, "until", "Eine Serie kann höchstens zwei Jahre umfassen."),
        ({"frequency": "weekly", "until": 500}, "until", "Eine Serie kann höchstens 60 Termine haben."),
        ({"fifth": True}, "frequency", "Nicht jeder Monat hat einen fünften"),
    ],
)
def test_the_rule_refuses_what_a_calendar_could_not_keep(series, field, message):
    first = at(first_tuesday())
    if series.pop("fifth", False):
        first = next(
            at(day) for day in (first_tuesday(n) + timedelta(days=28) for n in range(2, 14)) if day.day > 28
        )
    rule = EventSeries(
        frequency=series.get("frequency", "monthly"),
        interval=1,
        first_start=first,
        until=first + timedelta(days=series.get("until", 100)),
    )

    with pytest.raises(ValidationError) as refused:
        rule.full_clean()

    assert message in " ".join(refused.value.message_dict[field])


def test_the_database_refuses_a_date_outside_its_series_and_a_rule_backwards():
    first = at(first_tuesday())
    with pytest.raises(IntegrityError):
        EventSeries.objects.create(
            frequency="weekly", interval=1, first_start=first, until=first - timedelta(days=1)
        )


def test_the_database_refuses_a_series_date_without_its_place_in_the_rule():
    first = at(first_tuesday())
    series = EventSeries.objects.create(frequency="weekly", interval=1, first_start=first, until=first)
    with pytest.raises(IntegrityError):
        EventFactory(series=series, occurrence_start=None)


def test_a_manager_creates_a_monthly_series_with_an_exception(client, manager, hub):
    first = first_tuesday()
    third = first_tuesday(4)

    response = create(client, manager, hub, first=first, skipped=third.strftime("%d.%m.%Y"))

    series = EventSeries.objects.get()
    assert response.status_code == 302
    assert len(series.dates()) == 6
    starts = dates_of(series)
    assert [timezone.localdate(start) for start in starts] == [
        timezone.localdate(start) for start in series.dates() if timezone.localdate(start) != third
    ]
    assert {event.status for event in series.occurrences.all()} == {Event.Status.SUBMITTED}
    assert len({event.slug for event in series.occurrences.all()}) == 5
    assert len(mail.outbox) == 1  # the hub is told once
    assert "jeden ersten Dienstag im Monat" in mail.outbox[0].body


def test_publishing_a_date_publishes_the_series_and_tells_the_organiser_once(client, member, manager, hub):
    create(client, member, hub)
    mail.outbox.clear()
    first = Event.objects.order_by("start").first()
    client.force_login(manager)

    client.post(reverse("events:publish", args=[first.slug]))

    assert set(Event.objects.values_list("status", flat=True)) == {Event.Status.PUBLISHED}
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_the_admin_queue_shows_a_series_as_one_row_with_its_rule_and_dates(client, member, manager, hub):
    create(client, member, hub)
    EventFactory(hub=hub, title_de="Einzeltermin", status=Event.Status.SUBMITTED)
    first = Event.objects.filter(series__isnull=False).order_by("start").first()
    client.force_login(manager)

    response = client.get(reverse("admin:events_eventforreview_changelist"))

    rows = list(response.context["cl"].result_list)
    assert sorted(str(row) for row in rows) == ["Einzeltermin", "Pitch Night"]
    series_row = next(row for row in rows if row.series_id)
    assert series_row.pk == first.pk and series_row.awaiting_dates == 6
    page = response.content.decode()
    assert "jeden ersten Dienstag im Monat" in page
    assert f"Pitch Night · {date_format(timezone.localtime(first.start), 'SHORT_DATETIME_FORMAT')}" in page


def test_publishing_a_series_in_the_admin_counts_its_dates(client, member, manager, hub):
    create(client, member, hub)
    first = Event.objects.order_by("start").first()
    client.force_login(manager)

    response = client.post(
        reverse("admin:events_eventforreview_changelist"),
        {"action": "publish_events", "_selected_action": [first.pk]},
        follow=True,
    )

    assert set(Event.objects.values_list("status", flat=True)) == {Event.Status.PUBLISHED}
    assert "6 Termine veröffentlicht" in response.content.decode()


def test_the_organiser_of_a_series_awaiting_review_sees_its_dates(client, member, hub):
    create(client, member, hub)
    first, *later = Event.objects.order_by("start")

    page = client.get(first.get_absolute_url()).content.decode()

    assert "Keine weiteren Termine." not in page
    for other_date in later[:5]:
        assert other_date.get_absolute_url() in page


def test_another_hubs_manager_cannot_publish_the_series(client, member, other_manager, hub):
    create(client, member, hub)
    client.force_login(other_manager)

    response = client.post(reverse("events:publish", args=[Event.objects.first().slug]))

    assert response.status_code == 404
    assert set(Event.objects.values_list("status", flat=True)) == {Event.Status.SUBMITTED}


def test_a_series_counts_once_against_a_new_organisers_limit(client, member, hub):
    create(client, member, hub)

    response = client.post(reverse("events:create"), {**event_data(hub, title_de="Einzeln"), "submit": "1"})

    assert response.status_code == 302
    assert Event.objects.get(title_de="Einzeln").status == Event.Status.SUBMITTED


@pytest.mark.parametrize(
    ("series", "field", "message"),
    [
        ({"until": "2027-01-01", "count": "4"}, "count", "nicht beides"),
        ({"count": ""}, "until", "Geben Sie den letzten Termin"),
        ({"count": "61"}, "count", "kleiner oder gleich 60"),
        ({"skipped": "morgen"}, "skipped", "„morgen“ ist kein Datum"),
        ({"skipped": "01.01.2020"}, "skipped", "01.01.2020 ist kein Termin dieser Serie."),
        ({"frequency": "daily"}, "frequency", "keine gültige Auswahl"),
        ({"interval": "13"}, "interval", "kleiner oder gleich 12"),
    ],
)
def test_a_bad_series_is_a_form_error_that_keeps_what_was_typed(client, member, hub, series, field, message):
    response = create(client, member, hub, **series)

    assert response.status_code == 200
    form = response.context["series_form"]
    assert message in " ".join(form.errors[field])
    for name, value in series.items():
        assert form[name].value() == value
    assert response.context["form"]["title_de"].value() == "Pitch Night"
    assert not Event.objects.exists()


def published_series(client, manager, hub, **series):
    create(client, manager, hub, **series)
    services.publish_event(event=Event.objects.order_by("start").first(), moderator=manager)
    return EventSeries.objects.get()


def test_moving_only_this_date_keeps_its_place_in_the_series(client, manager, hub):
    series = published_series(client, manager, hub)
    second = series.occurrences.order_by("start")[1]
    moved = timezone.localtime(second.start) + timedelta(days=1)

    client.post(
        reverse("events:edit", args=[second.slug]),
        {
            **series_data(hub, first=moved.date()),
            "start": moved.strftime("%Y-%m-%dT%H:%M"),
            "end": (moved + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "scope": "this",
        },
    )

    second.refresh_from_db()
    assert second.is_moved and second.start == moved and second.series == series
    assert timezone.localtime(second.occurrence_start).weekday() == 1
    assert [start.weekday() for start in dates_of(series)].count(2) == 1
    page = client.get(second.get_absolute_url()).content.decode()
    assert "Verlegt vom" in page


def test_changing_this_and_the_following_dates_splits_the_series(client, manager, hub):
    series = published_series(client, manager, hub)
    dates = list(series.occurrences.order_by("start"))
    third = dates[2]
    later = timezone.localtime(third.start).replace(hour=19)

    response = client.post(
        reverse("events:edit", args=[third.slug]),
        {
            **series_data(hub, first=later.date()),
            "title_de": "Pitch Night XL",
            "start": later.strftime("%Y-%m-%dT%H:%M"),
            "end": (later + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "scope": "following",
        },
    )

    assert response.status_code == 302
    for event in dates:
        event.refresh_from_db()
    assert [event.title for event in dates] == ["Pitch Night"] * 2 + ["Pitch Night XL"] * 4
    assert [timezone.localtime(event.start).hour for event in dates] == [18, 18, 19, 19, 19, 19]
    series.refresh_from_db()
    rest = dates[2].series
    assert rest != series and series.dates() == [dates[0].start, dates[1].start]
    assert rest.dates() == [event.start for event in dates[2:]]
    assert all(event.status == Event.Status.PUBLISHED for event in dates)  # a manager's change


def test_this_and_the_following_dates_cannot_change_their_day(client, manager, hub):
    series = published_series(client, manager, hub)
    second = series.occurrences.order_by("start")[1]
    moved = timezone.localtime(second.start) + timedelta(days=1)

    response = client.post(
        reverse("events:edit", args=[second.slug]),
        {
            **series_data(hub, first=moved.date()),
            "start": moved.strftime("%Y-%m-%dT%H:%M"),
            "end": (moved + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "scope": "following",
        },
    )

    assert response.status_code == 200
    assert "nur ihre Uhrzeit" in " ".join(response.context["form"].errors["start"])
    assert response.context["form"]["start"].value() == moved.strftime("%Y-%m-%dT%H:%M")
    assert not Event.objects.filter(start=moved).exists()


def test_the_organiser_edits_only_their_own_series(client, member, other_member, hub):
    create(client, member, hub)
    event = Event.objects.order_by("start").first()
    client.force_login(other_member)

    response = client.post(reverse("events:edit", args=[event.slug]), {"scope": "following"})

    assert response.status_code == 404


def test_cancelling_this_and_the_following_dates_tells_everyone_registered(client, manager, member, hub):
    series = published_series(client, manager, hub)
    dates = list(series.occurrences.order_by("start"))
    for event in dates:
        services.register_for_event(event=event, user=member)
    mail.outbox.clear()
    client.force_login(manager)

    client.post(reverse("events:cancel", args=[dates[3].slug]), {"scope": "following"})

    statuses = [event.status for event in series.occurrences.order_by("start")]
    assert statuses == [Event.Status.PUBLISHED] * 3 + [Event.Status.CANCELLED] * 3
    assert len(mail.outbox) == 3


def test_lists_show_a_series_once_by_its_next_date(client, manager, hub):
    published_series(client, manager, hub)
    EventFactory(hub=hub, title_de="Einzeln")
    client.logout()

    listed = client.get(reverse("events:list"))
    hub_page = client.get(reverse("hubs:detail", args=[hub.slug])).content.decode()
    home = client.get(reverse("home")).content.decode()

    titles = [event.title for event in listed.context["events"]]
    assert sorted(titles) == ["Einzeln", "Pitch Night"]
    assert "Jeden ersten Dienstag im Monat" in listed.content.decode()
    assert hub_page.count("Pitch Night") == 1
    assert home.count(">Pitch Night<") <= 1


def test_when_the_next_date_is_cancelled_the_list_shows_the_one_after(client, manager, hub):
    series = published_series(client, manager, hub)
    dates = list(series.occurrences.order_by("start"))
    services.cancel_event(event=dates[0], user=manager)

    listed = list(client.get(reverse("events:list")).context["events"])

    assert [event.pk for event in listed] == [dates[1].pk]


def test_a_dates_page_lists_the_next_dates_and_the_series_address_leads_to_the_next(client, manager, hub):
    series = published_series(client, manager, hub)
    dates = list(series.occurrences.order_by("start"))

    page = client.get(dates[0].get_absolute_url()).content.decode()

    assert "Termine dieser Serie" in page
    for event in dates[1:]:
        assert event.get_absolute_url() in page
    assert client.get(reverse("events:series", args=[series.pk])).url == dates[0].get_absolute_url()
    assert client.get(reverse("events:series", args=[series.pk + 1])).status_code == 404


def test_an_unpublished_series_has_no_public_address(client, member, hub):
    create(client, member, hub)
    series = EventSeries.objects.get()

    assert client.get(reverse("events:series", args=[series.pk])).status_code == 404


def occurrences_by_second_parser(content: bytes) -> dict[datetime, str]:
    calendar = icalendar.Calendar.from_ical(content)
    found = recurring_ical_events.of(calendar).between(datetime(2000, 1, 1), datetime(2100, 1, 1))
    return {entry["DTSTART"].dt: str(entry["SUMMARY"]) for entry in found}


def occurrences_by_rule(content: bytes) -> dict[datetime, str]:
    """The same calendar read by hand: the rule less EXDATE, with each RECURRENCE-ID's date."""
    entries = icalendar.Calendar.from_ical(content).walk("VEVENT")
    found = {}
    for entry in entries:
        if "RRULE" in entry:
            rule = rrulestr(entry["RRULE"].to_ical().decode(), dtstart=entry["DTSTART"].dt)
            skipped = {
                exdate.dt for line in ([entry["EXDATE"]] if "EXDATE" in entry else []) for exdate in line.dts
            }
            found |= {start: str(entry["SUMMARY"]) for start in rule if start not in skipped}
    for entry in entries:
        if "RECURRENCE-ID" in entry:
            del found[entry["RECURRENCE-ID"].dt]
            found[entry["DTSTART"].dt] = str(entry["SUMMARY"])
        elif "RRULE" not in entry:
            found[entry["DTSTART"].dt] = str(entry["SUMMARY"])
    return found


def test_calendars_give_a_series_as_one_rule_with_its_exceptions_and_moved_dates(client, manager, hub):
    third = first_tuesday(4)
    series = published_series(client, manager, hub, skipped=third.strftime("%d.%m.%Y"))
    dates = list(series.occurrences.order_by("start"))
    services.update_event(
        event=dates[1],
        editor=manager,
        changes={"start": dates[1].start + timedelta(days=1), "end": dates[1].end + timedelta(days=1)},
    )
    services.update_event(event=dates[3], editor=manager, changes={"title_de": "Pitch Night: Finale"})
    services.cancel_event(event=dates[4], user=manager)
    EventFactory(hub=hub, title_de="Einzeln")

    for path in ("/events/calendar.ics", f"/hubs/{hub.slug}/calendar.ics"):
        content = client.get(path).content
        entries = icalendar.Calendar.from_ical(content).walk("VEVENT")
        main = next(entry for entry in entries if "RRULE" in entry)
        assert main["RRULE"]["FREQ"] == ["MONTHLY"] and main["RRULE"]["BYDAY"] == ["1TU"]
        assert len([entry for entry in entries if "RECURRENCE-ID" in entry]) == 2  # moved, renamed
        expected = {
            timezone.localtime(event.start): event.title
            for event in Event.objects.published().order_by("start")
        }
        assert occurrences_by_second_parser(content) == expected
        assert occurrences_by_rule(content) == expected
        assert len(expected) == 5  # six by the rule, one left out, one cancelled, one single


def test_a_members_own_calendar_gives_the_dates_they_chose(client, manager, member, hub):
    series = published_series(client, manager, hub)
    chosen = series.occurrences.order_by("start")[2]
    services.register_for_event(event=chosen, user=member)
    services.renew_calendar_token(user=member)
    token = CalendarToken.objects.get(user=member).token

    content = client.get(reverse("events:personal_calendar", args=[token])).content

    entries = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert [(entry["DTSTART"].dt, "RRULE" in entry) for entry in entries] == [
        (timezone.localtime(chosen.start), False)
    ]


def test_a_calendar_changes_when_a_date_of_a_series_beyond_its_window_changes(client, manager, hub):
    published_series(client, manager, hub, frequency="weekly", count="60")
    last = Event.objects.order_by("start").last()
    assert last.start > timezone.now() + timedelta(days=365)  # beyond the calendar's year
    before = client.get("/events/calendar.ics")

    services.update_event(event=last, editor=manager, changes={"title_de": "Letzte Sprechstunde"})

    after = client.get("/events/calendar.ics", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert b"Letzte Sprechstunde" in after.content


def test_a_list_filtered_to_later_days_shows_the_series_by_its_first_date_among_them(client, manager, hub):
    series = published_series(client, manager, hub)
    dates = list(series.occurrences.order_by("start"))
    client.logout()

    later = client.get(reverse("events:list"), {"date_from": timezone.localdate(dates[2].start).isoformat()})

    assert [event.pk for event in later.context["events"]] == [dates[2].pk]
