from django.core.management.base import BaseCommand
from django.db import transaction

from core.audit import record
from hubs.models import City, FocusTheme, Hub, HubFocus
from hubs.network import HUBS, THEMES


class Command(BaseCommand):
    help = (
        "Load the twelve digital hubs and their focus themes. Idempotent: only what is "
        "missing is created; texts the agency has edited are never overwritten."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = {"themes": 0, "hubs": 0, "cities": 0, "focus areas": 0}
        themes = {}
        for data in THEMES:
            themes[data.slug], is_new = FocusTheme.objects.get_or_create(
                slug=data.slug,
                defaults={
                    "name_de": data.name_de,
                    "name_en": data.name_en,
                    "description_de": data.description_de,
                    "description_en": data.description_en,
                },
            )
            created["themes"] += is_new

        for data in HUBS:
            hub = Hub.objects.filter(slug=data.slug).first()
            if hub is None:
                hub = Hub(
                    slug=data.slug,
                    name_de=data.name_de,
                    name_en=data.name_en,
                    selected_in=data.selected_in,
                    tagline_de=data.tagline_de,
                    tagline_en=data.tagline_en,
                    description_de=data.description_de,
                    description_en=data.description_en,
                )
                record(hub, action="hub.created", by=None)
                created["hubs"] += 1
            cities = {}
            for position, city_data in enumerate(data.cities):
                cities[city_data.name_de], is_new = City.objects.get_or_create(
                    hub=hub,
                    name_de=city_data.name_de,
                    defaults={
                        "name_en": city_data.name_en,
                        "state": city_data.state,
                        "latitude": city_data.latitude,
                        "longitude": city_data.longitude,
                        "position": position,
                    },
                )
                created["cities"] += is_new
            for position, theme_entry in enumerate(data.themes):
                slug, city_name = theme_entry if isinstance(theme_entry, tuple) else (theme_entry, None)
                _focus, is_new = HubFocus.objects.get_or_create(
                    hub=hub,
                    theme=themes[slug],
                    defaults={"city": cities.get(city_name), "position": position},
                )
                created["focus areas"] += is_new

        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Hub network loaded; created {summary}."))
