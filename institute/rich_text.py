"""Rich text links to pages, in the reader's language."""

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

from institute.languages import in_reading_language


class PageLinkInReadingLanguage(PageLinkHandler):
    """A link to a page leads to its version in the reader's language (the English page when it has none).

    Wagtail's own handler asks the database for the active locale once for every link in a text; this one
    finds the translations of all the text's linked pages at once, and needs nothing for an English reader.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        shown = iter(in_reading_language(page for page in pages if page))
        return [f'<a href="{escape(next(shown).url)}">' if page else "<a>" for page in pages]
