"""What a user may do with an event, built on the roles of members.permissions (which also
says for which hubs a member may post: `hubs_for_submission`).

Views, services, the admin and (through EventActions) the templates ask these functions;
nothing else decides who may see, edit, submit, review, cancel or register.
"""

from dataclasses import dataclass

from django.conf import settings

from members.permissions import curates, has_curation_role

from .models import Event, PostingSuspension, Registration


def moderates_any(user) -> bool:
    """Has a moderation queue: agency staff and hub managers."""
    return has_curation_role(user)


def can_moderate(user, event: Event) -> bool:
    """Agency staff, and the managers of the hosting hub, publish, reject and edit events."""
    return curates(user, event.hub_id)


def can_review(user, event: Event) -> bool:
    """Publish or reject: a moderator, while the event awaits review."""
    return event.is_awaiting_review and can_moderate(user, event)


def is_trusted_organiser(user, *, published: int | None = None) -> bool:
    """Agency staff, hub managers, and members with EVENT_TRUSTED_AFTER events published (and
    perhaps cancelled since): the hub has vouched for them often enough. Every event is still
    reviewed; trust lifts the limit on events awaiting review, and their links are followed.
    `published`: their number of such events, where it was read already."""
    if has_curation_role(user):
        return True
    if published is None:
        published = Event.objects.public().filter(organiser=user).count()
    return published >= settings.EVENT_TRUSTED_AFTER


def posting_suspended(user) -> bool:
    """The Hub-Agency has suspended the member's right to post events."""
    return user.is_authenticated and PostingSuspension.objects.in_force().filter(user=user).exists()


def is_organiser(user, event: Event) -> bool:
    return user.is_authenticated and event.organiser_id == user.pk


def can_edit(user, event: Event) -> bool:
    if event.is_cancelled:
        return False
    return is_organiser(user, event) or can_moderate(user, event)


def can_submit(user, event: Event) -> bool:
    """The organiser hands a draft, or a rejected event, to the hub."""
    return is_organiser(user, event) and event.awaits_submission


def edit_returns_to_review(user, event: Event) -> bool:
    """An organiser's change to a published event sends it back to review (see services.update_event)."""
    return event.is_published and not can_moderate(user, event)


def can_cancel(user, event: Event) -> bool:
    """The organiser and the moderators; only a published event can be cancelled (is_cancellable)."""
    return is_organiser(user, event) or can_moderate(user, event)


def can_view(user, event: Event) -> bool:
    return event.is_public or is_organiser(user, event) or can_moderate(user, event)


def can_report(user, event: Event) -> bool:
    """Members report a published event that is not theirs; its moderators act on it directly."""
    return (
        user.is_authenticated
        and event.is_published
        and not is_organiser(user, event)
        and not can_moderate(user, event)
    )


def can_see_attendees(user, event: Event) -> bool:
    return is_organiser(user, event) or can_moderate(user, event)


@dataclass(frozen=True)
class EventActions:
    """What the visitor of an event page may do there, decided once for the template."""

    edit: bool
    submit: bool
    cancel: bool
    review: bool
    see_attendees: bool
    see_online_link: bool
    registration: Registration | None
    register: bool  # a seat is free
    join_waitlist: bool  # full, with a waitlist
    fully_booked: bool  # full, without a waitlist
    log_in_to_register: bool
    register_externally: bool
    trusted_links: bool  # the organiser is trusted: links in the description are followed
    report: bool  # a member may report it, and has not yet
    reported: bool  # the member has reported it
    see_reports: bool  # a moderator, and there are open reports

    @property
    def manage(self) -> bool:
        return (
            self.edit or self.submit or self.cancel or self.review or self.see_attendees or self.see_reports
        )


def event_actions(user, event: Event, *, registration: Registration | None) -> EventActions:
    """What `user` may do on the page of `event`, as read by Event.objects.for_page(user)."""
    takes_registrations = event.takes_registrations
    open_to_register = takes_registrations and user.is_authenticated and registration is None
    seat_free = event.has_free_seats
    confirmed = registration is not None and registration.is_confirmed
    return EventActions(
        edit=can_edit(user, event),
        submit=can_submit(user, event),
        cancel=event.is_cancellable and can_cancel(user, event),
        review=can_review(user, event),
        see_attendees=can_see_attendees(user, event),
        see_online_link=bool(event.online_url)
        and (
            not event.registers_on_portal
            or confirmed
            or is_organiser(user, event)
            or can_moderate(user, event)
        ),
        registration=registration if takes_registrations else None,
        register=open_to_register and seat_free,
        join_waitlist=open_to_register and not seat_free and event.waitlist,
        fully_booked=takes_registrations and registration is None and not seat_free and not event.waitlist,
        log_in_to_register=takes_registrations and not user.is_authenticated,
        register_externally=event.registration_mode == Event.RegistrationMode.EXTERNAL
        and not event.is_cancelled,
        # From Event.objects.for_page(user).
        trusted_links=event.organiser is not None
        and is_trusted_organiser(event.organiser, published=event.organiser_published),
        report=can_report(user, event) and not event.reported_by_viewer,
        reported=event.reported_by_viewer,
        see_reports=bool(event.open_reports) and can_moderate(user, event),
    )
