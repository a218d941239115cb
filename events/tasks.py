"""Emails about events, written in the background worker: each task looks up what it tells
of, writes one mail per recipient in their language and queues it for delivery. A task for
something that no longer exists (a registration given up meanwhile) sends nothing."""

from django.urls import reverse
from django_tasks import task

from core.mail import absolute_url, in_language_of, send_portal_mail
from members.models import User
from members.permissions import agency_staff, hub_managers

from .calendar import calendar_file
from .calendar_import import FeedError, import_feed
from .models import CalendarFeed, Event, EventReport, Registration


def mail_member(user: User, *, template: str, event: Event, attach_calendar=False, **context) -> None:
    """One email to one member, in their language, about `event`."""
    with in_language_of(user):
        attachments = (
            [("event.ics", calendar_file([event], name=event.title), "text/calendar")]
            if attach_calendar
            else ()
        )
        send_portal_mail(
            to=[user.email],
            template=template,
            context={"event": event, "event_url": absolute_url(event.get_absolute_url()), **context},
            attachments=attachments,
        )


def event_with_hubs(event_id: int) -> Event | None:
    return (
        Event.objects.select_related("hub", "organiser", "series")
        .prefetch_related("cohosts")
        .filter(pk=event_id)
        .first()
    )


@task()
def notify_moderators(*, event_id: int) -> None:
    """An event awaits review: tell the managers of its hub."""
    event = event_with_hubs(event_id)
    if event is None or not event.is_awaiting_review:
        return
    for manager in hub_managers(event.hub_id):
        with in_language_of(manager):
            moderation_url = absolute_url(reverse("events:moderation"))
        mail_member(manager, template="events/email/submitted", event=event, moderation_url=moderation_url)


@task()
def notify_organiser(*, event_id: int, template: str) -> None:
    """Tell the organiser what became of their event (published, rejected)."""
    event = event_with_hubs(event_id)
    if event is not None and event.organiser is not None:
        mail_member(event.organiser, template=template, event=event)


@task()
def notify_cancellation(*, event_id: int) -> None:
    """Tell everyone registered or waiting that the event is cancelled, with a calendar update."""
    event = event_with_hubs(event_id)
    if event is None:
        return
    for user in User.objects.filter(event_registrations__event=event):
        mail_member(user, template="events/email/cancelled", event=event, attach_calendar=True)


@task()
def notify_registration(*, registration_id: int, promoted: bool = False) -> None:
    """Confirm a seat (with the calendar entry) or a waitlist place."""
    registration = Registration.objects.select_related("user").filter(pk=registration_id).first()
    if registration is None:
        return
    event = event_with_hubs(registration.event_id)
    mail_member(
        registration.user,
        template="events/email/registered" if registration.is_confirmed else "events/email/waitlisted",
        event=event,
        attach_calendar=registration.is_confirmed,
        promoted=promoted,
    )


@task()
def notify_moderators_of_report(*, report_id: int) -> None:
    """A member reported an event: tell the managers of its hub, or the agency when it has none."""
    report = (
        EventReport.objects.select_related("event__hub").filter(pk=report_id, closed__isnull=True).first()
    )
    if report is None:
        return
    moderators = list(hub_managers(report.event.hub_id)) or list(agency_staff())
    for moderator in moderators:
        mail_member(moderator, template="events/email/reported", event=report.event, report=report)


@task()
def import_calendar_feed(*, feed_id: int) -> None:
    """Import a hub's calendar into its moderation queue (events.calendar_import), and tell the
    hub's managers (the agency, for a hub without) when events await their review."""
    feed = CalendarFeed.objects.select_related("hub").filter(pk=feed_id, active=True).first()
    if feed is None:
        return
    try:
        result = import_feed(feed)
    except FeedError:
        return  # recorded on the feed, for its managers in the admin
    waiting = result.created + result.changed
    if not waiting:
        return
    for moderator in list(hub_managers(feed.hub_id)) or list(agency_staff()):
        with in_language_of(moderator):
            send_portal_mail(
                to=[moderator.email],
                template="events/email/imported",
                context={
                    "feed": feed,
                    "count": waiting,
                    "moderation_url": absolute_url(reverse("events:moderation")),
                },
            )
