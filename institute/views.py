import posixpath
import re
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from wagtail.models import Page, Site

from institute import page_cache
from institute.pagination import paginate
from institute.query import SitePageQuerySet

# Longer queries are cut here: nobody types more, and the search backend should not be asked to.
MAX_QUERY_LENGTH = 200


def database_problem(db):
    """Why `db` cannot serve the site, or None: it must exist, be migrated, and take writes."""
    if db.vendor == "sqlite" and not db.is_in_memory_db():
        # Connecting would create an empty database file in place of a missing one.
        name = str(db.settings_dict["NAME"])
        if not name.startswith("file:") and not Path(name).is_file():
            return "missing"
    migrations = MigrationRecorder(db).migration_qs
    try:
        first = migrations.order_by("pk").values_list("pk", flat=True).first()
    except DatabaseError:
        return "unavailable"
    if first is None:
        return "not migrated"
    try:
        # A write that changes nothing and is rolled back: it fails on a read-only database.
        with sqlite_busy_timeout(db, seconds=1), transaction.atomic(using=db.alias):
            migrations.filter(pk=first).update(applied=F("applied"))
            transaction.set_rollback(True, using=db.alias)
    except OperationalError as error:
        # SQLite gives up waiting for another writer (the task worker, a publish) with "database is
        # locked": the database works, it is only busy.
        return None if "locked" in str(error) else "read-only"
    except DatabaseError:
        return "read-only"
    return None


@contextmanager
def sqlite_busy_timeout(db, seconds):
    """A health check must answer at once, not wait as long as a visitor's write would."""
    if db.vendor != "sqlite":
        yield
        return
    with db.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        with db.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(db.settings_dict['OPTIONS'].get('timeout', 5) * 1000)}")


@never_cache
@require_safe
def healthz(request):
    """For load balancers and uptime checks: is the app up, and can the database serve the site?"""
    problem = database_problem(connection)
    if problem:
        return JsonResponse({"status": "error", "database": problem}, status=HTTPStatus.SERVICE_UNAVAILABLE)
    return JsonResponse({"status": "ok", "database": "ok"})


# Only images are public files. Documents stay behind Wagtail's document view and its privacy checks,
# and the multiple uploader's unfinished uploads are nobody's to download.
PUBLIC_MEDIA_FOLDERS = ("images/", "original_images/")


def serve_media(request, path):
    """Uploaded images, for when no web server in front serves them."""
    if not posixpath.normpath(path).lstrip("/").casefold().startswith(PUBLIC_MEDIA_FOLDERS):
        raise Http404("Not a public file.")
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def bad_request(request, exception=None):
    """The 400 page. Unlike Django's, it does not check the CSRF token, which reads the form: a form
    in a charset Django refuses would raise again, from inside the error page."""
    return render(request, "400.html", status=HTTPStatus.BAD_REQUEST)


@requires_csrf_token
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=HTTPStatus.FORBIDDEN)


def server_error(request):
    """The 500 page, rendered without the database, which may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"admins_notified": bool(settings.ADMINS)}))


robots_txt = TemplateView.as_view(template_name="robots.txt", content_type="text/plain")


@require_safe
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = SitePageQuerySet(Page).live().public()
        site = Site.find_for_request(request)
        if site:
            pages = pages.in_site(site)
        # Only words reach the backend: SQLite's and PostgreSQL's query syntaxes differ in which
        # punctuation is an operator, and a visitor's stray quote must not become one.
        words = " ".join(re.findall(r"\w+", query))
        results = paginate(request, pages.search(words) if words else pages.none())
        cards = result_cards([page.pk for page in results], request)
        results.object_list = [cards[page.pk] for page in results if page.pk in cards]
    return TemplateResponse(request, "institute/search.html", {"search_query": query, "page_obj": results})


@dataclass(frozen=True)
class ResultCard:
    title: str
    url: str
    summary: str


def result_cards(page_ids, request):
    """{page id: ResultCard} for search results, kept in the cache while the content is unchanged.

    A card needs the page's own type (its summary lives in that type's table), which would cost a
    query for each type among the results; kept cards cost none, whatever the results hold.
    """

    def make(missing):
        pages = Page.objects.filter(pk__in=missing).specific()
        return {
            page.pk: ResultCard(
                title=page.title,
                url=page.get_url(request),
                summary=getattr(page, "summary", "") or page.search_description,
            )
            for page in pages
        }

    return page_cache.remember_many(page_ids, make, request)
