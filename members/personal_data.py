"""What the portal holds about a person, app by app (Art. 15, 17 and 20 DSGVO).

Each app registers in its AppConfig.ready() what it holds: the user fields of its models,
how to export what they hold about a member, and what must happen when an account goes
(before it is deleted, or after, for the history rows the deletion itself writes).
members.services exports and erases through this registry alone, whichever path deletes the
account (the member's own page or the admin); a test fails when a model's user field is in
no registration. Fields that only say which curator did something (who reviewed, who closed)
are registered as such: they are kept and emptied by SET_NULL with the account.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PersonalData:
    """What one app holds about members."""

    app: str
    # The fields that point at a member: "app_label.Model.field".
    holds: tuple[str, ...] = ()
    # A member's data, as sections of the export: {"event_registrations": [...], ...}.
    export: Callable[..., dict] | None = None
    # Run in the deletion's transaction, before the account and what cascades with it goes.
    before_deletion: Callable[..., None] | None = None
    # Run after it, with the account's id: for the history rows that the deletion wrote.
    after_deletion: Callable[[int], None] | None = None
    # Fields naming the curator who did something (a review, a change in the admin).
    curators: tuple[str, ...] = field(default=())


_registered: dict[str, PersonalData] = {}


def register(data: PersonalData) -> None:
    _registered[data.app] = data


def registered() -> list[PersonalData]:
    """Every app's registration, in the order of INSTALLED_APPS."""
    return list(_registered.values())
