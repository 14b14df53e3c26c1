"""The demo's Welsh pages: the core pages, the Wales forum and its events, translated with wagtail-localize,
marked as demo translations, made once and never overwritten."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page, Revision

import pytest
from wagtail_localize.models import StringTranslation, Translation

from institute.demo import welsh
from institute.demo.welsh import DEMO_NOTE, PAGES, TOOL_NAME, WelshPage

pytestmark = pytest.mark.django_db

# The Welsh pages' addresses and the Welsh each page shows as its title (the home shows its headline).
WELSH_TITLES = {
    "/cy/": "Beth mae cynhyrchiant yn ei olygu i fusnesau, i bobl ac i leoedd",
    "/cy/forums/": "Fforymau rhanbarthol",
    "/cy/about/": "Amdanom ni",
    "/cy/contact/": "Cysylltu â ni",
    "/cy/accessibility/": "Datganiad hygyrchedd",
    "/cy/forums/wales/": "Fforwm Cynhyrchiant Cymru",
    "/cy/forums/wales/wales-breakfast-briefing-2023/": "Brecwast briffio Cymru: Wythnos Genedlaethol Cynhyrchiant 2023",
    "/cy/forums/wales/management-practices-workshop-for-sme-leaders/": "Gweithdy arferion rheoli i arweinwyr BBaChau",
    "/cy/forums/wales/wales-forum-meeting-the-foundational-economy/": "Cyfarfod fforwm Cymru: yr economi sylfaenol",
}


def load_demo():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def what_the_loader_made():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translated strings": StringTranslation.objects.count(),
    }


def test_demo_core_pages_wales_forum_and_its_events_are_in_welsh_once(client, soup, django_user_model):
    output = load_demo()
    # A change to the English demo text shows here, naming the texts that have no Welsh.
    assert "Welsh: 9 pages in Welsh." in output, output
    for url, title in WELSH_TITLES.items():
        response = client.get(url)
        assert response.status_code == 200, url
        page = soup(response)
        assert page.find("h1").get_text(" ", strip=True) == title, url
        # Visitors are told, in Welsh and English, that the Welsh is the demo's.
        assert DEMO_NOTE in page.get_text(" ", strip=True), url

    welsh_locale = Locale.objects.get(language_code="cy")
    translations = Translation.objects.filter(target_locale=welsh_locale)
    assert translations.count() == len(PAGES) == len(WELSH_TITLES)
    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated > 0, translation.source.object_repr
    # wagtail-localize's editor credits the loader with each string, and page histories name no one.
    assert set(StringTranslation.objects.values_list("tool_name", flat=True)) == {TOOL_NAME}
    assert not Revision.page_revisions.filter(object_id__in=welsh_pages_ids(welsh_locale), user__isnull=False)

    made = what_the_loader_made()
    load_demo()
    assert what_the_loader_made() == made

    # A translator's change to a Welsh page stays through later loads.
    about = Page.objects.get(locale=welsh_locale, slug="about").specific
    about.title = "Amdanom ni: y sefydliad"
    about.save_revision(user=django_user_model.objects.create_user("cyfieithydd")).publish()
    load_demo()
    assert soup(client.get("/cy/about/")).find("h1").get_text(strip=True) == "Amdanom ni: y sefydliad"


def welsh_pages_ids(locale):
    return [str(pk) for pk in Page.objects.filter(locale=locale).values_list("pk", flat=True)]


def test_english_text_without_welsh_makes_no_welsh_page_and_says_which(home_page, monkeypatch):
    """No Welsh page shows English: one with a text this module has no Welsh for is not made."""
    home = PAGES[0]
    texts = {english: welsh for english, welsh in home.texts.items() if english != "Home"}
    monkeypatch.setattr(welsh, "PAGES", [WelshPage(home.path, home.note_field, texts, home.slug)])
    said = []
    welsh.load(said.append)
    assert said == [
        "Welsh: no Welsh in institute/demo/welsh.py for these texts of /, so no Welsh page: ['Home']",
        "Welsh: 0 pages in Welsh.",
    ]
    assert not Page.objects.filter(locale__language_code="cy").exists()
    assert not Translation.objects.exists()
