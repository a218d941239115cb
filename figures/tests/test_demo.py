from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Event
from figures.measures import Scope, count, default_period

pytestmark = pytest.mark.django_db


def test_the_demo_content_makes_a_year_worth_reading(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # adds no second history

    numbers = count(Scope((), *default_period()))

    assert Event.objects.filter(slug__startswith="demo-rueckblick").count() == 22
    assert len(numbers["new_members"]) >= 10  # members joined over the year, not in one minute
    assert len(numbers["events"]) >= 11
    assert len(numbers["events_by_type"]) >= 5
    assert sum(numbers["registrations"].values()) > 100
    assert sum(numbers["attendance"].values()) > 100
    assert len(numbers["cross_hub"]) >= 5
    used = [used for _booked, used in numbers["desk_days"].values()]
    assert len(numbers["desk_days"]) >= 10 and sum(used) > 0
    requested, accepted, with_outcome = (
        sum(column) for column in zip(*numbers["introductions"].values(), strict=True)
    )
    assert requested > accepted > with_outcome > 0
    assert numbers["partner_organisations"] > 10
