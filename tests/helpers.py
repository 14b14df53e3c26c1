"""Small helpers the tests of several apps share."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    """How many SQL queries a visitor's view of `url` costs, once image renditions exist."""
    client.get(url)  # the first view makes image renditions and caches settings; later views do not
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)
