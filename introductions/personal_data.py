"""What the introductions app holds about a member (registered in IntroductionsConfig.ready)."""

from members.personal_data import PersonalData

from .models import Introduction


def export(user) -> dict:
    return {
        # Those the member asked for, those they were asked about once the hub passed them on
        # (before, they are the asking member's and the hub's), their answers, and the
        # suggestions they hid.
        "introductions_requested": [
            _introduction_data(introduction, other=introduction.recipient)
            for introduction in user.requested_introductions.select_related("hub", "recipient__profile")
        ],
        "introductions_received": [
            _introduction_data(introduction, other=introduction.requester)
            for introduction in user.received_introductions.filter(approved__isnull=False).select_related(
                "hub", "requester__profile"
            )
        ],
        "introduction_outcomes": [
            {
                "introduction": outcome.introduction_id,
                "answer": outcome.answer,
                "answered": outcome.created.isoformat(),
            }
            for outcome in user.introduction_outcomes.order_by("created")
        ],
        "hidden_suggestions": [
            {
                "member": hidden.profile.display_name if hidden.profile else None,
                "organisation": hidden.organisation.name if hidden.organisation else None,
                "hidden": hidden.created.isoformat(),
            }
            for hidden in user.hidden_suggestions.select_related("profile", "organisation").order_by(
                "created"
            )
        ],
    }


def _introduction_data(introduction, *, other) -> dict:
    profile = getattr(other, "profile", None) if other else None
    return {
        "id": introduction.pk,
        "with": profile.display_name if profile else None,
        "hub": introduction.hub.name_de if introduction.hub else None,
        "note": introduction.note,
        "message_from_the_hub": introduction.hub_message,
        "status": introduction.status,
        "requested": introduction.created.isoformat(),
        "answered": introduction.answered.isoformat() if introduction.answered else None,
    }


def before_deletion(user) -> None:
    """The member's requests stay as counts, without what they wrote or were written, and
    without the history that holds it (the account itself is removed from them by SET_NULL)."""
    involved = Introduction.objects.filter(requester=user) | Introduction.objects.filter(recipient=user)
    ids = list(involved.values_list("pk", flat=True))
    Introduction.objects.filter(pk__in=ids).update(note="", hub_message="")
    Introduction.history.filter(id__in=ids).delete()


PERSONAL_DATA = PersonalData(
    app="introductions",
    holds=(
        "introductions.Introduction.requester",
        "introductions.Introduction.recipient",
        "introductions.HistoricalIntroduction.requester",
        "introductions.HistoricalIntroduction.recipient",
        "introductions.Outcome.member",
        "introductions.HiddenSuggestion.user",
    ),
    export=export,
    before_deletion=before_deletion,
    curators=("introductions.Introduction.reviewed_by", "introductions.HistoricalIntroduction.reviewed_by"),
)
