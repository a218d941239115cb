"""Warm introductions between members, vetted by a hub: requested by one member, reviewed by a
hub the two share (or the Hub-Agency), answered by the other; and what came of them.

Also the suggestions a member has hidden from their matches (introductions.matching)."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.permissions import CuratedByHubQuerySet

NOTE_MAX_LENGTH = 600


class IntroductionStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting the hub")
    MORE_INFO = "more_info", _("The hub asks for more")
    APPROVED = "approved", _("Awaiting the answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED_BY_HUB = "declined_by_hub", _("Declined by the hub")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Waiting for somebody: the hub (requested), the requester (more info), the recipient (approved).
OPEN_STATUSES = [IntroductionStatus.REQUESTED, IntroductionStatus.MORE_INFO, IntroductionStatus.APPROVED]


class IntroductionQuerySet(CuratedByHubQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def awaiting_review(self):
        return self.filter(status=IntroductionStatus.REQUESTED)

    def between(self, one, other):
        """Every request between two members, in either direction."""
        return self.filter(
            Q(requester=one, recipient=other) | Q(requester=other, recipient=one),
        )

    def involving(self, user):
        """The requests `user` made, and those they were asked to answer: a request reaches
        its recipient only once the hub approved it."""
        return self.filter(Q(requester=user) | Q(recipient=user, approved__isnull=False))

    def with_people(self):
        return self.select_related("requester__profile", "recipient__profile", "hub")

    def count_by_step(self):
        """What became of these requests (per group of a values()): requested, approved by the
        hub, accepted, declined by the member or by the hub, expired, still open; and with_outcome,
        the accepted ones whose members reported more than "nothing came of it". The one
        definition for the introductions' counts and the network's figures."""
        came_of_it = Outcome.objects.filter(introduction=OuterRef("pk")).exclude(answer=OutcomeAnswer.NOTHING)
        return self.annotate(
            requested=Count("pk"),
            approved=Count("pk", filter=Q(approved__isnull=False)),
            accepted=Count("pk", filter=Q(status=IntroductionStatus.ACCEPTED)),
            declined=Count("pk", filter=Q(status=IntroductionStatus.DECLINED)),
            declined_by_hub=Count("pk", filter=Q(status=IntroductionStatus.DECLINED_BY_HUB)),
            expired=Count("pk", filter=Q(status=IntroductionStatus.EXPIRED)),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            with_outcome=Count("pk", filter=Q(Exists(came_of_it), status=IntroductionStatus.ACCEPTED)),
        )


class Introduction(models.Model):
    """One member asks to be introduced to another; the hub vets it, the other accepts or not.
    Contact details are exchanged by email on acceptance only."""

    Status = IntroductionStatus

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the request stays as a count when the account goes
        null=True,
        related_name="requested_introductions",
        verbose_name=_("requested by"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="received_introductions",
        verbose_name=_("introduction to"),
    )
    hub = models.ForeignKey(
        "hubs.Hub",
        on_delete=models.SET_NULL,  # then the agency reviews it
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("reviewed by the hub"),
        help_text=_("A hub both belong to; empty: the Hub-Agency reviews."),
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    hub_message = models.TextField(
        _("message from the hub"),
        blank=True,
        help_text=_("The question when the hub asks for more, or the reason when it declines."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    created = models.DateTimeField(_("requested"), default=timezone.now, editable=False)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    waiting_since = models.DateTimeField(
        _("waiting since"), help_text=_("When the current step began; it expires after 14 days.")
    )
    reminded = models.BooleanField(_("reminded in this step"), default=False)
    approved = models.DateTimeField(_("approved"), null=True, blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome_asked = models.BooleanField(_("asked for the outcome"), default=False)

    objects = IntroductionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created", "-pk"]
        indexes = [
            # The manager's queue (a hub's open requests, oldest first) and the daily schedule.
            models.Index(fields=["hub", "status", "waiting_since"], name="introduction_queue"),
            models.Index(fields=["status", "waiting_since"], name="introduction_waiting"),
            # The limits: a member's open requests, and those of the last month.
            models.Index(fields=["requester", "created"], name="introduction_requester"),
            models.Index(fields=["recipient", "status"], name="introduction_recipient"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("recipient")), name="introduction_not_to_oneself"
            ),
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=OPEN_STATUSES),
                name="introduction_one_open_per_pair",
                violation_error_message=_("You have already asked for this introduction."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=IntroductionStatus.values), name="introduction_status_known"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), NOTE_MAX_LENGTH), name="introduction_note_length"
            ),
        ]

    def __str__(self):
        return _("Introduction %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("introductions:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_awaiting_review(self) -> bool:
        return self.status == self.Status.REQUESTED

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED


class OutcomeAnswer(models.TextChoices):
    MET = "met", _("We met")
    FOLLOW_UP = "follow_up", _("A follow-up is planned")
    PILOT = "pilot", _("A pilot project")
    INVESTMENT = "investment", _("An investment")
    NOTHING = "nothing", _("Nothing came of it")


class Outcome(models.Model):
    """What one side says came of an accepted introduction."""

    Answer = OutcomeAnswer

    introduction = models.ForeignKey(
        Introduction, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("introduction")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the answer stays as a count
        null=True,
        related_name="introduction_outcomes",
        verbose_name=_("member"),
    )
    answer = models.CharField(_("what came of it"), max_length=20, choices=Answer.choices)
    created = models.DateTimeField(_("answered"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["introduction", "member"], name="outcome_one_per_side"),
            models.CheckConstraint(condition=Q(answer__in=OutcomeAnswer.values), name="outcome_answer_known"),
        ]

    def __str__(self):
        return self.get_answer_display()


class HiddenSuggestion(models.Model):
    """A person or an organisation a member does not want suggested again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_suggestions"
    )
    profile = models.ForeignKey(
        "members.Profile", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hidden suggestion")
        verbose_name_plural = _("hidden suggestions")
        constraints = [
            models.CheckConstraint(
                condition=Q(profile__isnull=False, organisation__isnull=True)
                | Q(profile__isnull=True, organisation__isnull=False),
                name="hidden_suggestion_one_target",
            ),
            models.UniqueConstraint(fields=["user", "profile"], name="hidden_suggestion_profile_once"),
            models.UniqueConstraint(
                fields=["user", "organisation"], name="hidden_suggestion_organisation_once"
            ),
        ]

    def __str__(self):
        return str(self.profile or self.organisation)
