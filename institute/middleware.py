import codecs

from django.conf import settings
from django.utils.log import log_response

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
