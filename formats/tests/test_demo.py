from io import StringIO

import pytest
from django.core.management import call_command

from formats.models import Format, Run

pytestmark = pytest.mark.django_db


def test_seed_demo_publishes_formats_of_two_hubs_and_a_run_by_a_third(settings):
    settings.DEBUG = True

    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    formats = Format.objects.select_related("hub", "outcome__event")
    assert sorted(format.hub.slug for format in formats) == ["dortmund", "ludwigshafen-mannheim"]
    assert all(format.title_en and format.summary_en for format in formats)
    runs = Run.objects.select_related("event__hub").exclude(event__outcome__format__isnull=False)
    assert [run.event.hub.slug for run in runs] == ["hamburg"]
