from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from .models import News, Page


def page_detail(request, slug):
    page = get_object_or_404(Page, slug=slug)
    return render(request, "pages/page_detail.html", {"page": page})


class NewsListView(ListView):
    template_name = "pages/news_list.html"
    context_object_name = "news_items"
    paginate_by = 12

    def get_queryset(self):
        return News.objects.published().for_cards()


def news_detail(request, slug):
    news = get_object_or_404(News.objects.published().for_cards(), slug=slug)
    return render(request, "pages/news_detail.html", {"news": news})


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Digital Hubs: news from the Hub-Agency")
    subtitle = _("What moves Germany's digital hub network.")

    def link(self):
        return reverse("news:list")

    def items(self):
        return News.objects.published()[:30]

    def item_title(self, news):
        return news.title

    def item_description(self, news):
        return escape(news.teaser)  # plain text, as on the news page; feed readers read HTML

    def item_pubdate(self, news):
        return news.published_at

    def item_updateddate(self, news):
        return news.updated
