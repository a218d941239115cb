"""Who may book, cancel and see desk bookings, built on the roles of members.permissions.

The Start-up Card is for founders: a member whose email address is verified, whose profile
says they found a start-up (with its name), and who belongs to a hub, books desks in the
other hubs.
"""

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.aggregates import ids_of
from core.refusals import Refusal, and_back, log_in_first
from members.models import Membership, Profile, User
from members.permissions import curates

from .models import DeskBooking, DeskSpace


def booking_refusal(user, space: DeskSpace) -> Refusal | None:
    """Why `user` may not book a desk in `space`, and what they can do about it; None when they may."""
    if not user.is_authenticated:
        return log_in_first(
            _("Log in to book a desk."), _("Log in to book a desk"), back_to=space.get_absolute_url()
        )
    if not space.active:
        return Refusal(
            _("This space takes no bookings at the moment."), _("See the other spaces"), reverse("desks:list")
        )
    facts = card_facts(user)
    if not facts["verified"]:
        return Refusal(
            _("Please confirm your email address first."),
            _("Confirm your email address"),
            reverse("account_email"),
        )
    if facts["profile__member_type"] != Profile.MemberType.FOUNDER or not facts["profile__startup_name"]:
        field = (
            "startup_name" if facts["profile__member_type"] == Profile.MemberType.FOUNDER else "member_type"
        )
        return Refusal(
            _(
                "The Start-up Card is for founders: your profile must say you are a founder and name your start-up."
            ),
            _("Complete your profile"),
            and_back(reverse("members:profile_edit"), back_to=space.get_absolute_url(), anchor=f"id_{field}"),
        )
    hub_ids = set(facts["hub_ids"] or ())
    if not hub_ids:
        return Refusal(
            _(
                "Join your own hub first: the Start-up Card opens the desks of the other hubs to its founders."
            ),
            _("Choose your hub"),
            reverse("hubs:list"),
        )
    if space.hub_id in hub_ids:
        return Refusal(
            _("This space belongs to your own hub: the Start-up Card is for desks in the other hubs."),
            _("See the desks of the other hubs"),
            reverse("desks:list"),
        )
    return None


def card_facts(user) -> dict:
    """What the Start-up Card asks of a member, in one query: a verified address, the profile's
    member type and start-up, and the member's hubs."""
    return (
        User.objects.filter(pk=user.pk)
        .annotate(
            verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
            hub_ids=ids_of(Membership, through_field="hub_id", owner_field="user"),
        )
        .values("verified", "hub_ids", "profile__member_type", "profile__startup_name")
        .get()
    )


def can_cancel(user, booking: DeskBooking) -> bool:
    """The member cancels their own booking until the day before."""
    return (
        user.is_authenticated
        and booking.user_id == user.pk
        and booking.is_booked
        and booking.day > timezone.localdate()
    )


def can_see_bookings(user, space: DeskSpace) -> bool:
    """The check-in list: the space's hub managers and agency staff."""
    return curates(user, space.hub_id)
