"""Pages in the reader's language: English (the site's own) under the usual addresses, Welsh under /cy/.

Every page is written in English first; some have a Welsh translation, made in the admin with
wagtail-localize. What a page lists (a forum's events, the menu, search results) is worked out from the
English pages, as it always was, and each item is then shown in the reader's language: its Welsh
translation when there is a live one, else the English page, marked `in_english` so that templates can
say so ("(Saesneg)") and mark its words as English.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.utils import translation

from wagtail.models import Page


def reading_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def reads_english():
    return reading_language() == settings.LANGUAGE_CODE


def original_of(page):
    """The English page `page` translates, or `page` itself when it is English (or has no English page)."""
    if page.locale_id is None or not hasattr(page, "translation_key"):
        return page
    if not hasattr(page, "_original"):
        page._original = page
        if page.locale.language_code != settings.LANGUAGE_CODE:
            english = type(page).objects.filter(
                translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            page._original = english.first() or page
    return page._original


def is_translation(page):
    return original_of(page) is not page


def in_reading_language(pages):
    """`pages` (English pages, e.g. a listing) with each replaced by its live Welsh translation for a
    Welsh reader; the others are marked `in_english`. For an English reader, `pages` as they are.

    What a listing attached to its English pages (prefetched forums and themes, images, next dates) is
    the same for the translation, so it is carried over: a fixed number of queries, one per page type.
    """
    pages = list(pages)
    if reads_english() or not pages:
        return pages
    translations = {}
    for model, keys in _translation_keys_by_model(pages).items():
        found = model.objects.filter(
            translation_key__in=keys, locale__language_code=reading_language(), live=True, alias_of__isnull=True
        ).select_related("locale")
        translations.update({(model, page.translation_key): page for page in found})
    shown = []
    for page in pages:
        welsh = translations.get((type(page), getattr(page, "translation_key", None)))
        if welsh is None:
            page.in_english = True
            shown.append(page)
        else:
            shown.append(_with_listing_facts_of(page, welsh))
    return shown


def _translation_keys_by_model(pages):
    keys = defaultdict(set)
    for page in pages:
        if isinstance(page, Page):
            keys[type(page)].add(page.translation_key)
    return keys


def _with_listing_facts_of(english, welsh):
    field_names = {field.attname for field in welsh._meta.concrete_fields}
    for name, value in vars(english).items():
        if name not in field_names and not name.startswith("_") and name not in vars(welsh):
            setattr(welsh, name, value)
    welsh._prefetched_objects_cache = dict(getattr(english, "_prefetched_objects_cache", {}))
    for name, related in english._state.fields_cache.items():
        field = welsh._meta.get_field(name)
        if name != "locale" and getattr(welsh, field.attname, None) == getattr(english, field.attname, None):
            welsh._state.fields_cache[name] = related
    welsh._original = english
    welsh.in_english = False
    return welsh


def in_language_q(language=None):
    """The pages a reader of `language` finds by search: those in that language, and the English pages
    that have no live translation in it."""
    language = language or reading_language()
    english = Q(locale__language_code=settings.LANGUAGE_CODE)
    if language == settings.LANGUAGE_CODE:
        return english
    translated = Page.objects.filter(locale__language_code=language, live=True, alias_of__isnull=True)
    return Q(locale__language_code=language, alias_of__isnull=True) | (
        english & ~Q(translation_key__in=translated.values("translation_key"))
    )
