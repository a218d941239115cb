"""The life of an event: creation, changes, submission, moderation, cancellation, registration.

Each function takes data (never a form), checks the rules, locks the event row where a
concurrent change matters, changes state in one transaction, and records what happened in
the event's history (who, and a reason such as "event.published"). The emails it causes are
queued in that same transaction (events.tasks). A broken rule of the workflow raises
EventError with a message for the member; invalid data raises Django's ValidationError.
The front end and the admin call the same functions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import record
from core.slugs import unique_slug
from members.models import User

from . import permissions, tasks
from .models import (
    CalendarToken,
    Event,
    EventReport,
    EventSeries,
    PostingSuspension,
    Registration,
    new_calendar_token,
)


class EventError(Exception):
    """A request the rules of the event workflow do not allow; the message is for the member."""


SUSPENDED = gettext_lazy(
    "The Hub-Agency has suspended your right to post events. Please write to the agency if you "
    "think this is a mistake."
)


def create_event(
    *, event: Event, organiser: User, cohosts=(), focus_themes=(), submit: bool = False
) -> Event:
    """Store a new event (its fields set, not yet saved): a draft, or with `submit` straight
    into review, which tells the hub's managers."""
    event.organiser = event.organiser or organiser
    event.slug = event.slug or unique_slug(Event, event.title, fallback="event", length=70)
    event.status = Event.Status.SUBMITTED if submit else Event.Status.DRAFT
    event.full_clean()
    with transaction.atomic():
        if submit:
            check_pending_limit(organiser)
        elif permissions.posting_suspended(organiser):
            raise EventError(SUSPENDED)
        record(event, action="event.submitted" if submit else "event.created", by=organiser)
        set_hubs_and_themes(event, cohosts=cohosts, focus_themes=focus_themes)
        if submit:
            tasks.notify_moderators.enqueue(event_id=event.pk)
    return event


def update_event(
    *, event: Event, editor: User, changes: dict, cohosts=None, focus_themes=None, submit: bool = False
) -> Event:
    """Change an event's fields (`changes`, by name) and, when given, its co-hosts and themes.

    When the organiser changes a published event, it goes back to review: the hub vouches
    for what it publishes. Registrations stay, and the event is listed again once approved.
    Changes by a moderator keep it published. The row is locked, and only the changed
    fields are written, so that no concurrent publication or cancellation is undone.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        action = change_event(
            event, editor=editor, changes=changes, cohosts=cohosts, focus_themes=focus_themes, submit=submit
        )
        if action != "event.updated":
            tasks.notify_moderators.enqueue(event_id=event.pk)
    return event


def change_event(event: Event, *, editor: User, changes: dict, cohosts, focus_themes, submit: bool) -> str:
    """update_event's change of one locked event; returns what happened, for its history."""
    changed = [name for name, value in changes.items() if getattr(event, name) != value]
    for name in changed:
        setattr(event, name, changes[name])
    event.full_clean()
    action = "event.updated"
    if permissions.edit_returns_to_review(editor, event):
        event.status, action = Event.Status.SUBMITTED, "event.resubmitted"
    elif submit and event.awaits_submission:
        check_pending_limit(editor)
        event.status, action = Event.Status.SUBMITTED, "event.submitted"
    event.revision += 1
    fields = [*changed, "status", "revision", "updated"]
    if event.series_id:
        fields += ["series", "occurrence_start"]
    record(event, action=action, by=editor, update_fields=fields)
    set_hubs_and_themes(event, cohosts=cohosts, focus_themes=focus_themes)
    return action


def create_series(
    *,
    event: Event,
    series: EventSeries,
    organiser: User,
    skipped=(),
    cohosts=(),
    focus_themes=(),
    submit: bool = False,
) -> list[Event]:
    """Store a new series (its rule set, not yet saved) and an event for each date it gives but
    the `skipped` dates: copies of `event` (not saved), which starts at the first date. Drafts,
    or straight into review, where the hub reviews the series as one (review_event)."""
    series.first_start = event.start
    series.full_clean()
    event.organiser = event.organiser or organiser
    event.status = Event.Status.SUBMITTED if submit else Event.Status.DRAFT
    event.full_clean(exclude=["slug"])
    skipped = set(skipped)
    starts = [start for start in series.dates() if timezone.localdate(start) not in skipped]
    if not starts:
        raise ValidationError(_("The series has no date left."))
    length = event.end - event.start
    with transaction.atomic():
        if submit:
            check_pending_limit(organiser)
        elif permissions.posting_suspended(organiser):
            raise EventError(SUSPENDED)
        series.save()
        occurrences = []
        for start in starts:
            occurrence = Event(
                **{field.attname: getattr(event, field.attname) for field in Event._meta.concrete_fields},
            )
            occurrence.pk = None
            occurrence.start, occurrence.end = start, start + length
            occurrence.series, occurrence.occurrence_start = series, start
            when = timezone.localdate(start).isoformat()
            occurrence.slug = unique_slug(Event, f"{event.title} {when}", fallback="event", length=70)
            record(occurrence, action="event.submitted" if submit else "event.created", by=organiser)
            set_hubs_and_themes(occurrence, cohosts=cohosts, focus_themes=focus_themes)
            occurrences.append(occurrence)
        if submit:
            tasks.notify_moderators.enqueue(event_id=occurrences[0].pk)
    return occurrences


def update_series_from(
    *, event: Event, editor: User, changes: dict, cohosts=None, focus_themes=None
) -> Event:
    """Change a date of a series and every later one ("this and following"): the same changes,
    times shifted by as much as this date's. Its date stays (a single date moves on its own, with
    update_event). From the second date on, the series splits in two at this date, so that
    calendars keep one rule for the dates before and one for the changed ones."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        series = EventSeries.objects.select_for_update().get(pk=event.series_id)
        start, end = changes.get("start", event.start), changes.get("end", event.end)
        if timezone.localdate(start) != timezone.localdate(event.start):
            raise ValidationError(
                {
                    "start": _(
                        "This and the following dates can change their time, not their day. "
                        "Move a single date with “only this date”."
                    )
                }
            )
        shift_start, shift_end = start - event.start, end - event.end
        following = list(
            series.occurrences.select_for_update()
            .filter(occurrence_start__gte=event.occurrence_start)
            .order_by("occurrence_start")
        )
        earlier = [date for date in series.dates() if date < event.occurrence_start]
        if earlier:
            rest = EventSeries.objects.create(
                frequency=series.frequency,
                interval=series.interval,
                first_start=event.occurrence_start + shift_start,
                until=series.until + shift_start,
            )
            series.until = earlier[-1]
        else:
            rest = series
            series.first_start += shift_start
            series.until += shift_start
        series.save()
        others = {name: value for name, value in changes.items() if name not in ("start", "end")}
        resubmitted = None
        for occurrence in following:
            occurrence.series, occurrence.occurrence_start = rest, occurrence.occurrence_start + shift_start
            if occurrence.is_cancelled:  # stays as it was announced, an exception of the series
                occurrence.save(update_fields=["series", "occurrence_start"])
                continue
            dates = {"start": occurrence.start + shift_start, "end": occurrence.end + shift_end}
            action = change_event(
                occurrence,
                editor=editor,
                changes={**others, **dates},
                cohosts=cohosts,
                focus_themes=focus_themes,
                submit=False,
            )
            if action != "event.updated":
                resubmitted = resubmitted or occurrence
        if resubmitted:
            tasks.notify_moderators.enqueue(event_id=resubmitted.pk)
    return next(occurrence for occurrence in following if occurrence.pk == event.pk)


def check_pending_limit(organiser: User) -> None:
    """Members who are not yet trusted organisers have at most EVENT_PENDING_LIMIT events
    awaiting review at once, so that a new account cannot flood the hubs' queues, and members
    whose posting rights are suspended submit none. Takes the organiser's row lock, so that
    simultaneous submissions count each other."""
    User.objects.select_for_update().filter(pk=organiser.pk).first()
    if permissions.posting_suspended(organiser):
        raise EventError(SUSPENDED)
    if permissions.is_trusted_organiser(organiser):
        return
    # A series awaiting review counts once: the hub reviews it as one.
    waiting = Event.objects.filter(organiser=organiser, status=Event.Status.SUBMITTED).aggregate(
        number=Count("pk", filter=Q(series__isnull=True)) + Count("series", distinct=True)
    )["number"]
    if waiting >= settings.EVENT_PENDING_LIMIT:
        raise EventError(
            _(
                "You have %(count)s events awaiting review, as many as a new organiser may have at "
                "once. Save this one as a draft and submit it once the hub has reviewed one of them."
            )
            % {"count": waiting}
        )


def set_hubs_and_themes(event: Event, *, cohosts=None, focus_themes=None) -> None:
    """The co-hosting hubs (never the hosting hub itself) and the focus themes; None keeps them."""
    if cohosts is not None:
        event.cohosts.set([hub for hub in cohosts if hub.pk != event.hub_id])
    if focus_themes is not None:
        event.focus_themes.set(focus_themes)


def submit_event(*, event: Event, user: User) -> Event:
    """The organiser hands a draft (or a rejected event) to the hub for review."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not permissions.can_submit(user, event):
            raise EventError(_("Only the organiser can submit a draft or a rejected event."))
        check_pending_limit(user)
        for each in [event, *other_dates(event, status__in=[Event.Status.DRAFT, Event.Status.REJECTED])]:
            each.status = Event.Status.SUBMITTED
            record(each, action="event.submitted", by=user, update_fields=["status", "updated"])
        tasks.notify_moderators.enqueue(event_id=event.pk)
    return event


def other_dates(event: Event, **conditions) -> list[Event]:
    """The other dates of `event`'s series that meet `conditions`, locked; none outside a series.
    Submission and review take a series as one."""
    if event.series_id is None:
        return []
    dates = Event.objects.select_for_update().filter(series=event.series_id, **conditions)
    return list(dates.exclude(pk=event.pk).order_by("start"))


def publish_event(*, event: Event, moderator: User) -> list[Event]:
    return review_event(event=event, moderator=moderator, status=Event.Status.PUBLISHED)


def reject_event(*, event: Event, moderator: User, reason: str) -> list[Event]:
    reason = reason.strip()
    if not reason:
        raise EventError(_("Please give the organiser a reason."))
    return review_event(event=event, moderator=moderator, status=Event.Status.REJECTED, reason=reason)


def review_event(*, event: Event, moderator: User, status: str, reason: str = "") -> list[Event]:
    """Publish or reject a submitted event (with the dates of its series awaiting review), and
    tell its organiser either way. Returns every date reviewed."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not permissions.can_moderate(moderator, event):
            raise EventError(_("Only the hub's managers and the Hub-Agency can review this event."))
        if not event.is_awaiting_review:
            raise EventError(_("Only events awaiting review can be published or rejected."))
        published = status == Event.Status.PUBLISHED
        dates = [event, *other_dates(event, status=Event.Status.SUBMITTED)]
        for each in dates:
            each.status = status
            each.rejection_reason = reason
            record(
                each,
                action="event.published" if published else "event.rejected",
                by=moderator,
                update_fields=["status", "rejection_reason", "updated"],
            )
        template = "events/email/published" if published else "events/email/rejected"
        tasks.notify_organiser.enqueue(event_id=event.pk, template=template)
    return dates


def cancel_event(*, event: Event, user: User, following: bool = False) -> Event:
    """Cancel a published event and tell everyone registered or waiting; with `following`, its
    series' later published dates too (a date of a series left out is an exception, EXDATE)."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not permissions.can_cancel(user, event):
            raise EventError(
                _("Only the organiser, the hub's managers and the Hub-Agency can cancel this event.")
            )
        if not event.is_cancellable:
            raise EventError(_("Only published events can be cancelled."))
        later = (
            other_dates(event, status=Event.Status.PUBLISHED, occurrence_start__gt=event.occurrence_start)
            if following
            else []
        )
        for each in [event, *later]:
            each.status = Event.Status.CANCELLED
            each.revision += 1
            record(each, action="event.cancelled", by=user, update_fields=["status", "revision", "updated"])
            tasks.notify_cancellation.enqueue(event_id=each.pk)
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
        if event.has_free_seats:  # the counts are exact: kept in step in the transactions that change them
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
        freed_seat = registration.is_confirmed
        registration.delete()
        promoted = None
        if freed_seat and not event.is_cancelled:
            promoted = event.registrations.waitlisted().select_related("user").first()
            if promoted:
                promoted.status = Registration.Status.CONFIRMED
                promoted.save(update_fields=["status"])
                tasks.notify_registration.enqueue(registration_id=promoted.pk, promoted=True)
    return promoted


def calendar_token_of(user: User) -> CalendarToken:
    """The secret of the member's personal calendar feed, made the first time it is asked for."""
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


def renew_calendar_token(*, user: User) -> bool:
    """A (new) secret for the member's personal calendar feed; an old address stops working, and
    with it every old subscription. True when there was an old one."""
    _token, created = CalendarToken.objects.update_or_create(
        user=user, defaults={"token": new_calendar_token(), "created": timezone.now()}
    )
    return not created


def report_event(*, event: Event, reporter: User, reason: str, note: str = "") -> EventReport:
    """A member reports a published event; the hub's moderators are told. Once per member."""
    if not permissions.can_report(reporter, event):
        raise EventError(_("Members report published events of others; moderators act on them directly."))
    report = EventReport(event=event, reporter=reporter, reason=reason, note=note.strip())
    report.full_clean()  # the constraint: once per member and event
    with transaction.atomic():
        report.save()
        tasks.notify_moderators_of_report.enqueue(report_id=report.pk)
    return report


def close_reports(*, reports, moderator: User) -> int:
    """The moderators have looked at these reports (and changed or cancelled their events, or
    not), on the event's page or in the admin; how many were open."""
    if reports.exclude(event__in=Event.objects.curated_by(moderator)).exists():
        raise EventError(_("Only the hub's managers and the Hub-Agency can close reports."))
    return reports.open().update(closed=timezone.now(), closed_by=moderator)


def suspend_posting(*, user: User, reason: str, by: User) -> PostingSuspension:
    """The agency suspends a member's right to post events (drafts stay; nothing is submitted)."""
    suspension = PostingSuspension(user=user, reason=reason.strip())
    suspension.full_clean()
    with transaction.atomic():
        record(suspension, action="posting.suspended", by=by)
    return suspension


def lift_suspension(*, suspension: PostingSuspension, by: User) -> bool:
    """False when it was lifted already."""
    with transaction.atomic():
        suspension = PostingSuspension.objects.select_for_update().get(pk=suspension.pk)
        if not suspension.in_force:
            return False
        suspension.lifted = timezone.now()
        record(suspension, action="posting.restored", by=by, update_fields=["lifted"])
    return True
