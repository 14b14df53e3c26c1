"""Small helpers the tests of several apps share."""

import socket
from contextlib import closing
from http import HTTPStatus

from django.db import connection
from django.test import override_settings
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
