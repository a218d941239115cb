from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from figures.demo import HISTORY_NOTE
from introductions.models import Introduction
from members.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_demo_investor_explained_matches_and_the_manager_every_state(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert set(Introduction.objects.values_list("status", flat=True)) == set(Introduction.Status.values)
    # Once, besides the year of history for the network in numbers.
    assert Introduction.objects.exclude(note=HISTORY_NOTE).count() == 9

    client.force_login(User.objects.get(email="ben.muster@example.org"))
    matches = client.get(reverse("introductions:matches")).context["matches"]
    assert len(matches.people) >= 3
    reasons = [reason for suggestion in matches.people for reason in suggestion.reasons]
    assert "Sucht eine Seed-Finanzierung in FinTech; Sie investieren in dieser Phase" in reasons
    assert "Beide im Hub Hamburg" in matches.people[0].reasons
    dashboard = client.get(reverse("members:dashboard")).content.decode()
    assert "Ihre Antwort wird gebraucht" in dashboard  # Greta's approved request

    client.force_login(User.objects.get(email="manager.hamburg@example.org"))
    response = client.get(reverse("introductions:queue"), {"show": "open"})
    assert {introduction.status for introduction in response.context["page_obj"]} == {
        "requested",
        "more_info",
        "approved",
    }
    assert client.get(reverse("introductions:counts")).context["rows"][0]["pilot"] == 1
