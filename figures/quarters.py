"""Quarters of the year, as the quarterly report names them: 2026-3 is July to September 2026."""

import re
from datetime import date, timedelta

from django.utils import timezone

QUARTER = re.compile(r"(?P<year>20[0-9]{2})-(?P<quarter>[1-4])")


def days_of(name: str) -> tuple[date, date] | None:
    """The first and last day of the quarter `name`, or None if it names none."""
    found = QUARTER.fullmatch(name or "")
    if not found:
        return None
    year, quarter = int(found["year"]), int(found["quarter"])
    first = date(year, 3 * quarter - 2, 1)
    last = (first.replace(day=28) + timedelta(days=66)).replace(day=1) - timedelta(days=1)
    return first, last


def recent(count: int = 8, today: date | None = None) -> list[str]:
    """The last `count` quarters that have ended, the latest first."""
    today = today or timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3  # the current one has not ended
    names = []
    for _ in range(count):
        if quarter == 0:
            year, quarter = year - 1, 4
        names.append(f"{year}-{quarter}")
        quarter -= 1
    return names
