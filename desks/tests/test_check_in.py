"""The hub's managers: the check-in list of a day (page, print, CSV), no-shows, and the counts
per hub and month; and the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from desks.models import DeskBooking, DeskSpace

from .factories import DeskBookingFactory, DeskSpaceFactory, founder_in

pytestmark = pytest.mark.django_db


def in_days(number):
    return timezone.localdate() + timedelta(days=number)


@pytest.fixture
def space(hub):
    """Hamburg's space, booked by founders of Berlin."""
    return DeskSpaceFactory(hub=hub, slug="hafen-coworking", name_de="Hafen Coworking", desk_count=4)


@pytest.fixture
def guests(space, other_hub):
    today = [founder_in(other_hub, name=name) for name in ["Berta Gast", "Carl Gast"]]
    for user in today:
        DeskBookingFactory(space=space, user=user, day=in_days(0))
    DeskBookingFactory(space=space, user=founder_in(other_hub, name="Dora Später"), day=in_days(1))
    DeskBookingFactory(
        space=space, user=founder_in(other_hub, name="Emil Storniert"), day=in_days(0), status="cancelled"
    )
    return today


def test_the_manager_sees_todays_check_in_list(client, manager, space, guests):
    client.force_login(manager)

    response = client.get(reverse("desks:check_in", args=[space.slug]))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Berta Gast" in text and "Carl Gast" in text and "Hafenbits" in text
    assert "Dora Später" not in text and "Emil Storniert" not in text
    assert "2 Schreibtische gebucht von 4" in text


def test_another_day_and_a_bad_day(client, manager, space, guests):
    client.force_login(manager)

    tomorrow = client.get(reverse("desks:check_in", args=[space.slug]), {"day": in_days(1).isoformat()})
    nonsense = client.get(reverse("desks:check_in", args=[space.slug]), {"day": "gestern"})

    assert "Dora Später" in tomorrow.content.decode() and "Berta Gast" not in tomorrow.content.decode()
    assert nonsense.status_code == 200 and "Berta Gast" in nonsense.content.decode()


def test_the_check_in_list_as_csv(client, agency, space, guests):
    client.force_login(agency)

    response = client.get(reverse("desks:check_in_csv", args=[space.slug]))

    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Berta Gast" in text and "Hafenbits" in text and "Gebucht" in text


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 403), ("other_member", 403), ("other_manager", 404), ("manager", 200), ("agency", 200)],
)
def test_only_the_spaces_hub_and_the_agency_see_who_booked(client, request, space, guests, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("desks:check_in", args=[space.slug])).status_code == status
    assert client.get(reverse("desks:check_in_csv", args=[space.slug])).status_code == status
    if status != 200:
        assert "Berta Gast" not in client.get(space.get_absolute_url()).content.decode()


def test_the_manager_marks_a_no_show_and_takes_it_back(client, manager, space, guests):
    booking = DeskBooking.objects.get(user=guests[0])
    client.force_login(manager)

    client.post(reverse("desks:no_show", args=[booking.pk]), {"no_show": "1"})
    booking.refresh_from_db()
    assert booking.status == DeskBooking.Status.NO_SHOW

    client.post(reverse("desks:no_show", args=[booking.pk]), {"no_show": "0"})
    booking.refresh_from_db()
    assert booking.status == DeskBooking.Status.BOOKED


def test_nobody_misses_a_day_that_has_not_come(client, manager, space, guests):
    booking = DeskBooking.objects.get(day=in_days(1))
    client.force_login(manager)

    response = client.post(reverse("desks:no_show", args=[booking.pk]), {"no_show": "1"}, follow=True)

    booking.refresh_from_db()
    assert booking.status == DeskBooking.Status.BOOKED
    assert any("noch nicht gekommen" in str(message) for message in response.context["messages"])


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("other_manager", 404)])
def test_others_cannot_mark_no_shows(client, request, space, guests, role, status):
    booking = DeskBooking.objects.get(user=guests[0])
    client.force_login(request.getfixturevalue(role))

    assert client.post(reverse("desks:no_show", args=[booking.pk]), {"no_show": "1"}).status_code == status
    booking.refresh_from_db()
    assert booking.status == DeskBooking.Status.BOOKED


def test_the_counts_per_hub_and_month(client, agency, manager, space, other_hub, guests):
    berlin_space = DeskSpaceFactory(hub=other_hub)
    DeskBookingFactory(space=berlin_space, day=in_days(0))
    DeskBookingFactory(space=space, day=in_days(-1), status=DeskBooking.Status.NO_SHOW)
    DeskBookingFactory(space=space, day=in_days(-1))
    client.force_login(agency)

    rows = {
        (row["month"].month, row["space__hub__name_de"]): row
        for row in client.get(reverse("desks:counts")).context["rows"]
    }
    client.force_login(manager)
    managers_rows = client.get(reverse("desks:counts")).context["rows"]
    csv = client.get(reverse("desks:counts_csv")).content.decode("utf-8-sig")

    hamburg = [row for (month, name), row in rows.items() if name == "Hamburg"]
    assert sum(row["booked"] for row in hamburg) == 5  # today 2, tomorrow 1, yesterday 2 (one missed)
    assert sum(row["used"] for row in hamburg) == 1  # yesterday's, who came
    assert sum(row["missed"] for row in hamburg) == 1
    assert sum(row["cancelled"] for row in hamburg) == 1
    assert sum(row["booked"] for (month, name), row in rows.items() if name == "Berlin") == 1
    assert {row["space__hub__name_de"] for row in managers_rows} == {"Hamburg"}
    assert "Berlin" not in csv and "Hamburg" in csv


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_members_see_no_counts(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("desks:counts"))

    assert response.status_code == 302 if role == "anonymous" else response.status_code == 403


# The admin


def space_post(hub, **overrides):
    return {
        "hub": hub.pk,
        "slug": "elbe-desks",
        "active": "on",
        "address": "Am Kai 2, 20457 Hamburg",
        "desk_count": "3",
        "opening_days": ["0", "2", "4"],
        "opens_at": "09:00",
        "closes_at": "17:00",
        "name_de": "Elbe Desks",
        "house_rules_de": "Schlüssel am Empfang.",
        "name_en": "Elbe Desks",
        **overrides,
    }


def test_a_manager_publishes_a_space_for_their_hub(client, manager, hub):
    client.force_login(manager)

    response = client.post(reverse("admin:desks_deskspace_add"), space_post(hub))

    assert response.status_code == 302
    space = DeskSpace.objects.get()
    assert space.opening_days == [0, 2, 4]
    assert space.history.get().history_change_reason == "deskspace.created"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"closes_at": "08:00"}, "closes_at"),
        ({"opening_days": []}, "opening_days"),
        ({"desk_count": "0"}, "desk_count"),
        ({"opening_days": ["9"]}, "opening_days"),
    ],
)
def test_bad_spaces_are_explained(client, agency, hub, overrides, field):
    client.force_login(agency)

    response = client.post(reverse("admin:desks_deskspace_add"), space_post(hub, **overrides))

    assert response.status_code == 200
    assert (
        field in response.context["adminform"].form.errors
        or response.context["adminform"].form.non_field_errors()
    )
    assert not DeskSpace.objects.exists()


def test_a_manager_cannot_publish_a_space_for_another_hub(client, manager, other_hub):
    client.force_login(manager)

    response = client.post(reverse("admin:desks_deskspace_add"), space_post(other_hub))

    assert response.status_code == 200
    assert not DeskSpace.objects.exists()


def test_the_booking_admin_shows_a_manager_their_spaces_bookings_and_marks_no_shows(
    client, manager, space, guests, other_hub
):
    foreign = DeskBookingFactory(space=DeskSpaceFactory(hub=other_hub), day=in_days(0))
    client.force_login(manager)

    listed = client.get(reverse("admin:desks_deskbooking_changelist")).context["cl"].result_list
    client.post(
        reverse("admin:desks_deskbooking_changelist"),
        {
            "action": "mark_no_shows",
            "_selected_action": [guests_booking.pk for guests_booking in listed] + [foreign.pk],
        },
    )

    assert foreign not in list(listed)
    assert DeskBooking.objects.filter(status=DeskBooking.Status.NO_SHOW, space=space).count() == 2  # today's
    foreign.refresh_from_db()
    assert foreign.status == DeskBooking.Status.BOOKED


def test_the_booking_export(client, agency, space, guests):
    client.force_login(agency)

    response = client.post(
        reverse("admin:desks_deskbooking_changelist"),
        {
            "action": "export_bookings",
            "_selected_action": list(DeskBooking.objects.values_list("pk", flat=True)),
        },
    )

    text = response.content.decode("utf-8-sig")
    assert "Berta Gast" in text and "Hafen Coworking" in text and "Hamburg" in text
