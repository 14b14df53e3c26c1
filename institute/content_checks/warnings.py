"""What an editor is told about but may publish with: a skipped heading level, link text that says nothing
of where it goes, alt text that is a file name, and a page left unchanged for a year that other pages still
link to.

Warnings are {"field": …, "message": …}; "field" is the model field concerned, "" for the page as a whole.
"""

import posixpath
import re
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from wagtail.blocks import RichTextBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex

from institute.blocks import HeadingBlock
from institute.choices import HeadingLevel
from institute.content_checks.content import content_fields, page_images, page_links, stream_blocks

# Link text that only makes sense next to what surrounds it; screen reader users often hear links alone.
VAGUE_LINK_TEXTS = {"click here", "here", "read more", "more", "link", "this page", "this link"}
# A live page is stale when it has not been published for this long while other live pages link to it.
STALE_AFTER = timedelta(days=365)

RICH_TEXT_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
IMAGE_FILE_NAME = re.compile(r"\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)$", re.IGNORECASE)
# Django adds "_" and seven letters or digits to a file name another file already has.
STORAGE_SUFFIX = re.compile(r"_[a-zA-Z0-9]{7}$")


def _words(text):
    """Text as compared: any case, with the punctuation around and between the words ignored."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def _headings(page):
    """(field, level, text) of every heading in the page's fields, in the order the editor's panels show them."""
    for field in content_fields(type(page)):
        if isinstance(field, StreamField):
            for block, raw, _ in stream_blocks(page, field, descend=lambda block: not isinstance(block, HeadingBlock)):
                if isinstance(block, HeadingBlock) and isinstance(raw, dict):
                    # Stored data is not re-validated on load: an unknown level shows as h2 (HeadingStructValue.tag).
                    level = raw.get("level") if raw.get("level") in HeadingLevel.values else HeadingLevel.H2
                    yield field.name, int(level[1:]), raw.get("text") or ""
                elif isinstance(block, RichTextBlock) and isinstance(raw, str):
                    for level, text in RICH_TEXT_HEADING.findall(raw):
                        yield field.name, int(level), strip_tags(text)
        elif isinstance(field, RichTextField):
            for level, text in RICH_TEXT_HEADING.findall(getattr(page, field.name) or ""):
                yield field.name, int(level), strip_tags(text)


def _heading_warnings(page):
    previous = 1  # the page's title is its only level 1 heading
    for field, level, text in _headings(page):
        if level > previous + 1:
            yield {
                "field": field,
                "message": f"The heading “{text.strip()}” is level {level} but follows a level {previous} heading: "
                f"make it level {previous + 1}, or the heading before it level {level - 1}.",
            }
        previous = level


def _link_text_warnings(page):
    for link in page_links(page):
        if _words(link.text) in VAGUE_LINK_TEXTS:
            yield {
                "field": link.field,
                "message": f"The link text “{link.text}” does not say where the link goes: "
                "name the page, document or action instead.",
            }


def _file_names(image):
    stem = posixpath.splitext(posixpath.basename(image.file.name))[0]
    return {_words(stem), _words(STORAGE_SUFFIX.sub("", stem))}


def _alt_text_warnings(page):
    for use in page_images(page):
        alt = use.alt_text
        if alt and (IMAGE_FILE_NAME.search(alt.strip()) or _words(alt) in _file_names(use.image)):
            yield {
                "field": use.field,
                "message": f"The alt text of the image “{use.image.title}” is its file name (“{alt}”): "
                "describe what the image shows.",
            }


def _staleness_warnings(page):
    if not page.pk or not page.last_published_at or timezone.now() - page.last_published_at < STALE_AFTER:
        return
    other_live_pages = Page.objects.live().exclude(pk=page.pk).annotate(pk_text=Cast("pk", CharField()))
    linking_pages = (
        ReferenceIndex.get_references_to(page)
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=other_live_pages.values("pk_text"),
        )
        .values("object_id")
        .distinct()
        .count()
    )
    if linking_pages:
        published = date_format(timezone.localtime(page.last_published_at), "j F Y")
        linking = "1 live page links" if linking_pages == 1 else f"{linking_pages} live pages link"
        yield {
            "field": "",
            "message": f"This page has not changed since {published}, and {linking} to it: "
            "check that it is still right.",
        }


def page_warnings(page, *, stale=True):
    """The warnings for `page` as given, e.g. a draft's latest revision: a list of {"field", "message"}.

    `stale=False` leaves out the one about a page unchanged for a year, which depends on the day it is asked.
    """
    return [
        *_heading_warnings(page),
        *_link_text_warnings(page),
        *_alt_text_warnings(page),
        *(_staleness_warnings(page) if stale else ()),
    ]
