from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from institute.content_checks.warnings import page_warnings

register = template.Library()


@register.simple_tag
def content_warnings(page):
    """The warnings of `page` with the label of the field each concerns, as the editor's panels name it.

    The editor's `page` is already what the editor works on: the latest revision, or the form just submitted.
    """
    warnings = []
    for warning in page_warnings(page):
        try:
            label = capfirst(page._meta.get_field(warning["field"]).verbose_name)
        except FieldDoesNotExist:  # "" for the page as a whole
            label = "Page"
        warnings.append({**warning, "label": label})
    return warnings
