"""Who may see and do what with an introduction, built on the roles of members.permissions.

The requester sees their request throughout; the recipient only once the hub approved it (a
request the hub declines never reaches them); its reviewers are the managers of the hub it
went to, or agency staff, who review every request and alone those without a hub. Nobody
reviews a request they are part of."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.refusals import Refusal, and_back, log_in_first
from members.models import Profile, User
from members.permissions import curates, is_agency

from .models import OPEN_STATUSES, Introduction


def is_requester(user, introduction: Introduction) -> bool:
    return user.is_authenticated and introduction.requester_id == user.pk


def is_recipient(user, introduction: Introduction) -> bool:
    """The member asked, once the hub approved the request."""
    return (
        user.is_authenticated and introduction.recipient_id == user.pk and introduction.approved is not None
    )


def is_party(user, introduction: Introduction) -> bool:
    return user.is_authenticated and user.pk in (introduction.requester_id, introduction.recipient_id)


def brokers(user, introduction: Introduction) -> bool:
    """The managers of the request's hub, and agency staff."""
    if introduction.hub_id is None:
        return is_agency(user)
    return curates(user, introduction.hub_id)


def can_view(user, introduction: Introduction) -> bool:
    return is_requester(user, introduction) or is_recipient(user, introduction) or brokers(user, introduction)


def can_review(user, introduction: Introduction) -> bool:
    return (
        introduction.is_awaiting_review and brokers(user, introduction) and not is_party(user, introduction)
    )


def can_revise(user, introduction: Introduction) -> bool:
    """The requester answers the hub's question by revising their note."""
    return is_requester(user, introduction) and introduction.status == Introduction.Status.MORE_INFO


def can_withdraw(user, introduction: Introduction) -> bool:
    return is_requester(user, introduction) and introduction.is_open


def can_answer(user, introduction: Introduction) -> bool:
    return is_recipient(user, introduction) and introduction.status == Introduction.Status.APPROVED


def can_record_outcome(user, introduction: Introduction) -> bool:
    return introduction.is_accepted and is_party(user, introduction)


@dataclass(frozen=True)
class IntroductionActions:
    """What the visitor of a request's page reads and may do there, decided once for the
    template (like events.permissions.EventActions)."""

    is_requester: bool
    is_recipient: bool
    reviewer: bool  # the hub's managers or agency staff, party to it or not
    review: bool
    revise: bool
    withdraw: bool
    answer: bool
    record_outcome: bool
    see_requester: bool  # who asks: for the reviewers and the member asked
    see_recipient: bool  # who would be introduced: for the reviewers and the requester
    see_hub_message: bool  # the hub's question or reason: not for the member asked
    see_earlier: bool  # earlier requests between the two: for the reviewers


def introduction_actions(user, introduction: Introduction) -> IntroductionActions:
    """What `user`, who may view it, may do on the page of `introduction`."""
    requester = is_requester(user, introduction)
    recipient = is_recipient(user, introduction)
    reviewer = brokers(user, introduction)
    return IntroductionActions(
        is_requester=requester,
        is_recipient=recipient,
        reviewer=reviewer,
        review=can_review(user, introduction),
        revise=can_revise(user, introduction),
        withdraw=can_withdraw(user, introduction),
        answer=can_answer(user, introduction),
        record_outcome=can_record_outcome(user, introduction),
        see_requester=reviewer or recipient,
        see_recipient=reviewer or requester,
        see_hub_message=bool(introduction.hub_message) and not recipient,
        see_earlier=reviewer,
    )


def request_refusal(user, profile: Profile) -> Refusal | None:
    """Why `user` may not ask for an introduction to the member of `profile` (one they may see),
    and what they can do about it; None when they may. The service asks again under a lock."""
    ask = reverse("introductions:ask", args=[profile.slug])
    if not user.is_authenticated:
        return log_in_first(_("Log in to ask for an introduction."), _("Log in"), back_to=ask)
    name = {"name": profile.display_name}
    other_suggestions = (_("See your other suggestions"), reverse("introductions:matches"))
    my_introductions = (_("See your introductions"), f"{reverse('members:dashboard')}#introductions-title")
    edit_profile = reverse("members:profile_edit")
    if profile.user_id == user.pk:
        return Refusal(_("This is your own profile."), _("Edit your profile"), edit_profile)
    if not profile.matchmaking:
        return Refusal(_("%(name)s does not take introduction requests.") % name, *other_suggestions)
    facts = requester_facts(user)
    if not facts["verified"]:
        return Refusal(
            _("Please confirm your email address first."),
            _("Confirm your email address"),
            reverse("account_email"),
        )
    if facts["profile__matchmaking"] is None:
        return Refusal(
            _("Please complete your profile first: the hub and %(name)s will want to know who asks.") % name,
            _("Complete your profile"),
            and_back(edit_profile, back_to=ask),
        )
    if not facts["profile__matchmaking"]:
        return Refusal(
            _("Switch matchmaking on in your profile to ask for introductions."),
            _("Switch matchmaking on"),
            reverse("introductions:matches"),
        )
    pair = Introduction.objects.between(user, profile.user_id).aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        declined=Max("answered", filter=Q(status=Introduction.Status.DECLINED, requester=user)),
    )
    if pair["open"]:
        return Refusal(_("A request between you and %(name)s is already open.") % name, *my_introductions)
    pause = timedelta(days=settings.INTRODUCTION_PAUSE_AFTER_DECLINE_DAYS)
    if pair["declined"] and pair["declined"] + pause > timezone.now():
        return Refusal(
            _("%(name)s declined your last request; you can ask again from %(date)s.")
            % {**name, "date": date_format(timezone.localdate(pair["declined"] + pause), "DATE_FORMAT")},
            *other_suggestions,
        )
    if facts["open_requests"] >= settings.INTRODUCTION_OPEN_LIMIT:
        return Refusal(
            _(
                "You have %(count)s requests waiting for an answer, as many as one may have at a time. "
                "Ask again once one of them is answered."
            )
            % {"count": facts["open_requests"]},
            *my_introductions,
        )
    if facts["recent_requests"] >= settings.INTRODUCTION_MONTHLY_LIMIT:
        return Refusal(
            _("You have asked for %(count)s introductions in the last 30 days; please wait a little.")
            % {"count": facts["recent_requests"]},
            *my_introductions,
        )
    return None


def requester_facts(user) -> dict:
    """What asking for an introduction takes, in one query: a verified address, a profile with
    matchmaking on, and the requests open and made in the last 30 days (the limits)."""
    mine = Introduction.objects.filter(requester=OuterRef("pk"))
    return (
        User.objects.filter(pk=user.pk)
        .annotate(
            verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
            open_requests=counted(mine.open()),
            recent_requests=counted(mine.filter(created__gte=timezone.now() - timedelta(days=30))),
        )
        .values("verified", "profile__matchmaking", "open_requests", "recent_requests")
        .get()
    )


def counted(queryset):
    return Coalesce(
        Subquery(queryset.order_by().values("requester").annotate(count=Count("pk")).values("count")[:1]),
        0,
    )
