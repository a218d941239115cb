from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event, Registration
from hubs.tests.factories import HubFactory
from members.tests.factories import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    """A published event next week, registration on the portal."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_de = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    description_de = "Eine Veranstaltung im Netzwerk."
    hub = factory.SubFactory(HubFactory)
    event_type = Event.Type.MEETUP
    format = Event.Format.ON_SITE
    venue = "Forum"
    address = "Beispielstraße 1, Berlin"
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    language = Event.Language.GERMAN
    registration_mode = Event.RegistrationMode.PORTAL
    capacity = 50
    organiser = factory.SubFactory(UserFactory)
    status = Event.Status.PUBLISHED

    @factory.post_generation
    def cohosts(event, create, extracted, **kwargs):
        if create and extracted:
            event.cohosts.set(extracted)

    @factory.post_generation
    def focus_themes(event, create, extracted, **kwargs):
        if create and extracted:
            event.focus_themes.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
