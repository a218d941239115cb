"""manage.py seed_scale: the network at a chosen size, the same for the same seed, with the
stored counts matching the rows, and never twice in one database."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from desks.models import DeskBooking, DeskSpace
from events.models import Event, Registration
from hubs.models import Hub
from introductions.models import Introduction
from members.models import Membership, Profile, User
from pages.models import News
from partners.models import Affiliation, Organisation, Partnership

pytestmark = pytest.mark.django_db

SIZE = {"members": 60, "events": 24, "news": 6, "registrations_per_event": 5, "organisations": 30}


def seed(**options):
    call_command("seed_scale", stdout=StringIO(), **{**SIZE, **options})


def snapshot():
    """What the seed decides, by natural keys (primary keys differ between runs) and with times
    relative to the first (they are relative to the moment of the run)."""
    events = Event.objects.order_by("slug").values_list("slug", "title_de", "hub__slug", "status", "start")
    news = News.objects.order_by("slug").values_list("slug", "title_de", "published_at")
    first_start = min(start for *_fields, start in events)
    first_news = min(published for *_fields, published in news)
    return {
        "profiles": list(
            Profile.objects.order_by("slug").values_list(
                "slug", "display_name", "member_type", "visibility", "city"
            )
        ),
        "memberships": sorted(Membership.objects.values_list("user__email", "hub__slug", "role")),
        "events": [(*fields, start - first_start) for *fields, start in events],
        "registrations": sorted(Registration.objects.values_list("event__slug", "user__email", "status")),
        "news": [(*fields, published - first_news) for *fields, published in news],
        "organisations": list(
            Organisation.objects.order_by("slug").values_list("slug", "name", "kind", "hub__slug")
        ),
        "affiliations": sorted(Affiliation.objects.values_list("organisation__slug", "user__email", "role")),
        "introductions": sorted(
            Introduction.objects.values_list("requester__email", "recipient__email", "hub__slug", "status"),
            key=repr,
        ),
        "desk_bookings": sorted(
            DeskBooking.objects.values_list("space__slug", "user__email", "day", "status")
        ),
    }


def remove_scale_data():
    Introduction.objects.all().delete()
    DeskBooking.objects.all().delete()
    DeskSpace.objects.all().delete()
    Organisation.objects.all().delete()
    Event.objects.all().delete()
    News.objects.all().delete()
    User.objects.filter(email__endswith="@scale.example.org").delete()


def test_it_makes_the_network_at_the_size_asked_for():
    seed()

    assert User.objects.filter(email__endswith="@scale.example.org").count() == 60
    assert Profile.objects.count() == 60
    assert Event.objects.count() == 24
    assert News.objects.count() == 6
    assert Hub.objects.count() == 12  # the real network, loaded when missing
    assert set(Profile.objects.values_list("member_type", flat=True)) == set(Profile.MemberType.values)
    assert set(Profile.objects.values_list("visibility", flat=True)) == set(Profile.Visibility.values)
    memberships = User.objects.annotate(hubs=Count("memberships")).values_list("hubs", flat=True)
    assert set(memberships) <= {1, 2, 3}
    assert Event.objects.filter(start__lt=Event.objects.order_by("start").values("start")[12:13]).exists()
    assert {Event.Status.PUBLISHED, Event.Status.CANCELLED} <= set(
        Event.objects.values_list("status", flat=True)
    )
    assert Registration.objects.filter(status=Registration.Status.CONFIRMED).exists()
    assert Organisation.objects.count() == 30
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert Partnership.objects.exists() and Affiliation.objects.exists()
    assert DeskSpace.objects.count() == 36


def test_desk_bookings_follow_the_rules_of_the_start_up_card():
    seed(members=300)

    bookings = DeskBooking.objects.select_related("space")
    assert bookings.exists()
    for booking in bookings:
        assert not Membership.objects.filter(user=booking.user_id, hub=booking.space.hub_id).exists()
        assert booking.day.weekday() < 5
    per_space_and_day = bookings.holding().values("space", "day").annotate(taken=Count("pk"))
    assert all(row["taken"] <= DeskSpace.objects.get(pk=row["space"]).desk_count for row in per_space_and_day)
    per_founder_and_day = bookings.values("user", "day").annotate(number=Count("pk"))
    assert max(row["number"] for row in per_founder_and_day) == 1


def test_its_stored_counts_match_the_rows():
    seed()

    events = Event.objects.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
    )
    for event in events:
        assert (event.attendee_count, event.waitlist_count) == (event.confirmed, event.waiting)
        if event.capacity is not None:
            assert event.attendee_count <= event.capacity
    for hub in Hub.objects.annotate(members=Count("memberships")):
        assert hub.member_count == hub.members


def test_the_same_seed_gives_the_same_network_and_another_seed_another():
    seed(seed=7)
    first = snapshot()
    remove_scale_data()
    seed(seed=7)
    again = snapshot()
    remove_scale_data()
    seed(seed=8)

    assert again == first
    assert snapshot()["profiles"] != first["profiles"]


def test_it_refuses_a_database_that_holds_scale_data_already():
    seed()

    with pytest.raises(CommandError, match="scale data already"):
        seed()
    assert Profile.objects.count() == 60


@pytest.mark.parametrize("options", [{"members": 0}, {"events": -1}, {"news": -1}])
def test_it_refuses_sizes_that_make_no_network(options):
    with pytest.raises(CommandError):
        seed(**options)
    assert not User.objects.exists()
