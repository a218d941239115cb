"""Background work of the portal, run by `manage.py db_worker` (django-tasks with its database
backend; the immediate backend in tests)."""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

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


def message_as_data(message: EmailMessage) -> dict:
    """An email as JSON-ready data for the task queue (attachments base64-encoded)."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [
            [
                filename,
                base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
                mimetype,
            ]
            for filename, content, mimetype in message.attachments
        ],
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message
