from decimal import Decimal

import factory

from hubs.models import City, FederalState, FocusTheme, Hub, HubFocus


class FocusThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusTheme
        django_get_or_create = ["slug"]

    name_de = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub
        skip_postgeneration_save = True

    name_de = factory.Sequence(lambda n: f"Hub {n}")
    name_en = factory.LazyAttribute(lambda hub: hub.name_de)
    slug = factory.Sequence(lambda n: f"hub-{n}")
    tagline_de = "Ein Hub im Netzwerk"
    tagline_en = "A hub in the network"
    description_de = "Beschreibung des Hubs."
    description_en = "Description of the hub."
    selected_in = 2017

    @factory.post_generation
    def cities(hub, create, extracted, **kwargs):
        """One city unless a list of City data is given: HubFactory(cities=[{...}, ...])."""
        if not create:
            return
        for position, city in enumerate([{}] if extracted is None else extracted):
            CityFactory(hub=hub, position=position, **city)

    @factory.post_generation
    def themes(hub, create, extracted, **kwargs):
        if create and extracted:
            for position, theme in enumerate(extracted):
                HubFocus.objects.create(hub=hub, theme=theme, position=position)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    hub = factory.SubFactory(HubFactory, cities=[])
    name_de = factory.Sequence(lambda n: f"Stadt {n}")
    name_en = factory.LazyAttribute(lambda city: city.name_de)
    state = FederalState.BERLIN
    latitude = Decimal("52.52")
    longitude = Decimal("13.40")
