from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView


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
