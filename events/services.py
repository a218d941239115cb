"""The life of an event: submission, moderation, cancellation, registration.

Each function checks the rules and changes state in one transaction; the emails it causes
are queued in that same transaction (events.tasks), so that a change and its mails are
stored together and written and sent in the background. A broken rule raises EventError
with a message for the member.
"""

import secrets

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.models import User

from . import permissions, tasks
from .models import Event, Registration


class EventError(Exception):
    """A request the rules of the event workflow do not allow; the message is for the member."""


def event_address(title: str) -> str:
    while True:
        slug = f"{slugify(title)[:70] or 'event'}-{secrets.token_hex(3)}"
        if not Event.objects.filter(slug=slug).exists():
            return slug


def save_event(*, form, user: User, submit: bool) -> Event:
    """Save the event form of a new or changed event.

    A new event starts as a draft, or goes straight to review with `submit`. When the
    organiser changes a published event, it goes back to review: the hub vouches for what
    it publishes. Registrations stay, and the event stays listed only once approved again.
    Changes by a moderator keep the event published.
    """
    event = form.save(commit=False)
    is_new = event.pk is None
    if is_new:
        event.organiser = user
        event.slug = event_address(event.title)
    elif event.status == Event.Status.PUBLISHED and not permissions.can_moderate(user, event):
        event.status = Event.Status.SUBMITTED
    if submit and event.status in (Event.Status.DRAFT, Event.Status.REJECTED):
        event.status = Event.Status.SUBMITTED
    if not is_new:
        event.revision += 1
    with transaction.atomic():
        event.save()
        form.save_m2m()
        if event.status == Event.Status.SUBMITTED:
            tasks.notify_moderators.enqueue(event_id=event.pk)
    return event


def submit_event(*, event: Event, user: User) -> Event:
    if not permissions.is_organiser(user, event):
        raise EventError(_("Only the organiser can submit this event."))
    if event.status not in (Event.Status.DRAFT, Event.Status.REJECTED):
        raise EventError(_("This event has already been submitted."))
    with transaction.atomic():
        event.status = Event.Status.SUBMITTED
        event.save(update_fields=["status", "updated"])
        tasks.notify_moderators.enqueue(event_id=event.pk)
    return event


def publish_event(*, event: Event, moderator: User) -> Event:
    return review_event(event=event, moderator=moderator, status=Event.Status.PUBLISHED)


def reject_event(*, event: Event, moderator: User, reason: str) -> Event:
    reason = reason.strip()
    if not reason:
        raise EventError(_("Please give the organiser a reason."))
    return review_event(event=event, moderator=moderator, status=Event.Status.REJECTED, reason=reason)


def review_event(*, event: Event, moderator: User, status: str, reason: str = "") -> Event:
    """Publish or reject a submitted event, and tell its organiser either way."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not permissions.can_moderate(moderator, event):
            raise EventError(_("Only the hub's managers and the Hub-Agency can review this event."))
        if event.status != Event.Status.SUBMITTED:
            raise EventError(_("Only events awaiting review can be published or rejected."))
        event.status = status
        event.rejection_reason = reason
        event.save(update_fields=["status", "rejection_reason", "updated"])
        template = "events/email/published" if status == Event.Status.PUBLISHED else "events/email/rejected"
        tasks.notify_organiser.enqueue(event_id=event.pk, template=template)
    return event


def cancel_event(*, event: Event, user: User) -> Event:
    """Cancel a published event and tell everyone registered or waiting."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not permissions.can_cancel(user, event):
            raise EventError(
                _("Only the organiser, the hub's managers and the Hub-Agency can cancel this event.")
            )
        if event.status != Event.Status.PUBLISHED:
            raise EventError(_("Only published events can be cancelled."))
        event.status = Event.Status.CANCELLED
        event.revision += 1
        event.save(update_fields=["status", "revision", "updated"])
        tasks.notify_cancellation.enqueue(event_id=event.pk)
    return event


def register_for_event(*, event: Event, user: User) -> Registration:
    """Take a seat, or a place on the waitlist when the event is full.

    The event row is locked while the seats are counted, so simultaneous requests for the
    last seat are served one after the other and capacity is never exceeded.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.takes_registrations:
            raise EventError(_("This event does not take registrations on the portal."))
        existing = event.registrations.filter(user=user).first()
        if existing:
            return existing
        if event.registrations.confirmed().count() < event.capacity:
            status = Registration.Status.CONFIRMED
        elif event.waitlist:
            status = Registration.Status.WAITLISTED
        else:
            raise EventError(_("This event is fully booked."))
        registration = Registration.objects.create(event=event, user=user, status=status)
        tasks.notify_registration.enqueue(registration_id=registration.pk)
    return registration


def unregister_from_event(*, event: Event, user: User) -> Registration | None:
    """Give up a seat or waitlist place; a freed seat goes to the first on the waitlist,
    who is told by email. Returns that promoted registration, if any."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        registration = event.registrations.filter(user=user).first()
        if registration is None:
            raise EventError(_("You are not registered for this event."))
        freed_seat = registration.status == Registration.Status.CONFIRMED
        registration.delete()
        promoted = None
        if freed_seat and not event.is_cancelled:
            promoted = event.registrations.waitlisted().select_related("user").first()
            if promoted:
                promoted.status = Registration.Status.CONFIRMED
                promoted.save(update_fields=["status"])
                tasks.notify_registration.enqueue(registration_id=promoted.pk, promoted=True)
    return promoted
