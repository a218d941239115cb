"""What the events app holds about a member (registered in EventsConfig.ready)."""

from members.personal_data import PersonalData

from .models import PostingSuspension


def export(user) -> dict:
    return {
        "event_registrations": [
            {
                "event": registration.event.title,
                "start": registration.event.start.isoformat(),
                "status": registration.status,
                "registered": registration.created.isoformat(),
            }
            for registration in user.event_registrations.select_related("event").order_by("created")
        ],
        "event_reports": [
            {
                "event": report.event.title,
                "reason": report.reason,
                "note": report.note,
                "reported": report.created.isoformat(),
            }
            for report in user.event_reports.select_related("event").order_by("created")
        ],
        "posting_suspensions": [
            {
                "reason": suspension.reason,
                "suspended": suspension.created.isoformat(),
                "lifted": suspension.lifted.isoformat() if suspension.lifted else None,
            }
            for suspension in user.posting_suspensions.order_by("created")
        ],
        "organised_events": [
            {"title": event.title, "start": event.start.isoformat(), "status": event.status}
            for event in user.organised_events.order_by("start")
        ],
        "personal_calendar": (
            {"created": user.calendar_token.created.isoformat()} if hasattr(user, "calendar_token") else None
        ),
    }


def before_deletion(user) -> None:
    """Reports stay for the moderators, without the member and what they wrote."""
    user.event_reports.update(note="")


def after_deletion(user_id: int) -> None:
    """The suspensions of the member's posting rights went with the account (CASCADE); their
    history goes too, which names the member and the agency's reason."""
    PostingSuspension.history.filter(user_id=user_id).delete()


PERSONAL_DATA = PersonalData(
    app="events",
    holds=(
        "events.Event.organiser",
        "events.EventForReview.organiser",
        "events.HistoricalEvent.organiser",
        "events.Registration.user",
        "events.CalendarToken.user",
        "events.EventReport.reporter",
        "events.PostingSuspension.user",
        "events.HistoricalPostingSuspension.user",
    ),
    export=export,
    before_deletion=before_deletion,
    after_deletion=after_deletion,
    curators=("events.EventReport.closed_by", "events.CalendarFeed.added_by"),
)
