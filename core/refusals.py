"""A refusal that says what to do next: every "you may not" on the site names the step that
gets the person there, and links to it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse


@dataclass(frozen=True)
class Refusal:
    """Why somebody may not do something (`reason`), and the page where they can change that
    (`next_step`, the link's words, and `url`); services raise the reason as their error."""

    reason: str
    next_step: str = ""
    url: str = ""


def and_back(url: str, *, back_to: str, anchor: str = "") -> str:
    """`url` with the page to return to once the step is done (`next`), and an anchor."""
    return f"{url}?{urlencode({'next': back_to}, safe='/')}{'#' + anchor if anchor else ''}"


def log_in_first(reason: str, next_step: str, *, back_to: str) -> Refusal:
    """A refusal for a visitor: log in, and come back to `back_to`."""
    return Refusal(reason, next_step, and_back(reverse("account_login"), back_to=back_to))
