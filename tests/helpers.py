"""Small helpers the tests of several apps share."""

import socket
from contextlib import closing
from http import HTTPStatus

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """How many SQL queries rendering `url` costs when the page itself is not in the page cache.

    The first view makes image renditions and keeps what every page shows (settings, menu, footer) in
    the cache; the view counted renders the page again from the database.
    """
    with override_settings(PAGE_CACHE=False):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def translate_into_welsh(page, welsh=None, publish=True):
    """The Welsh translation of `page`, made as an editor makes one with wagtail-localize: every text
    segment is `welsh[English text]`, or "Cymraeg: <English text>" when `welsh` does not name it. The
    slug stays the English one, so the Welsh page's address is /cy/ + the English page's."""
    from wagtail.models import Locale

    from wagtail_localize.models import Translation, TranslationSource

    welsh = welsh or {}
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="cy"))
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else welsh.get(entry.msgid, f"Cymraeg: {entry.msgid}")
    translation.import_po(po)
    # wagtail-localize publishes once the transaction commits, which a test's never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return page.get_translation(Locale.objects.get(language_code="cy")).specific
