from django.db import migrations

from core.search import search_index_operation


class Migration(migrations.Migration):
    dependencies = [("events", "0006_denormalised_counts")]

    operations = [
        search_index_operation("events.Event", ("title", "description", "venue", "address"), prefix="event"),
    ]
