import re

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from wagtail.models import Page, Site

from institute.pagination import paginate

# Longer queries are cut here: nobody types more, and the search backend should not be asked to.
MAX_QUERY_LENGTH = 200


@never_cache
@require_safe
def healthz(request):
    """For load balancers and uptime checks: is the app up, and does the database answer?"""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


robots_txt = TemplateView.as_view(template_name="robots.txt", content_type="text/plain")


@require_safe
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().specific()
        site = Site.find_for_request(request)
        if site:
            pages = pages.in_site(site)
        # Only words reach the backend: SQLite's and PostgreSQL's query syntaxes differ in which
        # punctuation is an operator, and a visitor's stray quote must not become one.
        words = " ".join(re.findall(r"\w+", query))
        results = paginate(request, pages.search(words) if words else pages.none())
    return TemplateResponse(request, "institute/search.html", {"search_query": query, "page_obj": results})
