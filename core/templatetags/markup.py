from django import template

from core.markup import render_markdown

register = template.Library()
register.filter("markdown", render_markdown)


@register.filter
def markdown_ugc(text):
    """Markdown by a member not yet trusted: links marked nofollow ugc."""
    return render_markdown(text, user_content=True)
