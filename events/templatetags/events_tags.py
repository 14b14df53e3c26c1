import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As Django's json_script: no "<", ">" or "&" inside the element can end it or open another.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A JSON-LD block. It is data, not a script the browser runs, so the site's CSP has nothing to allow."""
    escaped = json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)
    # Safe: after JSON_SCRIPT_ESCAPES nothing in it can end the element or open another.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308  # nosec B308, B703
