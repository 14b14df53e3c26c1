from django.http import HttpResponse
from django.views.decorators.cache import never_cache


# The floor: what the stack (gunicorn, the ASGI handler, every middleware) costs when the view costs
# nothing. never_cache keeps a full-page cache from making it cheaper than it is.
@never_cache
def floor(request):
    return HttpResponse("Hello, world.", content_type="text/plain")
