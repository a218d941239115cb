"""The fixed rows of InvestmentStage and FounderNeed, one per choice, in display order."""

from django.db import migrations

STAGES = ["pre_seed", "seed", "series_a", "growth"]
NEEDS = ["funding", "partners", "customers", "talent"]


def create_rows(apps, schema_editor):
    for model_name, codes in [("InvestmentStage", STAGES), ("FounderNeed", NEEDS)]:
        model = apps.get_model("members", model_name)
        for position, code in enumerate(codes):
            model.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
