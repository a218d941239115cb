"""Emails from the portal: rendered in the request or task that causes them, delivered by the
background worker (core.tasks.deliver_email), so that no request waits on the mail
server and a mail server that is down delays mails instead of failing pages.

Every email is written once, as plain text; the queue adds the same words as HTML in the
portal's design (email/layout.html), so that a mail program shows either, links clickable."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import deliver_email, message_as_data


def absolute_url(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def in_language_of(user):
    """Write to `user` in the language they last used the portal in (German if unknown);
    build links and dates inside this block so that they match."""
    return translation.override(user.language or settings.LANGUAGE_CODE)


def send_portal_mail(*, to: list[str], template: str, context: dict, attachments=()) -> None:
    """Render a plain-text email in the active language and queue it for delivery;
    `attachments` are (filename, content, mimetype) triples."""
    context = {"portal_url": settings.PORTAL_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject=f"[Digital Hubs] {subject}", body=body, to=to)
    for attachment in attachments:
        message.attach(*attachment)
    queue_for_delivery(message)


def queue_for_delivery(message: EmailMessage) -> None:
    data = message_as_data(message)
    if not any(mimetype == "text/html" for _content, mimetype in data["alternatives"]):
        data["alternatives"].append([as_html(message.body, subject=message.subject), "text/html"])
    deliver_email.enqueue(message=data)


def as_html(body: str, *, subject: str) -> str:
    """The plain text of an email in the portal's design, in the active language: its
    paragraphs, line breaks and links as they are, nothing added but the frame."""
    paragraphs = [paragraph.strip("\n") for paragraph in re.split(r"\n\s*\n", body.strip())]
    portal_host = urlsplit(settings.PORTAL_URL).netloc
    html = render_to_string(
        "email/layout.html",
        {
            "subject": subject.removeprefix("[Digital Hubs] "),
            "paragraphs": [paragraph for paragraph in paragraphs if paragraph.strip()],
            "portal_url": settings.PORTAL_URL,
            "portal_host": portal_host,
            "LANGUAGE_CODE": translation.get_language(),
        },
    )
    # urlize links a bare host name (allauth's signature names the portal so) with http://;
    # the portal's own is its address.
    return html.replace(f'href="http://{portal_host}"', f'href="{settings.PORTAL_URL.rstrip("/")}"')
