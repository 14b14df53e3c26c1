"""What a page says, shows and links to, read from its fields and blocks at any depth.

StreamFields are read in their stored form (`get_prep_value`): a page loaded from the database is read without
converting its blocks, so without a query per block, and a page built from an admin form reads the same way.
Linked pages are given by id, so a link to a deleted page is still seen; images are loaded in one query.
"""

from html.parser import HTMLParser
from typing import NamedTuple

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from institute.blocks import ImageFigureBlock, LinkBlock

LABEL_SEPARATOR = " › "
# Tags inside a line of text: the words either side of them belong together ("<b>TB</b>C" reads "TBC").
INLINE_TAGS = {"a", "abbr", "b", "code", "em", "i", "s", "small", "span", "strong", "sub", "sup", "u"}


class Text(NamedTuple):
    """A text visitors read. `html` is True for rich text, whose `value` is then the stored HTML."""

    field: str
    label: str
    html: bool
    value: str

    @property
    def plain(self):
        """The words alone: rich text without its tags."""
        if not self.html:
            return self.value
        return read_rich_text(self.value).text


class ImageUse(NamedTuple):
    """An image shown on a page.

    `alt` is the alt text this use gives, "" when it leaves it to the image's description; None where the site
    shows the image without alt text by design (e.g. a video's poster, inside a link named by the video's title),
    and then `decorative` is True.
    """

    field: str
    image: models.Model
    alt: str | None
    decorative: bool

    @property
    def alt_text(self):
        """What the alt attribute says: nothing if decorative, else this use's words or the image's description."""
        if self.decorative:
            return ""
        return self.alt or self.image.description


class Link(NamedTuple):
    """A link: to a page of this site by id (which may no longer exist), or to `url`, any href as written."""

    field: str
    text: str
    page_id: int | None
    url: str | None


class RichTextReader(HTMLParser):
    """Reads rich text as stored: its words, its links with their text, and its embedded images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words = []
        self.links = []  # (attributes, text)
        self.images = []  # attributes
        self._open_link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in INLINE_TAGS:
            self.words.append(" ")
        if tag == "a":
            self._open_link = (attrs, [])
        elif tag == "embed" and attrs.get("embedtype") == "image":
            self.images.append(attrs)

    def handle_endtag(self, tag):
        if tag not in INLINE_TAGS:
            self.words.append(" ")
        if tag == "a" and self._open_link is not None:
            attrs, words = self._open_link
            self.links.append((attrs, " ".join("".join(words).split())))
            self._open_link = None

    def handle_data(self, data):
        self.words.append(data)
        if self._open_link is not None:
            self._open_link[1].append(data)

    @property
    def text(self):
        return " ".join("".join(self.words).split())


def read_rich_text(html):
    reader = RichTextReader()
    reader.feed(html or "")
    reader.close()
    return reader


def _panel_field_names(panel):
    # An inline panel's fields belong to another model (a forum's members), not to the page.
    if isinstance(panel, InlinePanel):
        return
    if isinstance(panel, FieldPanel):
        yield panel.field_name
    for child in getattr(panel, "children", ()):
        yield from _panel_field_names(child)


def content_fields(model):
    """The fields of the page model's editing panels, without those every Wagtail page has (the slug, SEO
    and publishing settings), except the title."""
    fields = []
    for name in dict.fromkeys(_panel_field_names(model.get_edit_handler())):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field
            continue
        if field.model is not Page or name == "title":
            fields.append(field)
    return fields


def _is_plain_text_field(field):
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        and not field.choices
    )


def _walk(block, raw, labels, descend):
    """(block, stored value, labels) for `block` and, unless `descend(block)` is False, every block inside it."""
    yield block, raw, labels
    if raw is None or not descend(block):
        return
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                yield from _walk(child, item.get("value"), [*labels, child.label], descend)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            # Lists are stored as {"type": "item", "value": …, "id": …}; older data holds the bare values.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from _walk(block.child_block, item["value"] if is_wrapped else item, labels, descend)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from _walk(child, raw.get(name), [*labels, child.label], descend)


def stream_blocks(page, field, descend=lambda block: True):
    raw = field.stream_block.get_prep_value(getattr(page, field.name))
    return _walk(field.stream_block, raw, [capfirst(field.verbose_name)], descend)


def _label(labels):
    return LABEL_SEPARATOR.join(label for label in labels if label)


def page_content(page):
    """Every text a visitor reads on the page, in the order the editor's panels show them."""
    texts = []
    for field in content_fields(type(page)):
        if isinstance(field, StreamField):
            for block, raw, labels in stream_blocks(page, field):
                if isinstance(block, blocks.RichTextBlock) and isinstance(raw, str) and raw:
                    texts.append(Text(field.name, _label(labels), True, raw))
                elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and isinstance(raw, str) and raw:
                    texts.append(Text(field.name, _label(labels), False, raw))
                elif isinstance(block, TableBlock) and isinstance(raw, dict):
                    cells = [raw.get("table_caption")] + [cell for row in raw.get("data") or () for cell in row]
                    texts += [Text(field.name, _label(labels), False, cell) for cell in cells if cell]
        elif (isinstance(field, RichTextField) or _is_plain_text_field(field)) and (value := getattr(page, field.name)):
            texts.append(Text(field.name, capfirst(field.verbose_name), isinstance(field, RichTextField), value))
    return texts


def _rich_text_images(field, html):
    for attrs in read_rich_text(html).images:
        if (attrs.get("id") or "").isdigit():
            yield field, int(attrs["id"]), attrs.get("alt") or "", False


def page_images(page):
    """Every image the page shows with alt text: a chosen image with its alt text field (hero_image and
    hero_image_alt), image blocks, and images embedded in rich text."""
    Image = get_image_model()
    uses = []  # (field, image id, alt, decorative)
    for field in content_fields(type(page)):
        if isinstance(field, models.ForeignKey) and field.related_model is Image:
            alt_field = f"{field.name}_alt"
            if hasattr(page, alt_field):
                uses.append((field.name, getattr(page, field.attname), getattr(page, alt_field), False))
        elif isinstance(field, StreamField):
            for block, raw, _ in stream_blocks(
                page, field, descend=lambda block: not isinstance(block, ImageFigureBlock)
            ):
                if isinstance(block, ImageFigureBlock) and isinstance(raw, dict):
                    uses.append((field.name, raw.get("image"), raw.get("alt_text") or "", bool(raw.get("decorative"))))
                elif isinstance(block, ImageChooserBlock):
                    uses.append((field.name, raw, None, True))
                elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
                    uses += _rich_text_images(field.name, raw)
        elif isinstance(field, RichTextField):
            uses += _rich_text_images(field.name, getattr(page, field.name))
    images = Image.objects.in_bulk({image_id for _, image_id, _, _ in uses if isinstance(image_id, int)})
    return [
        ImageUse(field, images[image_id], alt, decorative)
        for field, image_id, alt, decorative in uses
        if image_id in images
    ]


def _rich_text_links(field, html):
    for attrs, text in read_rich_text(html).links:
        if attrs.get("linktype") == "page":
            if (attrs.get("id") or "").isdigit():
                yield Link(field, text, int(attrs["id"]), None)
        elif attrs.get("href"):
            yield Link(field, text, None, attrs["href"])


def page_links(page):
    """Every link on the page: in rich text, link blocks, page choosers and URL fields and blocks."""
    links = []
    for field in content_fields(type(page)):
        if isinstance(field, models.URLField):
            if url := getattr(page, field.name):
                links.append(Link(field.name, "", None, url))
        elif isinstance(field, RichTextField):
            links += _rich_text_links(field.name, getattr(page, field.name))
        elif isinstance(field, StreamField):
            for block, raw, _ in stream_blocks(page, field, descend=lambda block: not isinstance(block, LinkBlock)):
                if isinstance(block, LinkBlock) and isinstance(raw, dict):
                    page_id = raw.get("page") if isinstance(raw.get("page"), int) else None
                    links.append(Link(field.name, raw.get("text") or "", page_id, raw.get("url") or None))
                elif isinstance(block, blocks.PageChooserBlock) and isinstance(raw, int):
                    links.append(Link(field.name, "", raw, None))
                elif isinstance(block, blocks.URLBlock) and isinstance(raw, str) and raw:
                    links.append(Link(field.name, "", None, raw))
                elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
                    links += _rich_text_links(field.name, raw)
    return links
