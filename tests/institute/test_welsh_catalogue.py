"""Every site string has its Welsh: makemessages, run on a copy of the catalogue, finds nothing untranslated,
nothing to guess (fuzzy) and nothing that the code no longer uses (obsolete)."""

import shutil

from django.conf import settings
from django.core.management import call_command

import polib
import pytest

CATALOGUE = settings.BASE_DIR / "locale" / "cy" / "LC_MESSAGES" / "django.po"
# What the README's makemessages command leaves out: only the site's own code and templates are extracted.
NOT_THE_SITE = {"locale", "tests", "bench", "docs", "media", "static_collected"}


@pytest.fixture
def extracted_catalogue(tmp_path, monkeypatch, settings):
    """The catalogue as makemessages leaves it after reading the site's code now: it runs in a folder of links
    to the repository's, so it updates a copy of locale/ and never the repository's own."""
    if shutil.which("xgettext") is None:
        pytest.skip("makemessages needs GNU gettext's xgettext and msgmerge (apt-get install gettext)")
    for entry in settings.BASE_DIR.iterdir():
        if entry.name not in NOT_THE_SITE and not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry)
    shutil.copytree(settings.BASE_DIR / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["cy"], no_location=True, symlinks=True, verbosity=0)
    return polib.pofile(tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.po")


def describe(entries):
    return [f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid for entry in entries]


def test_makemessages_finds_no_untranslated_site_string(extracted_catalogue):
    assert describe(extracted_catalogue.untranslated_entries()) == []
    assert describe(extracted_catalogue.fuzzy_entries()) == []
    assert describe(extracted_catalogue.obsolete_entries()) == []


def test_plural_messages_have_every_welsh_form():
    """Welsh has four plural forms (Django's own Plural-Forms): a message with fewer falls back to English."""
    catalogue = polib.pofile(CATALOGUE)
    assert "nplurals=4" in catalogue.metadata["Plural-Forms"]
    incomplete = [entry for entry in catalogue if entry.msgid_plural and len(entry.msgstr_plural) != 4]
    assert describe(incomplete) == []


@pytest.mark.django_db
def test_public_forms_give_django_errors_in_the_sites_welsh(client, home_page):
    """Django's own Welsh says "Mae angen y'r ffild hon."; the site's catalogue, read first, has better."""
    english = client.post("/newsletter/", {"email": "", "name": "x" * 500, "forums": ["nowhere"]}).content.decode()
    welsh = client.post("/cy/newsletter/", {"email": "", "name": "x" * 500, "forums": ["nowhere"]}).content.decode()

    assert "This field is required." in english
    assert "Mae angen llenwi&#x27;r maes hwn." in welsh
    assert "Dewiswch un o&#x27;r dewisiadau sydd ar gael. Nid yw nowhere yn un ohonynt." in welsh
    assert "Gall y maes hwn gynnwys hyd at 200 nod (mae ganddo 500)." in welsh
    assert "ffild" not in welsh
