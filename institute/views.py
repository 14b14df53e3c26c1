import datetime
import posixpath
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce
from http import HTTPStatus
from operator import or_
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F, Q
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from institute import languages, page_cache
from institute.filters import shown
from institute.models import FormPage, HomePage, IntroPage, Person, StandardPage
from institute.pagination import paginate
from institute.query import SitePageQuerySet, the_page

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
    kinds = search_kinds()
    kind = request.GET.get("type", "")
    ignored_kind = shown(kind) if kind and kind not in kinds else ""
    if ignored_kind:
        kind = ""
    results = None
    if query:
        pages = SitePageQuerySet(Page).live().public().filter(languages.searched_pages_q())
        site = Site.find_for_request(request)
        if site:
            pages = pages.filter(reduce(or_, (Q(path__startswith=path) for path in site_root_paths(site, request))))
        # Only words reach the backend: SQLite's and PostgreSQL's query syntaxes differ in which
        # punctuation is an operator, and a visitor's stray quote must not become one.
        words = " ".join(re.findall(r"\w+", query))
        results = paginate(request, ranked_results(request, query, words, pages, kind) if words else [])
        cards = result_cards([result for result in results if isinstance(result, int)], request)
        results.object_list = [
            cards[result] if isinstance(result, int) else result
            for result in results
            if not isinstance(result, int) or result in cards
        ]
    return TemplateResponse(
        request,
        "institute/search.html",
        {
            "search_query": query,
            "page_obj": results,
            "kinds": kinds,
            "kind": kind,
            "ignored_kind": ignored_kind,
        },
    )


def site_root_paths(site, request):
    """The tree paths of the site's home page in every language: each language has its own tree."""

    def paths():
        return list(site.root_page.get_translations(inclusive=True).values_list("path", flat=True))

    return page_cache.remember(f"site-root-paths:{site.pk}", paths, request)


# Page types that lead to content rather than being it: the home page, the index pages that introduce a
# listing, and the site's standing pages (about, contact). For a topic word they come after the content.
NAVIGATION_PAGE_TYPES = (HomePage, IntroPage, StandardPage, FormPage)
PERSON_KIND = "person"
MAX_PEOPLE_RESULTS = 50
OTHER_PAGES_KIND = "page"
# The date each kind of content is about: a publication's, an event's start, a news item's.
DATE_ATTRIBUTES = ("publication_date", "starts_at", "date")


def content_page_types():
    """Every page type that is content, whichever app adds it (research, events, news…)."""
    return [model for model in get_page_models() if model.is_creatable and not issubclass(model, NAVIGATION_PAGE_TYPES)]


def kind_of(model):
    """A page type's name as results show it, in the reader's language: its `search_kind`, or else its
    name without “page” (a “Publication”)."""
    return getattr(model, "search_kind", None) or capfirst(str(model._meta.verbose_name).removesuffix(" page"))


def kind_slug(model):
    """The value of ?type= for a page type, the same in every language: “publication page” is “publication”."""
    return slugify(str(model._meta.verbose_name).removesuffix(" page"))


def search_kinds():
    """{value of ?type=: label} for the type filter."""
    kinds = {kind_slug(model): kind_of(model) for model in content_page_types()}
    kinds[PERSON_KIND] = _("Person")
    kinds[OTHER_PAGES_KIND] = _("Other page")
    return dict(sorted(kinds.items(), key=lambda item: (item[0] == OTHER_PAGES_KIND, item[1])))


def people_directory(request):
    """The page that shows people's profiles (the one whose type has `profile_url`), or None.

    Found by what it does, so that this core app does not import the app that provides it."""
    for model in get_page_models():
        if hasattr(model, "profile_url"):
            directory = the_page(model, request)
            if directory:
                return directory
    return None


def ranked_results(request, query, words, pages, kind):
    """The results in the order they are shown: pages editors promoted for this query, people named by
    it, content, people found by their job title or institution, and then navigation pages.

    Each part is ranked by the search backend; a page of results fetches only the parts it shows.
    Pages are given as their ids (their cards are cached), the rest as ResultCards.
    """
    content_types = content_page_types()
    promoted = promoted_results(query, pages) if not kind else []
    promoted_pages = [result for result in promoted if isinstance(result, int)]
    if promoted_pages:
        pages = pages.exclude(pk__in=promoted_pages)
    named, others = matching_people(request, words) if kind in ("", PERSON_KIND) else ([], [])
    if kind == PERSON_KIND:
        return named + others
    if kind == OTHER_PAGES_KIND:
        return SearchPageIds(pages.type(*NAVIGATION_PAGE_TYPES).search(words))
    if kind:
        model = next(model for model in content_types if kind_slug(model) == kind)
        return SearchPageIds(pages.type(model).search(words))
    return ChainedResults(
        promoted,
        named,
        SearchPageIds(pages.type(*content_types).search(words)),
        others,
        SearchPageIds(pages.type(*NAVIGATION_PAGE_TYPES).search(words)),
    )


def promoted_results(query, pages):
    """What editors pinned for this query (wagtail.contrib.search_promotions), in their order: live
    public pages of this site by id, external links as ResultCards."""
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).filter(
        Q(page__isnull=True) | Q(page__in=pages)
    )
    return [
        promotion.page_id
        or ResultCard(
            title=promotion.external_link_text or promotion.external_link_url,
            url=promotion.external_link_url,
            summary=promotion.description,
            kind=_("Link"),
        )
        for promotion in promotions.order_by("sort_order")
    ]


def matching_people(request, words):
    """(people whose name is the query, people found by their other words) as ResultCards."""
    directory = people_directory(request)
    if directory is None:
        return [], []
    # The best matches only: a common word would otherwise make a card for every person in the directory.
    people = get_search_backend().search(words, Person.objects.select_related("organisation"))[:MAX_PEOPLE_RESULTS]
    searched = set(words.casefold().split())
    named, others = [], []
    for person in people:
        card = ResultCard(
            title=person.full_name,
            url=directory.profile_url(person, request),
            summary=person.role_line,
            kind=_("Person"),
        )
        is_named = searched <= set(re.findall(r"\w+", person.name.casefold()))
        (named if is_named else others).append(card)
    return named, others


class SearchPageIds:
    """Page search results as page ids, counted and sliced by the search backend."""

    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count()

    def __getitem__(self, key):
        return [page.pk for page in self.results[key]]


class ChainedResults:
    """Ranked parts shown one after another and paginated as one list: each part is counted, and only
    the slices of the parts a page of results shows are fetched."""

    def __init__(self, *parts):
        self.parts = parts

    @cached_property
    def counts(self):
        return [part.count() if isinstance(part, SearchPageIds) else len(part) for part in self.parts]

    def count(self):
        return sum(self.counts)

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        items = []
        for part, count in zip(self.parts, self.counts, strict=True):
            if start < count and stop > 0:
                items += part[max(start, 0) : min(stop, count)]
            start, stop = start - count, stop - count
        return items


@dataclass(frozen=True)
class ResultCard:
    title: str
    url: str
    summary: str
    kind: str
    date: datetime.date | None = None
    # An English page found by a search in Welsh: its card says so.
    in_english: bool = False


def result_date(page):
    for name in DATE_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value)
        if isinstance(value, datetime.date):
            return value
    return None


def result_cards(page_ids, request):
    """{page id: ResultCard} for search results, kept in the cache while the content is unchanged.

    A card needs the page's own type (its summary lives in that type's table), which would cost a
    query for each type among the results; kept cards cost none, whatever the results hold.
    """

    def make(missing):
        pages = Page.objects.filter(pk__in=missing).specific()
        english = None if languages.reads_english() else Locale.get_default()
        return {
            page.pk: ResultCard(
                title=page.title,
                url=page.get_url(request),
                summary=getattr(page, "summary", "") or page.search_description,
                kind=_("Page") if isinstance(page, NAVIGATION_PAGE_TYPES) else kind_of(type(page)),
                date=result_date(page),
                in_english=english is not None and page.locale_id == english.pk,
            )
            for page in pages
        }

    return page_cache.remember_many(page_ids, make, request)
