"""Introductions of the last year at the network's size, for manage.py seed_scale (core/scale.py)."""

from datetime import timedelta

from core.scale import WORDS, Scale

from .models import Introduction, Outcome


def create_introductions(scale: Scale, number: int, user_ids: list[int]) -> None:
    """Introductions over the last year, in every state, reviewed by a hub (a few by the
    agency); an outcome from one or both sides of most accepted ones."""
    pick = scale.random
    Status = Introduction.Status
    statuses = (
        [Status.ACCEPTED] * 4
        + [Status.DECLINED] * 2
        + [Status.DECLINED_BY_HUB, Status.EXPIRED, Status.WITHDRAWN]
    )
    open_statuses = [Status.REQUESTED, Status.MORE_INFO, Status.APPROVED]
    items = []
    for index in range(number):
        requester, recipient = pick.sample(user_ids, 2)
        created = scale.now - timedelta(days=pick.randrange(0, 365), minutes=pick.randrange(0, 1440))
        status = (
            pick.choice(open_statuses) if created > scale.now - timedelta(days=12) else pick.choice(statuses)
        )
        approved = (
            created + timedelta(days=1)
            if status in (Status.APPROVED, Status.ACCEPTED, Status.DECLINED)
            else None
        )
        answered = created + timedelta(days=3) if status in (Status.ACCEPTED, Status.DECLINED) else None
        items.append(
            Introduction(
                requester_id=requester,
                recipient_id=recipient,
                hub=None if index % 25 == 0 else pick.choice(scale.hubs),
                note=f"Wir würden gern über {pick.choice(WORDS)} sprechen.",
                status=status,
                created=created,
                waiting_since=answered or approved or created,
                approved=approved,
                answered=answered,
                outcome_asked=bool(answered and answered < scale.now - timedelta(days=30)),
            )
        )
    scale.write("introductions", Introduction, items, ignore_conflicts=True)
    answers = Outcome.Answer.values
    scale.write(
        "outcomes",
        Outcome,
        [
            Outcome(introduction_id=pk, member_id=member, answer=pick.choice(answers))
            for pk, requester, recipient in Introduction.objects.filter(
                status=Status.ACCEPTED, outcome_asked=True
            ).values_list("pk", "requester_id", "recipient_id")
            for member in (requester, recipient)
            if pick.random() < 0.6
        ],
    )
