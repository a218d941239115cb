from django.db import migrations, models
from django.db.models import Q

AGENCY_GROUP = "Hub-Agentur"


def staff_status_from_roles(apps, schema_editor):
    """From now on the staff flag follows the roles (members.signals): bring it in step once."""
    User = apps.get_model("members", "User")
    has_role = Q(is_active=True) & (
        Q(is_superuser=True) | Q(groups__name=AGENCY_GROUP) | Q(memberships__role="manager")
    )
    with_role = User.objects.filter(has_role).values("pk")
    User.objects.filter(pk__in=with_role).update(is_staff=True)
    User.objects.exclude(pk__in=with_role).update(is_staff=False)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_user_language"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="is_staff",
            field=models.BooleanField(
                default=False,
                help_text="May enter the admin. Follows the roles: agency staff (the agency group or superuser) and hub managers have it.",
                verbose_name="staff status",
            ),
        ),
        migrations.RunPython(staff_status_from_roles, migrations.RunPython.noop),
    ]
