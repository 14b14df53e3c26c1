import codecs

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.utils.log import log_response

from asgiref.sync import sync_to_async

from institute.views import bad_request

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
