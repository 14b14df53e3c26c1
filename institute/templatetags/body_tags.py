"""A page's body as shown under its standfirst (summary, intro or abstract), never repeating it."""

import html
import re

from django import template
from django.utils.html import strip_tags

from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

register = template.Library()

FIRST_PARAGRAPH = re.compile(r"^\s*<p\b[^>]*>(.*?)</p>", re.DOTALL)


def comparable_text(markup):
    """The words of some HTML or plain text, whatever its tags, entities, spacing and case."""
    return " ".join(html.unescape(strip_tags(markup)).split()).casefold()


@register.simple_tag
def body_without_standfirst(body, standfirst):
    """`body` without its first paragraph when that paragraph says what the standfirst says.

    Editors often paste the standfirst as the body's opening too; shown under the standfirst it reads twice.
    """
    if not body or not standfirst:
        return body
    first = body[0]
    match = FIRST_PARAGRAPH.match(first.value.source) if first.block_type == "rich_text" else None
    if not match or comparable_text(match.group(1)) != comparable_text(standfirst):
        return body
    rest = first.value.source[match.end() :]
    children = [(child.block_type, child.value, child.id) for child in body[1:]]
    if rest.strip():
        children.insert(0, (first.block_type, RichText(rest), first.id))
    return StreamValue(body.stream_block, children)
