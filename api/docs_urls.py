from django.urls import path

from . import docs

app_name = "api_docs"

urlpatterns = [
    path("", docs.documentation, name="documentation"),
]
