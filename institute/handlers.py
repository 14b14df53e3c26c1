"""Django's request handlers, made to survive a request whose Content-Type cannot be parsed.

Django parses Content-Type while it builds the request object, before any middleware runs, and a
header such as `text/html; charset*=BOGUS''x` raises there: an uncaught 500 from the server itself.
These handlers build a request that records the header as malformed instead, and
`institute.middleware.BadRequestMiddleware` answers it with the site's 400 page.
"""

from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest


class TolerantContentTypeMixin:
    malformed_content_type = False

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except ValueError:
            self.content_type, self.content_params = "", {}
            self.malformed_content_type = True


class InstituteASGIRequest(TolerantContentTypeMixin, ASGIRequest):
    pass


class InstituteWSGIRequest(TolerantContentTypeMixin, WSGIRequest):
    pass


class InstituteASGIHandler(ASGIHandler):
    request_class = InstituteASGIRequest


class InstituteWSGIHandler(WSGIHandler):
    request_class = InstituteWSGIRequest
