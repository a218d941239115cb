from django.db import migrations

from core.search import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("members", "0007_directory_indexes")]

    operations = [
        search_index_operation(
            "members.Profile", ("display_name", "organisation", "startup_name", "city"), prefix="profile"
        ),
    ]
