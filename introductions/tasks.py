"""Emails about introductions, written in the background worker (see events.tasks). Each is
written in its reader's language and only if the request is still in the step it is about."""

from django.urls import reverse
from django_tasks import task

from core.mail import absolute_url, in_language_of, send_portal_mail
from members.permissions import agency_staff, hub_managers

from .models import Introduction

Status = Introduction.Status


def _introduction(pk: int) -> Introduction | None:
    return Introduction.objects.with_people().filter(pk=pk).first()


def _send(to, template: str, introduction: Introduction, **context) -> None:
    if to is None:  # an account deleted meanwhile
        return
    with in_language_of(to):
        send_portal_mail(
            to=[to.email],
            template=f"introductions/email/{template}",
            context={
                "introduction": introduction,
                "requester": _profile(introduction.requester),
                "recipient": _profile(introduction.recipient),
                "introduction_url": absolute_url(introduction.get_absolute_url()),
                **context,
            },
        )


def _profile(user):
    return getattr(user, "profile", None) if user else None


def brokers_of(introduction: Introduction):
    """Who reviews the request: the hub's managers, or the agency when it has no hub or no
    manager; never one of the two members."""
    parties = [introduction.requester_id, introduction.recipient_id]
    managers = list(hub_managers(introduction.hub_id).exclude(pk__in=parties)) if introduction.hub_id else []
    return managers or list(agency_staff().exclude(pk__in=parties))


@task()
def notify_brokers(*, introduction_id: int) -> None:
    """A request awaits review."""
    introduction = _introduction(introduction_id)
    if introduction is None or not introduction.is_awaiting_review:
        return
    for broker in brokers_of(introduction):
        _send(broker, "review", introduction)


@task()
def tell_requester(*, introduction_id: int) -> None:
    """What became of the request: the hub's question or its reason, the approval, the
    recipient's no, or that it expired."""
    introduction = _introduction(introduction_id)
    templates = {
        Status.MORE_INFO: "more_info",
        Status.DECLINED_BY_HUB: "declined_by_hub",
        Status.APPROVED: "approved",
        Status.DECLINED: "declined",
        Status.EXPIRED: "expired",
    }
    if introduction is None or introduction.status not in templates:
        return
    _send(introduction.requester, templates[introduction.status], introduction)


@task()
def ask_recipient(*, introduction_id: int) -> None:
    """The hub approved: the recipient reads who asks and why, and answers on the portal."""
    introduction = _introduction(introduction_id)
    if introduction is None or introduction.status != Status.APPROVED:
        return
    _send(introduction.recipient, "asked", introduction)


@task()
def share_contacts(*, introduction_id: int) -> None:
    """Accepted: each side receives the other's contact details, and nothing before."""
    introduction = _introduction(introduction_id)
    if introduction is None or not introduction.is_accepted:
        return
    for reader, other in [
        (introduction.requester, introduction.recipient),
        (introduction.recipient, introduction.requester),
    ]:
        if other is not None:
            _send(
                reader,
                "accepted",
                introduction,
                other=_profile(other),
                other_email=other.email,
                other_url=absolute_url(other.profile.get_absolute_url()) if _profile(other) else "",
            )


@task()
def remind(*, introduction_id: int) -> None:
    """Once per step: whoever the request waits for."""
    introduction = _introduction(introduction_id)
    if introduction is None:
        return
    if introduction.status == Status.REQUESTED:
        for broker in brokers_of(introduction):
            _send(broker, "review_reminder", introduction)
    elif introduction.status == Status.MORE_INFO:
        _send(introduction.requester, "more_info_reminder", introduction)
    elif introduction.status == Status.APPROVED:
        _send(introduction.recipient, "asked_reminder", introduction)


@task()
def ask_outcome(*, introduction_id: int) -> None:
    """A month after: what came of it? One click on the portal."""
    introduction = _introduction(introduction_id)
    if introduction is None or not introduction.is_accepted:
        return
    for reader, other in [
        (introduction.requester, introduction.recipient),
        (introduction.recipient, introduction.requester),
    ]:
        _send(
            reader,
            "outcome",
            introduction,
            other=_profile(other),
            outcome_url=absolute_url(reverse("introductions:detail", args=[introduction.pk]) + "#outcome"),
        )
