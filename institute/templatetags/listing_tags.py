from django import template
from django.db.models import Model

register = template.Library()


@register.simple_tag(takes_context=True)
def active_filter_links(context, filters):
    """Each filter in use as {"label", "value", "url"}: `url` is this listing without that filter (and on its first
    page), so a visitor removes one filter and keeps the others."""
    query = context["request"].GET
    links = []
    for field in filters:
        if field.name not in filters.active:
            continue
        remaining = query.copy()
        for name in (field.name, "page"):
            remaining.pop(name, None)
        links.append(
            {
                "label": field.label,
                "value": shown_value(field, filters.active[field.name]),
                "url": f"?{remaining.urlencode()}",
            }
        )
    return links


def shown_value(field, value):
    """What the visitor chose, as the dropdown names it: a page's or person's name, or a choice's label."""
    if isinstance(value, Model):  # its choices would be another query; the instance names itself
        return str(value)
    given = str(field.value())
    for key, label in getattr(field.field, "choices", ()):
        if str(key) == given:
            return label
    return str(value)
