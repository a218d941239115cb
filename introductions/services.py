"""The life of an introduction: asked for by one member, reviewed by a hub the two share (or
the Hub-Agency), answered by the other member; reminded, expired and followed up by the daily
schedule; and forgotten with an account.

Each step locks the request, checks who may take it, changes it in one transaction, writes
an entry in its history (core.audit) and queues the emails it causes (introductions.tasks).
A step the rules do not allow raises IntroductionError with a message for the member.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import record
from hubs.models import Hub
from members.models import Profile, User

from . import matching, permissions, tasks
from .models import HiddenSuggestion, Introduction, Outcome

Status = Introduction.Status


class IntroductionError(Exception):
    """A step the rules do not allow; the message is for the member."""


def shared_hubs(one: User, other_id: int):
    """The hubs both members belong to: those that may review a request between them."""
    return Hub.objects.filter(memberships__user=one).filter(memberships__user_id=other_id).order_by("name_de")


def request_introduction(*, requester: User, profile: Profile, note: str, hub: Hub | None) -> Introduction:
    """Ask for an introduction to the member of `profile` (one `requester` may see), reviewed
    by `hub`, which both must belong to; without a shared hub the Hub-Agency reviews."""
    with transaction.atomic():
        # The requester's row serialises their requests, so that the limits hold.
        User.objects.select_for_update().filter(pk=requester.pk).first()
        refusal = permissions.request_refusal(requester, profile)
        if refusal:
            raise IntroductionError(refusal.reason)
        hubs = shared_hubs(requester, profile.user_id)
        if hub is None and hubs.exists():
            raise IntroductionError(_("Please choose the hub that should introduce you."))
        if hub is not None and not hubs.filter(pk=hub.pk).exists():
            raise IntroductionError(_("Only a hub you both belong to can introduce you."))
        introduction = Introduction(
            requester=requester,
            recipient=profile.user,
            hub=hub,
            note=note.strip(),
            waiting_since=timezone.now(),
        )
        introduction.full_clean()
        record(introduction, action="introduction.requested", by=requester)
        tasks.notify_brokers.enqueue(introduction_id=introduction.pk)
    matching.forget_shortlist(requester)
    return introduction


def _locked(introduction: Introduction) -> Introduction:
    return Introduction.objects.select_for_update().get(pk=introduction.pk)


def _move(introduction: Introduction, *, status: str, action: str, by: User, **changes) -> None:
    """Enter the next step: it waits from now, and has not been reminded yet."""
    introduction.status = status
    introduction.waiting_since = timezone.now()
    introduction.reminded = False
    for name, value in changes.items():
        setattr(introduction, name, value)
    record(
        introduction,
        action=action,
        by=by,
        update_fields=["status", "waiting_since", "reminded", "updated", *changes],
    )


def approve_introduction(*, introduction: Introduction, moderator: User) -> Introduction:
    """The hub vouches for the request: the recipient is asked, the requester told."""
    with transaction.atomic():
        introduction = _locked(introduction)
        _check_review(moderator, introduction)
        recipient = Profile.objects.filter(user_id=introduction.recipient_id, user__is_active=True).first()
        if recipient is None or not recipient.matchmaking:
            raise IntroductionError(_("The member no longer takes introduction requests; please decline."))
        _move(
            introduction,
            status=Status.APPROVED,
            action="introduction.approved",
            by=moderator,
            approved=timezone.now(),
            reviewed_by=moderator,
            hub_message="",
        )
        tasks.ask_recipient.enqueue(introduction_id=introduction.pk)
        tasks.tell_requester.enqueue(introduction_id=introduction.pk)
    return introduction


def decline_introduction(*, introduction: Introduction, moderator: User, reason: str) -> Introduction:
    """The hub does not pass the request on; the requester reads why. The recipient never knows."""
    if not reason.strip():
        raise IntroductionError(_("Please give the member a reason."))
    return _review_with_message(introduction, moderator, message=reason, status=Status.DECLINED_BY_HUB)


def ask_for_more(*, introduction: Introduction, moderator: User, question: str) -> Introduction:
    """The hub asks the requester to say more before it decides."""
    if not question.strip():
        raise IntroductionError(_("Please write what the member should tell you."))
    return _review_with_message(introduction, moderator, message=question, status=Status.MORE_INFO)


def _review_with_message(
    introduction: Introduction, moderator: User, *, message: str, status: str
) -> Introduction:
    """A review that sends the request back to the requester with the hub's words."""
    with transaction.atomic():
        introduction = _locked(introduction)
        _check_review(moderator, introduction)
        _move(
            introduction,
            status=status,
            action=f"introduction.{status}",
            by=moderator,
            reviewed_by=moderator,
            hub_message=message.strip(),
        )
        tasks.tell_requester.enqueue(introduction_id=introduction.pk)
    return introduction


def _check_review(moderator: User, introduction: Introduction) -> None:
    if not permissions.brokers(moderator, introduction) or permissions.is_party(moderator, introduction):
        raise IntroductionError(_("Only the hub's managers and the Hub-Agency can review this request."))
    if not introduction.is_awaiting_review:
        raise IntroductionError(_("This request is not awaiting review."))


def revise_introduction(*, introduction: Introduction, requester: User, note: str) -> Introduction:
    """The requester answers the hub's question with a revised note; the request is back in review."""
    with transaction.atomic():
        introduction = _locked(introduction)
        if not permissions.can_revise(requester, introduction):
            raise IntroductionError(_("Only a request the hub asked about can be revised."))
        introduction.note = note.strip()
        introduction.full_clean()
        _move(
            introduction,
            status=Status.REQUESTED,
            action="introduction.revised",
            by=requester,
            note=introduction.note,
        )
        tasks.notify_brokers.enqueue(introduction_id=introduction.pk)
    return introduction


def withdraw_introduction(*, introduction: Introduction, requester: User) -> Introduction:
    with transaction.atomic():
        introduction = _locked(introduction)
        if not permissions.can_withdraw(requester, introduction):
            raise IntroductionError(_("Only an open request can be withdrawn."))
        _move(introduction, status=Status.WITHDRAWN, action="introduction.withdrawn", by=requester)
    return introduction


def accept_introduction(*, introduction: Introduction, recipient: User) -> Introduction:
    """The recipient agrees: both receive each other's contact details by email."""
    return _answer(introduction, recipient, accept=True)


def decline_as_recipient(*, introduction: Introduction, recipient: User) -> Introduction:
    """The recipient declines; the requester is told, without a reason."""
    return _answer(introduction, recipient, accept=False)


def _answer(introduction: Introduction, recipient: User, *, accept: bool) -> Introduction:
    with transaction.atomic():
        introduction = _locked(introduction)
        if not permissions.can_answer(recipient, introduction):
            raise IntroductionError(_("This request is not waiting for your answer."))
        _move(
            introduction,
            status=Status.ACCEPTED if accept else Status.DECLINED,
            action="introduction.accepted" if accept else "introduction.declined",
            by=recipient,
            answered=timezone.now(),
        )
        if accept:
            tasks.share_contacts.enqueue(introduction_id=introduction.pk)
        else:
            tasks.tell_requester.enqueue(introduction_id=introduction.pk)
    return introduction


def record_outcome(*, introduction: Introduction, member: User, answer: str) -> Outcome:
    """One side says what came of an accepted introduction; saying again changes the answer."""
    if answer not in Outcome.Answer.values:
        raise IntroductionError(_("Please choose one of the answers."))
    with transaction.atomic():
        introduction = _locked(introduction)
        if not permissions.can_record_outcome(member, introduction):
            raise IntroductionError(
                _("Only the two members of an accepted introduction can say what came of it.")
            )
        outcome, _created = Outcome.objects.update_or_create(
            introduction=introduction, member=member, defaults={"answer": answer}
        )
    return outcome


# The daily schedule (manage.py run_introduction_schedule)


def run_schedule(*, now=None) -> dict[str, int]:
    """Remind once whoever a step waits for, after INTRODUCTION_REMINDER_DAYS; expire a step
    after INTRODUCTION_EXPIRY_DAYS; ask both sides of an introduction accepted
    INTRODUCTION_OUTCOME_DAYS ago what came of it. Returns how many of each."""
    now = now or timezone.now()
    days = timedelta(days=1)
    done = {"reminded": 0, "expired": 0, "asked": 0}
    expiring = Introduction.objects.open().filter(
        waiting_since__lte=now - settings.INTRODUCTION_EXPIRY_DAYS * days
    )
    for pk in expiring.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            introduction = Introduction.objects.select_for_update().open().filter(pk=pk).first()
            if introduction is None:
                continue
            _move(introduction, status=Status.EXPIRED, action="introduction.expired", by=None)
            tasks.tell_requester.enqueue(introduction_id=pk)
            done["expired"] += 1
    due = Introduction.objects.open().filter(
        reminded=False, waiting_since__lte=now - settings.INTRODUCTION_REMINDER_DAYS * days
    )
    for pk in due.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            if Introduction.objects.filter(pk=pk, reminded=False).open().update(reminded=True):
                tasks.remind.enqueue(introduction_id=pk)
                done["reminded"] += 1
    followed = Introduction.objects.filter(
        status=Status.ACCEPTED,
        outcome_asked=False,
        answered__lte=now - settings.INTRODUCTION_OUTCOME_DAYS * days,
    )
    for pk in followed.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            if Introduction.objects.filter(pk=pk, outcome_asked=False).update(outcome_asked=True):
                tasks.ask_outcome.enqueue(introduction_id=pk)
                done["asked"] += 1
    return done


# Matchmaking settings


def hide_suggestion(*, user: User, profile: Profile | None = None, organisation=None) -> None:
    HiddenSuggestion.objects.get_or_create(user=user, profile=profile, organisation=organisation)
    matching.forget_shortlist(user)


def show_hidden_suggestions(*, user: User) -> int:
    deleted, _by_model = HiddenSuggestion.objects.filter(user=user).delete()
    matching.forget_shortlist(user)
    return deleted


def set_matchmaking(*, user: User, on: bool) -> bool:
    """Switch matchmaking on or off; False when the member has no profile yet."""
    matching.forget_shortlist(user)
    return bool(Profile.objects.filter(user=user).update(matchmaking=on))
