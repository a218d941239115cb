"""What is personal is never stored by a browser cache or a proxy: Cache-Control private, no-store."""

import pytest
from django.urls import reverse

from events.models import CalendarToken
from events.tests.factories import EventFactory, RegistrationFactory
from members.tests.factories import MembershipFactory, ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_and_event():
    organiser = ProfileFactory().user
    event = EventFactory(organiser=organiser)
    MembershipFactory(user=organiser, hub=event.hub)
    RegistrationFactory(event=event, user=organiser)
    return organiser, event


def personal_urls(event, token):
    return [
        reverse("members:dashboard"),
        reverse("members:profile_edit"),
        reverse("members:export"),
        reverse("members:delete_account"),
        reverse("events:attendees", kwargs={"slug": event.slug}),
        reverse("events:attendees_csv", kwargs={"slug": event.slug}),
        reverse("events:edit", kwargs={"slug": event.slug}),
        reverse("events:create"),
        reverse("events:personal_calendar", kwargs={"token": token}),
    ]


def test_personal_responses_are_private_and_never_stored(client, organiser_and_event):
    organiser, event = organiser_and_event
    token = CalendarToken.objects.create(user=organiser).token
    client.force_login(organiser)

    for url in personal_urls(event, token):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, url


def test_public_pages_stay_cacheable(client):
    response = client.get(reverse("hubs:list"))

    assert "no-store" not in response.get("Cache-Control", "")
