"""Markdown that the agency and members write, rendered safely (nh3) or as plain text."""

import markdown as markdown_library
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe


def render_markdown(text: str, *, user_content: bool = False) -> SafeString:
    """`user_content`: written by a member the network does not vouch for yet, whose links
    search engines should not follow or credit (rel="nofollow ugc")."""
    html = markdown_library.markdown(text or "", extensions=["extra", "sane_lists"])
    rel = "noopener noreferrer nofollow ugc" if user_content else "noopener noreferrer"
    return mark_safe(nh3.clean(html, link_rel=rel))  # noqa: S308 - sanitised by nh3


def markdown_as_text(text: str, *, limit: int = 500) -> str:
    """The words of a Markdown text without any markup, e.g. for search engine descriptions."""
    words = " ".join(strip_tags(render_markdown(text)).split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"
