"""The task that delivers mail moved from hubportal.tasks to core.tasks. Mails still waiting in
the queue when the portal is updated would fail in the worker with an import error, so they are
pointed at the task's new home (and back, when the migration is reversed)."""

from django.db import migrations

OLD_PATH, NEW_PATH = "hubportal.tasks.deliver_email", "core.tasks.deliver_email"


def waiting_mail_to(from_path, to_path):
    def move(apps, schema_editor):
        DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
        DBTaskResult.objects.filter(task_path=from_path, status="READY").update(task_path=to_path)

    return move


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0021_conditional_partial_index_ordering")]

    operations = [migrations.RunPython(waiting_mail_to(OLD_PATH, NEW_PATH), waiting_mail_to(NEW_PATH, OLD_PATH))]
