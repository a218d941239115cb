from django.db import migrations

from core.search import search_index_operation

LEVELS = [
    ("Gründungspartner", "Founding partner"),
    ("Strategischer Partner", "Strategic partner"),
    ("Partner", "Partner"),
    ("Förderer", "Supporter"),
]


def create_levels(apps, schema_editor):
    """The levels the agency starts with; it renames and adds more in the admin."""
    level = apps.get_model("partners", "PartnershipLevel")
    for position, (name_de, name_en) in enumerate(LEVELS):
        level.objects.get_or_create(name_de=name_de, defaults={"name_en": name_en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [
        search_index_operation(
            "partners.Organisation", ("name", "city", "description_de", "description_en"), prefix="organisation"
        ),
        migrations.RunPython(create_levels, migrations.RunPython.noop),
    ]
