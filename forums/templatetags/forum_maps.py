from django import template

from forums.map import forums_map, locator

register = template.Library()


@register.inclusion_tag("components/forum_map.html", takes_context=True)
def forum_map(context, forums, labelled=True):
    """The map of `forums`, each region a link to its forum. Draw it once per page: its ids are fixed."""
    return {"request": context.get("request"), "drawing": forums_map(forums, labelled=labelled)}


@register.inclusion_tag("components/forum_map.html")
def forum_locator(forum):
    """The UK with `forum`'s region highlighted: decorative, beside the forum's name. Nothing for a forum not on
    the map."""
    return {"drawing": locator(forum.map_shape)}
