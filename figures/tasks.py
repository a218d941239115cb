from datetime import date

from django_tasks import task

from .measures import Scope, refresh


@task()
def count_figures(*, hubs: list[int], start: str, end: str) -> None:
    """Count one view of the network in numbers afresh into the cache (see refresh_figures)."""
    refresh(Scope(hubs=tuple(hubs), start=date.fromisoformat(start), end=date.fromisoformat(end)))
