"""pg_trgm, for the trigram indexes of the admin's search (core.search.admin_search_indexes).
A trusted extension: the database's owner creates it, no superuser needed."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_mail_task_moved_to_core")]

    operations = [TrigramExtension()]
