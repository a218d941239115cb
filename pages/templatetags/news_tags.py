from django import template

from pages.models import News

register = template.Library()


@register.inclusion_tag("pages/includes/latest_news.html")
def latest_news(limit=3):
    return {"news_items": News.objects.published().for_cards()[:limit]}
