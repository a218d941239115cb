"""Background work of the portal, run by `manage.py db_worker` (django-tasks with its database
backend; the immediate backend in tests)."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .mail import message_from_data

logger = logging.getLogger(__name__)


@task()
def deliver_email(*, message: dict, attempt: int = 1) -> None:
    """Hand one email to the mail server; when it is unreachable or refuses, try again later
    (settings.MAIL_RETRY_DELAYS), so that mails arrive once it is back."""
    try:
        message_from_data(message).send()
    except (smtplib.SMTPException, OSError):
        delays = settings.MAIL_RETRY_DELAYS
        if attempt > len(delays) or not deliver_email.get_backend().supports_defer:
            logger.exception("Giving up on the email %r after %d attempts", message["subject"], attempt)
            raise
        delay = delays[attempt - 1]
        logger.warning("The mail server failed; trying again in %d s (attempt %d)", delay, attempt + 1)
        deliver_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            message=message, attempt=attempt + 1
        )
