from django.urls import re_path

from research import views

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w-]+/)+)cite\.(?P<citation_format>bib|ris)$", views.citation, name="publication_citation"
    ),
]
