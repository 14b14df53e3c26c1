"""The shared block library: every app's StreamFields are built from these blocks."""

import re
import uuid
from functools import cached_property
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms.utils import ErrorList
from django.template.loader import render_to_string

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from institute.charts import MAX_ROWS, MAX_SERIES, ChartDataError, chart_geometry, parse_chart_csv
from institute.choices import HeadingLevel

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]
# Marks where one rich text value ends and the next begins while a page's values are expanded together.
RICH_TEXT_BOUNDARY = "<!--institute:rich-text-boundary-->"


class ExpandedRichText(RichText):
    """Rich text whose internal links were already turned into URLs."""

    def __init__(self, source, html):
        super().__init__(source)
        self.html = html

    def __html__(self):
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.html})


class LinkBatchingRichTextBlock(blocks.RichTextBlock):
    """Looks up the pages and documents linked from a StreamField's rich text of this block type at once."""

    def bulk_to_python(self, values):
        sources = [value or "" for value in values]
        expanded = expand_db_html(RICH_TEXT_BOUNDARY.join(sources)).split(RICH_TEXT_BOUNDARY)
        if len(expanded) != len(sources):  # a value contains the boundary itself: expand one by one
            return [RichText(source) for source in sources]
        return [ExpandedRichText(source, html) for source, html in zip(sources, expanded, strict=True)]


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads the renditions of every image in a StreamField at once, not one query per image."""

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image], "renditions")
        return images


class PersonChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("institute.Person", **kwargs)

    def bulk_to_python(self, values):
        people = super().bulk_to_python(values)
        prefetch_related_objects([person for person in people if person], "organisation", "photo__renditions")
        return people


class LinkStructValue(blocks.StructValue):
    @property
    def href(self):
        """Where the link goes, or None when its page was deleted, unpublished or is not on a site."""
        page = self.get("page")
        if page is not None:
            return page.url if page.live else None
        return self.get("url") or None


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to a URL, with its own text."""

    text = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="URL", help_text="Only for pages outside this site.")

    class Meta:
        icon = "link"
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or enter a URL (one of the two)."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([message]), "url": ErrorList([message])}
            )
        return value


class HeadingStructValue(blocks.StructValue):
    @property
    def tag(self):
        # Stored data is not re-validated on load: never let it produce a second h1 or a broken tag.
        level = self.get("level")
        return level if level in HeadingLevel.values else HeadingLevel.H2


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=HeadingLevel.choices, default=HeadingLevel.H2)

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        value_class = HeadingStructValue


class ImageFigureValue(blocks.StructValue):
    def alt(self):
        """What the image's alt attribute says: empty if decorative, else this use's words or the description."""
        if self.get("decorative"):
            return ""
        return self.get("alt_text") or self["image"].description


class ImageFigureBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Leave empty to use the image's description. Fill in only if the image needs other words here.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="The image adds nothing the text around it does not say, so screen readers skip it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_figure_block.html"
        value_class = ImageFigureValue

    def clean(self, value):
        value = super().clean(value)
        # Images uploaded before descriptions were required may have none, and then the alt text would be empty.
        if not (value["decorative"] or value["alt_text"] or value["image"].description):
            error = ValidationError("This image has no description: describe it here, or mark it decorative.")
            raise blocks.StructBlockValidationError(block_errors={"alt_text": error})
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)
    role = blocks.CharBlock(required=False, max_length=160, help_text="e.g. “Chair, Wales Productivity Forum”.")

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "blocks/call_to_action_block.html"


YOUTUBE_ID = re.compile(r"^[\w-]{11}$")


def video_player_url(url):
    """The privacy-enhanced player URL for a YouTube or Vimeo link, or None for any other URL."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    parts = [part for part in parsed.path.split("/") if part]
    video_id = None
    if host == "youtu.be" and parts:
        video_id = parts[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts[:1] == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "shorts", "live"}:
            video_id = parts[1]
    if video_id and YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    if host in {"vimeo.com", "player.vimeo.com"} and parts and parts[-1].isdigit():
        return f"https://player.vimeo.com/video/{parts[-1]}?dnt=1&autoplay=1"
    return None


class VideoStructValue(blocks.StructValue):
    @property
    def player_url(self):
        return video_player_url(self.get("url"))

    @property
    def provider(self):
        player_url = self.player_url or ""
        if player_url.startswith("https://player.vimeo.com/"):
            return "Vimeo"
        return "YouTube" if player_url else ""


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads nothing from those hosts until the visitor presses play."""

    title = blocks.CharBlock(max_length=160, help_text="Names the video for screen readers and the play button.")
    url = blocks.URLBlock(label="Video URL", help_text="A YouTube or Vimeo link.")
    poster = PrefetchingImageChooserBlock(required=False, help_text="Shown until the video is played.")
    transcript = LinkBatchingRichTextBlock(required=False, features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        value_class = VideoStructValue

    def clean(self, value):
        value = super().clean(value)
        if not video_player_url(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList(["Enter a YouTube or Vimeo video link."])}
            )
        return value


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = LinkBatchingRichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordion (FAQ)"
        template = "blocks/accordion_block.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=160, help_text="Defaults to the document's title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        label = "Document download"
        template = "blocks/document_download_block.html"


class PeopleListBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    people = blocks.ListBlock(PersonChooserBlock(), min_num=1)

    class Meta:
        icon = "group"
        label = "List of people"
        template = "blocks/people_list_block.html"


class ChartStructValue(blocks.StructValue):
    @cached_property
    def chart(self):
        """What the template draws, or None when the stored data is not a valid chart (e.g. saved before checks)."""
        try:
            data = parse_chart_csv(self.get("data"))
        except ChartDataError:
            return None
        kind = "line" if self.get("chart_type") == "line" else "bar"
        return chart_geometry(data, kind, y_axis_label=self.get("y_axis_label") or "")


class ChartBlock(blocks.StructBlock):
    """A bar or line chart drawn on the server from pasted CSV, with its figures as a table beside it."""

    title = blocks.CharBlock(max_length=160, help_text="Names the chart for everyone, including screen reader users.")
    chart_type = blocks.ChoiceBlock(choices=[("bar", "Bar chart"), ("line", "Line chart")], default="bar")
    data = blocks.TextBlock(
        rows=8,
        help_text=(
            "Comma-separated values, or cells copied from a spreadsheet. The first row holds the headers, the first "
            "column the labels, and each further column one series of plain numbers (no commas or units), "
            f"up to {MAX_SERIES} series and {MAX_ROWS} rows. For example: Year,Wales,Scotland then 2023,31.2,33.5 "
            "on the next line."
        ),
    )
    y_axis_label = blocks.CharBlock(
        required=False,
        max_length=50,
        label="Y-axis label",
        help_text="What the values are, e.g. “Output per hour (£)”.",
    )
    source = blocks.CharBlock(
        required=False, max_length=200, help_text="Where the figures come from, e.g. “ONS, illustrative demo figures”."
    )

    class Meta:
        icon = "decimal"
        label = "Chart"
        template = "blocks/chart_block.html"
        value_class = ChartStructValue

    def clean(self, value):
        value = super().clean(value)
        # Saving a draft or previewing defers required fields: a chart without its data yet is fine then.
        if self.is_deferred_validation and not value.get("data"):
            return value
        try:
            parse_chart_csv(value.get("data"))
        except ChartDataError as error:
            raise blocks.StructBlockValidationError(block_errors={"data": ValidationError(str(error))}) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The SVG's title, description and the table caption are referenced by id; a page may hold several charts.
        context["chart_id"] = uuid.uuid4().hex[:8]
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = LinkBatchingRichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/rich_text_block.html")
    image = ImageFigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    table = TableBlock(
        template="blocks/table_block.html",
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]},
    )
    chart = ChartBlock()
    accordion = AccordionBlock()
    document = DocumentDownloadBlock()
    people = PeopleListBlock()

    class Meta:
        template = "blocks/body_block.html"
