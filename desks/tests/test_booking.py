"""Founders book desks in other hubs: the rules, the limits, the emails, cancelling."""

import html
import re
import threading
from datetime import time, timedelta
from io import StringIO

import icalendar
import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from desks import services
from desks.models import DeskBooking
from members.models import Profile

from .factories import DeskBookingFactory, DeskSpaceFactory, founder_in

pytestmark = pytest.mark.django_db


def in_days(number):
    return timezone.localdate() + timedelta(days=number)


@pytest.fixture
def berlin_space(other_hub):
    return DeskSpaceFactory(hub=other_hub, slug="spree-coworking", name_de="Spree Coworking", desk_count=2)


@pytest.fixture
def founder(hub):
    """A founder of the Hamburg hub, who may book in the other hubs."""
    return founder_in(hub)


def book(client, space, first, last=None):
    data = {"first": first.isoformat() if hasattr(first, "isoformat") else first}
    if last is not None:
        data["last"] = last.isoformat() if hasattr(last, "isoformat") else last
    return client.post(reverse("desks:book", args=[space.slug]), data)


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].non_field_errors()) + " ".join(
        str(error) for field in response.context["form"] for error in field.errors
    )


def test_a_founder_books_a_desk_in_another_hub_and_gets_the_confirmation(
    client, founder, berlin_space, django_capture_on_commit_callbacks
):
    client.force_login(founder)

    with django_capture_on_commit_callbacks(execute=True):
        response = book(client, berlin_space, in_days(2))

    booking = DeskBooking.objects.get()
    assert response.status_code == 302
    assert (booking.user, booking.space, booking.day, booking.status) == (
        founder,
        berlin_space,
        in_days(2),
        DeskBooking.Status.BOOKED,
    )
    (message,) = mail.outbox
    assert message.to == [founder.email]
    assert "Spree Coworking" in message.subject
    assert "Bitte am Empfang melden." in message.body
    (filename, calendar, mimetype) = message.attachments[0]
    assert (filename, mimetype) == ("desk.ics", "text/calendar")
    assert f"DTSTART;TZID=Europe/Berlin:{in_days(2):%Y%m%d}T090000" in calendar
    (entry,) = icalendar.Calendar.from_ical(calendar).walk("VEVENT")
    assert entry["location"] == berlin_space.address
    assert "Bitte am Empfang melden." in entry["description"]


def test_a_range_books_every_opening_day_and_skips_the_closed_ones(client, founder, berlin_space):
    berlin_space.opening_days = [0, 1, 2, 3, 4]
    berlin_space.save()
    monday = in_days(7 - timezone.localdate().weekday())  # next Monday
    client.force_login(founder)

    book(client, berlin_space, monday, monday + timedelta(days=6))

    assert list(DeskBooking.objects.values_list("day", flat=True)) == [
        monday + timedelta(days=n) for n in range(5)
    ]


def test_the_dashboard_and_the_space_show_the_founders_bookings(client, founder, berlin_space):
    client.force_login(founder)
    book(client, berlin_space, in_days(2))

    dashboard = client.get(reverse("members:dashboard")).content.decode()
    space_page = client.get(berlin_space.get_absolute_url()).content.decode()

    assert (
        "Spree Coworking" in dashboard
        and reverse("desks:cancel", args=[DeskBooking.objects.get().pk]) in dashboard
    )
    assert "Ihre Buchungen hier" in space_page


def refusal_link(page):
    """The address of the step a refusal on the page leads to."""
    link = re.search(r'class="refusal">.*?<a class="button" href="([^"]+)">', page, re.S)
    return html.unescape(link[1]) if link else None


@pytest.mark.parametrize(
    ("who", "reason", "next_step"),
    [
        ("unverified", "bestätigen Sie zuerst Ihre E-Mail-Adresse", "/accounts/email/"),
        (
            "investor",
            "Die Start-up Card ist für Gründerinnen und Gründer",
            "/members/me/profile/?next=/desks/spree-coworking/#id_member_type",
        ),
        (
            "no_startup_name",
            "Die Start-up Card ist für Gründerinnen und Gründer",
            "/members/me/profile/?next=/desks/spree-coworking/#id_startup_name",
        ),
        ("no_hub", "Treten Sie zuerst Ihrem eigenen Hub bei", "/hubs/"),
        ("own_hub", "gehört zu Ihrem eigenen Hub", "/desks/"),
    ],
)
def test_who_may_not_book_learns_why_and_what_to_do(
    client, hub, other_hub, berlin_space, who, reason, next_step
):
    user = founder_in(other_hub if who == "own_hub" else hub)
    if who == "unverified":
        EmailAddress.objects.filter(user=user).update(verified=False)
    elif who == "investor":
        Profile.objects.filter(user=user).update(member_type=Profile.MemberType.INVESTOR)
    elif who == "no_startup_name":
        Profile.objects.filter(user=user).update(startup_name="")
    elif who == "no_hub":
        user.memberships.all().delete()
    client.force_login(user)

    page = client.get(berlin_space.get_absolute_url()).content.decode()
    response = book(client, berlin_space, in_days(2))

    assert reason in page
    assert refusal_link(page) == next_step
    assert client.get(next_step).status_code == 200
    assert "free-days__pick" not in page  # no day looks pickable when nobody can book it
    assert response.status_code == 200
    assert reason in form_errors(response)
    assert not DeskBooking.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in_and_come_back(client, berlin_space):
    page = client.get(berlin_space.get_absolute_url()).content.decode()
    response = book(client, berlin_space, in_days(2))

    assert "Zum Buchen anmelden" in page
    assert refusal_link(page) == f"{reverse('account_login')}?next=/desks/spree-coworking/"
    assert response.url.startswith(reverse("account_login"))


def test_a_founder_picks_a_free_day_and_the_form_holds_it(client, founder, berlin_space):
    client.force_login(founder)
    day = next(day for day in (in_days(number) for number in range(1, 8)) if berlin_space.is_open_on(day))

    page = client.get(berlin_space.get_absolute_url()).content.decode()
    picked = client.get(berlin_space.get_absolute_url(), {"day": day.isoformat()})

    assert f'href="/desks/spree-coworking/?day={day.isoformat()}#book-title"' in page
    assert picked.context["form"].initial == {"first": day, "last": day}
    assert book(client, berlin_space, day).status_code == 302
    assert list(DeskBooking.objects.values_list("day", flat=True)) == [day]


@pytest.mark.parametrize("day", ["gestern", "2020-01-01", "9999-99-99", ""])
def test_a_day_that_cannot_be_picked_leaves_the_form_at_today(client, founder, berlin_space, day):
    client.force_login(founder)

    response = client.get(berlin_space.get_absolute_url(), {"day": day})

    assert response.status_code == 200
    assert response.context["form"].initial == {"first": timezone.localdate(), "last": None}


def test_a_switched_off_space_takes_no_bookings(client, founder, berlin_space, other_manager):
    berlin_space.active = False
    berlin_space.save()
    client.force_login(founder)

    assert client.get(berlin_space.get_absolute_url()).status_code == 404
    assert book(client, berlin_space, in_days(2)).status_code == 404
    client.force_login(other_manager)
    assert client.get(berlin_space.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("", None, "first"),
        ("kein Datum", None, "first"),
        (-1, None, "ab heute"),
        (3, 1, "nicht vor dem ersten"),
        (61, None, "60 Tage im Voraus"),
        (1, 14, "höchstens 10 Tage"),
    ],
)
def test_bad_dates_are_explained_and_kept(client, founder, berlin_space, first, last, message):
    client.force_login(founder)
    first_value = in_days(first) if isinstance(first, int) else first
    last_value = in_days(last) if isinstance(last, int) else last

    response = book(client, berlin_space, first_value, last_value)

    assert response.status_code == 200
    if message == "first":
        assert "first" in response.context["form"].errors
    else:
        assert message in form_errors(response)
    if not isinstance(first_value, str):  # a date the picker could show is kept
        assert f'value="{first_value.isoformat()}"' in response.content.decode()
    assert not DeskBooking.objects.exists()


def test_a_full_day_is_refused_with_its_date(client, founder, berlin_space, hub):
    for name in ["Erste", "Zweiter"]:
        DeskBookingFactory(space=berlin_space, user=founder_in(hub, name=name), day=in_days(2))
    client.force_login(founder)

    response = book(client, berlin_space, in_days(1), in_days(3))

    assert "Kein Schreibtisch ist frei am" in form_errors(response)
    assert DeskBooking.objects.filter(user=founder).count() == 0  # all or nothing


def test_a_founder_has_one_desk_a_day_wherever(client, founder, berlin_space, other_hub):
    other_space = DeskSpaceFactory(hub=other_hub)
    client.force_login(founder)
    book(client, berlin_space, in_days(2))

    response = book(client, other_space, in_days(2))

    assert "Sie haben bereits einen Schreibtisch am" in form_errors(response)
    assert DeskBooking.objects.count() == 1


def test_the_monthly_fair_use_limit_counts_no_shows_but_not_cancellations(
    client, founder, berlin_space, settings
):
    settings.DESK_DAYS_PER_MONTH = 3
    first_of_next_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    DeskBookingFactory(
        space=berlin_space, user=founder, day=first_of_next_month, status=DeskBooking.Status.NO_SHOW
    )
    DeskBookingFactory(
        space=berlin_space,
        user=founder,
        day=first_of_next_month + timedelta(days=1),
        status=DeskBooking.Status.CANCELLED,
    )
    client.force_login(founder)

    too_many = book(
        client, berlin_space, first_of_next_month + timedelta(days=1), first_of_next_month + timedelta(days=3)
    )
    enough = book(
        client, berlin_space, first_of_next_month + timedelta(days=1), first_of_next_month + timedelta(days=2)
    )

    assert "3 Schreibtisch-Tage im Monat" in form_errors(too_many)
    assert enough.status_code == 302
    assert DeskBooking.objects.holding().filter(user=founder).count() == 3


def test_a_founder_cancels_until_the_day_before(client, founder, berlin_space):
    tomorrow = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(1))
    today = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(0))
    client.force_login(founder)

    client.post(reverse("desks:cancel", args=[tomorrow.pk]))
    response = client.post(reverse("desks:cancel", args=[today.pk]), follow=True)

    tomorrow.refresh_from_db()
    today.refresh_from_db()
    assert tomorrow.status == DeskBooking.Status.CANCELLED
    assert today.status == DeskBooking.Status.BOOKED
    assert any("bis zum Vortag" in str(message) for message in response.context["messages"])


def test_nobody_cancels_someone_elses_booking(client, member, berlin_space, founder):
    booking = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(3))
    client.force_login(member)

    assert client.post(reverse("desks:cancel", args=[booking.pk])).status_code == 404
    booking.refresh_from_db()
    assert booking.status == DeskBooking.Status.BOOKED


def test_a_cancelled_desk_is_free_again(client, founder, berlin_space, hub):
    berlin_space.desk_count = 1
    berlin_space.save()
    booking = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(3))
    client.force_login(founder)
    client.post(reverse("desks:cancel", args=[booking.pk]))
    other = founder_in(hub, name="Zweite Gründerin")
    client.force_login(other)

    assert book(client, berlin_space, in_days(3)).status_code == 302


def test_reminders_go_out_once_the_day_before(berlin_space, founder, django_capture_on_commit_callbacks):
    booking = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(1))
    DeskBookingFactory(space=berlin_space, day=in_days(1), status=DeskBooking.Status.CANCELLED)
    DeskBookingFactory(space=berlin_space, day=in_days(2))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_reminders", stdout=StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_reminders", stdout=StringIO())

    assert [message.to for message in mail.outbox] == [[founder.email]]
    assert "Spree Coworking" in mail.outbox[0].subject
    assert "Bitte am Empfang melden." in mail.outbox[0].body
    booking.refresh_from_db()
    assert booking.reminded


def test_old_bookings_lose_the_member_but_keep_counting(berlin_space, founder, settings):
    settings.DESK_BOOKING_RETENTION_DAYS = 90
    old = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(-91))
    recent = DeskBookingFactory(space=berlin_space, user=founder, day=in_days(-89))

    call_command("remove_members_from_old_desk_bookings", stdout=StringIO())

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.user is None and old.status == DeskBooking.Status.BOOKED
    assert recent.user == founder


def test_the_hub_page_shows_its_desks_and_next_free_days(client, berlin_space, other_hub, hub):
    DeskBookingFactory(space=berlin_space, day=in_days(0))
    DeskBookingFactory(space=berlin_space, day=in_days(0))

    text = client.get(other_hub.get_absolute_url()).content.decode()

    assert "Spree Coworking" in text
    assert f'<time datetime="{in_days(0).isoformat()}">' in text
    assert "belegt" in text  # today is full
    assert "Spree Coworking" not in client.get(hub.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_bookings_never_overbook(hub, other_hub):
    space = DeskSpaceFactory(hub=other_hub, desk_count=3, opens_at=time(8), closes_at=time(20))
    founders = [founder_in(hub, name=f"Gründerin {number}") for number in range(50)]
    day = in_days(5)
    barrier = threading.Barrier(len(founders))
    refused, errors = [], []

    def book_at_once(user):
        try:
            barrier.wait()
            services.book_desks(space=space, user=user, first=day, last=day)
        except services.DeskError:
            refused.append(user)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book_at_once, args=[user]) for user in founders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert DeskBooking.objects.filter(space=space, day=day).count() == 3
    assert len(refused) == 47
