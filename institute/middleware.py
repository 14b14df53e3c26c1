import codecs
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import has_vary_header, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.log import log_response

from asgiref.sync import sync_to_async

from institute import page_cache
from institute.views import bad_request

MESSAGES_COOKIE_NAME = CookieStorage.cookie_name

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


class BadRequestMiddleware:
    """Answers a request Django cannot read with the site's 400 page and one log line.

    Django refuses a form body in any charset but UTF-8, but raises again wherever the form is read,
    error handlers included, which turns a bad request into a 500. Checking first keeps it a 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.problem(request)
        if problem:
            response = bad_request(request)
            log_response("Bad Request: %s (%s)", request.path, problem, response=response, request=request)
            return response
        return self.get_response(request)

    @staticmethod
    def problem(request):
        if getattr(request, "malformed_content_type", False):
            return "the Content-Type header cannot be parsed"
        if request.content_type == FORM_CONTENT_TYPE and request.encoding:
            if codecs.lookup(request.encoding).name != "utf-8":
                return f"a form in the {request.encoding} charset, not UTF-8"
            # "utf8" and other spellings of UTF-8 are read as UTF-8.
            request.encoding = "utf-8"
        return None


class LanguageFromPathMiddleware:
    """Speaks the language the URL names: Welsh under /cy/, English everywhere else.

    Unlike Django's LocaleMiddleware it never reads the browser's languages or a cookie, so one URL always
    gives one page, which the page cache and any CDN may keep; the language switcher links each page's
    other version. The admin picks its own language from the user's profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Tells browsers which powerful features pages may use: none but what embedded videos need."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


class StreamFilesMiddleware:
    """Under ASGI, sends a file (a document, an upload, a static file) a chunk at a time.

    Django reads a response that streams from a synchronous iterator whole into memory before
    sending it under ASGI; many downloads of a large PDF at once would exhaust a worker's memory.
    Each chunk is read in a thread instead, as the client takes it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming and not response.is_async and isinstance(request, ASGIRequest):
            response.streaming_content = read_in_thread(response.streaming_content)
        return response


async def read_in_thread(chunks):
    next_chunk = sync_to_async(next, thread_sensitive=False)
    chunks = iter(chunks)
    while (chunk := await next_chunk(chunks, None)) is not None:
        yield chunk


class PageCacheMiddleware:
    """Answers anonymous visitors' GETs from the shared page cache, and keeps there what it may reuse.

    A visitor is anonymous while their request carries no session or messages cookie: only those can
    make a page differ from one visitor to another. What is kept: 200 responses to such GETs that set no
    cookie and do not mark themselves private (institute.page_cache explains how it never goes stale).
    Those responses also tell browsers to check back each time (the ETag and Last-Modified make that a
    304) and let a CDN keep them for CDN_CACHE_SECONDS; every other response that varies with cookies is
    marked private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE and self.is_anonymous_read(request)):
            return self.mark_private(self.get_response(request))
        version = page_cache.current_version(request)
        key = page_cache.page_key(request, version)
        cached = cache.get(key)
        if cached is not None:
            return cached.response()
        response = self.get_response(request)
        if request.method == "GET" and self.is_shareable(response):
            self.mark_public(response, version)
            cache.set(key, CachedResponse.of(response), timeout=version.seconds_left())
            return response
        return self.mark_private(response)

    @staticmethod
    def is_anonymous_read(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and MESSAGES_COOKIE_NAME not in request.COOKIES
            and "authorization" not in request.headers
            # Left for BadRequestMiddleware to refuse, as it refuses every request it cannot read.
            and not getattr(request, "malformed_content_type", False)
        )

    @staticmethod
    def is_shareable(response):
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def mark_public(response, version):
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.CDN_CACHE_SECONDS)
        response["Last-Modified"] = http_date(version.since)
        set_response_etag(response)

    @staticmethod
    def mark_private(response):
        if "Cache-Control" not in response and has_vary_header(response, "Cookie"):
            patch_cache_control(response, private=True)
        return response


@dataclass(frozen=True)
class CachedResponse:
    status: int
    headers: tuple
    content: bytes

    @classmethod
    def of(cls, response):
        return cls(response.status_code, tuple(response.items()), response.content)

    def response(self):
        return HttpResponse(self.content, status=self.status, headers=dict(self.headers))
