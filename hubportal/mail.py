"""Emails from the portal: rendered from templates/<name>_subject.txt and <name>.txt."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def in_language_of(user):
    """Write to `user` in the language they last used the portal in (German if unknown);
    build links and dates inside this block so that they match."""
    return translation.override(user.language or settings.LANGUAGE_CODE)


def send_portal_mail(*, to: list[str], template: str, context: dict, attachments=()) -> None:
    """Send a plain-text email in the active language; `attachments` are (filename, content,
    mimetype) triples."""
    context = {"portal_url": settings.PORTAL_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    message = EmailMessage(subject=f"[Digital Hubs] {subject}", body=body, to=to)
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
