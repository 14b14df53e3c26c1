"""Pages in the reader's language: English (the site's own) under the usual addresses, Welsh under /cy/.

Every page is written in English first; some have a Welsh translation, made in the admin with
wagtail-localize. What a page lists (a forum's events, the menu, search results) is worked out from the
English pages, as it always was, and each item is then shown in the reader's language: its Welsh
translation when there is a live one, else the English page, marked `in_english` so that templates can
say so ("(Saesneg)") and mark its words as English.
"""

from django.conf import settings
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page

from institute import page_cache


def reading_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def reads_english():
    return reading_language() == settings.LANGUAGE_CODE


def english_address_unless_translated(page, request):
    """A redirect to the English address when a Welsh one (/cy/…) reached a page that is not in Welsh:
    the English page itself (there is no Welsh home yet) or an alias wagtail-localize keeps in the Welsh
    tree for an untranslated parent. A page without a Welsh version is not in Welsh: no English words at a
    Welsh address, under lang="cy". None when the page is in the reader's language."""
    if reads_english():
        return None
    if page.locale_id != locale_ids().get(reading_language()) or (
        page.alias_of_id and Page.objects.filter(pk=page.alias_of_id).exclude(locale_id=page.locale_id).exists()
    ):
        return redirect(translate_url(request.get_full_path(), settings.LANGUAGE_CODE))
    return None


def locale_ids():
    """{language code: id} of the site's locales, read once per content version."""
    return page_cache.remember("locale-ids", lambda: dict(Locale.objects.values_list("language_code", "pk")))


def original_of(page):
    """The English page `page` translates, or `page` itself when it is English (or not a page).

    No query for an English reader: English addresses lead to English pages only.
    """
    if not isinstance(page, Page) or page.locale_id is None or reads_english():
        return page
    if not hasattr(page, "_original"):
        english_locale_id = locale_ids().get(settings.LANGUAGE_CODE)
        page._original = page
        if page.locale_id != english_locale_id:
            english = type(page).objects.filter(translation_key=page.translation_key, locale_id=english_locale_id)
            page._original = english.first() or page
    return page._original


def in_reading_language(pages):
    """`pages` (English pages, e.g. a listing) with each replaced by its live Welsh translation for a
    Welsh reader; the others are marked `in_english`. For an English reader, `pages` as they are.

    What a listing attached to its English pages (prefetched forums and themes, images, next dates) is
    the same for the translation, so it is carried over. The translations of each page type are read
    once per content version: no query at all once they are.
    """
    pages = list(pages)
    if reads_english() or not pages:
        return pages
    shown = []
    for page in pages:
        if not isinstance(page, Page):
            shown.append(page)
            continue
        welsh = live_translations(type(page)).get(page.translation_key)
        if welsh is None:
            page.in_english = True
            page._original = page
            shown.append(page)
        else:
            shown.append(_with_listing_facts_of(page, welsh))
    return shown


def live_translations(model):
    """{translation key: page} of the live pages of `model` in the reader's language (aliases of English
    pages are not translations), kept for the content version."""

    def find():
        translations = model.objects.filter(
            locale__language_code=reading_language(), live=True, alias_of__isnull=True
        ).defer_streamfields()
        return {page.translation_key: page for page in translations}

    return page_cache.remember(f"live-translations:{model._meta.label}", find)


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


def searched_pages_q():
    """What a search in the reader's language looks through: the pages in that language, and the English
    pages without a live translation in it. Written with the fields the search index can filter on."""
    english = Q(locale__in=Locale.objects.filter(language_code=settings.LANGUAGE_CODE))
    if reads_english():
        return english
    translation_keys = list(live_translations(Page))
    in_reading_language = Q(
        locale__in=Locale.objects.filter(language_code=reading_language()), translation_key__in=translation_keys
    )
    return in_reading_language | (english & ~Q(translation_key__in=translation_keys))
