from django.urls import path

from core.page_cache import for_everybody

from . import views

app_name = "news"

urlpatterns = [
    path("", for_everybody(views.NewsListView.as_view()), name="list"),
    path("feed/", for_everybody(views.NewsFeed()), name="feed"),
    path("<slug:slug>/", for_everybody(views.news_detail), name="detail"),
]
