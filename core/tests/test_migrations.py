"""The mail task's move to core: mails waiting in the queue during the update still go out."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

MAIL_TASK_MOVED = ("core", "0001_mail_task_moved_to_core")


def migrate(*targets):
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))


def queued(task_path, status):
    return DBTaskResult.objects.create(
        task_path=task_path,
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now(),
    )


@pytest.mark.django_db(transaction=True)
def test_waiting_mail_follows_the_task_to_core_and_back_and_finished_mail_keeps_its_record():
    try:
        migrate(("core", None))
        waiting = queued("hubportal.tasks.deliver_email", "READY")
        delivered = queued("hubportal.tasks.deliver_email", "SUCCESSFUL")
        other = queued("members.tasks.send_welcome", "READY")

        migrate(MAIL_TASK_MOVED)

        paths = dict(DBTaskResult.objects.values_list("pk", "task_path"))
        assert paths == {
            waiting.pk: "core.tasks.deliver_email",
            delivered.pk: "hubportal.tasks.deliver_email",
            other.pk: "members.tasks.send_welcome",
        }
        assert import_string(paths[waiting.pk]).func.__name__ == "deliver_email"  # the worker finds it

        migrate(("core", None))
        assert DBTaskResult.objects.get(pk=waiting.pk).task_path == "hubportal.tasks.deliver_email"
    finally:
        migrate(*MigrationExecutor(connection).loader.graph.leaf_nodes())
