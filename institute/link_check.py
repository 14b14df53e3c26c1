"""The periodic check of the external links live pages hold (ExternalLink), never run at publish time.

Each run is bounded: at most LINK_CHECK_BATCH links, those most in need of a check (never checked
first, then the longest ago), each request given LINK_CHECK_TIMEOUT seconds, and at least
LINK_CHECK_HOST_INTERVAL seconds between two requests to one host. Links are taken round the hosts
in turn, so a run waits only when one host holds most of the batch.

What a check records:
- an answer (after following redirects) of 2xx: not broken;
- 4xx or 5xx, a redirect loop, a timeout or no connection: broken, with the status or the error;
- 429 (the site asks us to come back later): the earlier verdict stands, and the link goes to the
  back of the queue (checked_at is set) so that it is tried again on a later run, not at the head of
  the next one. The host's other links wait for a later run too.

`manage.py check_links_every` enqueues `check_external_links` every hour while LINK_CHECK_ENABLED.
"""

import logging
from collections import defaultdict
from http.client import HTTPException
from itertools import chain, zip_longest
from time import monotonic, sleep
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import (
    HTTPDefaultErrorHandler,
    HTTPErrorProcessor,
    HTTPHandler,
    HTTPRedirectHandler,
    HTTPSHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    UnknownHandler,
)

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from django_tasks import task

from institute.models.content_health import ExternalLink

logger = logging.getLogger(__name__)

TOO_MANY_REQUESTS = 429
# Answers of servers that do not take HEAD requests: ask again with GET.
HEAD_REFUSED = {405, 501}


def links_to_check(limit):
    """The http(s) links of live pages most in need of a check: never checked first, then the oldest checks."""
    return list(
        ExternalLink.objects.filter(Q(url__istartswith="http://") | Q(url__istartswith="https://"))
        .filter(pages__page__live=True)
        .distinct()
        .order_by(F("checked_at").asc(nulls_first=True), "pk")[:limit]
    )


def host_of(link):
    return urlsplit(link.url).hostname or ""


def round_the_hosts(links):
    """The links one host after another in turn: the first of each host, then the second of each…"""
    by_host = defaultdict(list)
    for link in links:
        by_host[host_of(link)].append(link)
    return [link for link in chain.from_iterable(zip_longest(*by_host.values())) if link is not None]


class KeepMethodRedirectHandler(HTTPRedirectHandler):
    """Follow a redirect with the same method: urllib would turn a HEAD into a GET of the whole page."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new_request = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new_request is not None:
            new_request.method = req.get_method()
        return new_request


class HostPacer:
    """Waits, before a request, until LINK_CHECK_HOST_INTERVAL has passed since the last one to that host."""

    def __init__(self, interval):
        self.interval = interval
        self.last_request = {}

    def wait_for(self, host):
        if host in self.last_request:
            wait = self.last_request[host] + self.interval - monotonic()
            if wait > 0:
                sleep(wait)
        self.last_request[host] = monotonic()


def http_opener():
    """urllib's opener for http and https only: a redirect to ftp or file is an error ("unknown url type")."""
    opener = OpenerDirector()
    for handler in (
        ProxyHandler(),
        HTTPHandler(),
        HTTPSHandler(),
        HTTPDefaultErrorHandler(),
        KeepMethodRedirectHandler(),
        HTTPErrorProcessor(),
        UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def user_agent():
    return f"{settings.WAGTAIL_SITE_NAME} link checker (+{settings.WAGTAILADMIN_BASE_URL})"


def fetch_status(opener, url, method, timeout):
    """The final HTTP status of `url`, redirects followed; HTTPError and the network's errors pass up."""
    # http_opener opens http and https only, and links_to_check picks no other.
    request = Request(url, method=method, headers={"User-Agent": user_agent()})  # noqa: S310
    # Only the status matters: the body of a GET is left unread.
    with opener.open(request, timeout=timeout) as response:
        return response.status


def request_status(opener, url, pace, timeout):
    """(status, error) of one link: HEAD, or GET where the server refuses HEAD."""
    host = urlsplit(url).hostname or ""
    try:
        pace(host)
        try:
            return fetch_status(opener, url, "HEAD", timeout), ""
        except HTTPError as refusal:
            if refusal.code not in HEAD_REFUSED:
                raise
            refusal.close()
        pace(host)
        return fetch_status(opener, url, "GET", timeout), ""
    except HTTPError as error:
        error.close()
        # A redirect urllib would not follow further (a loop, too many) comes here with its 3xx status.
        return error.code, "" if error.code >= 400 else f"Redirect not followed: {error.reason}"[:255]
    except TimeoutError:
        return None, f"No answer within {timeout:g} s"
    except URLError as error:
        if isinstance(error.reason, TimeoutError):
            return None, f"No answer within {timeout:g} s"
        return None, f"Could not connect: {error.reason}"[:255]
    except (OSError, HTTPException, ValueError) as error:
        # A connection reset, a malformed answer, a URL urllib cannot read.
        return None, f"{type(error).__name__}: {error}"[:255]


def check_links(limit=None):
    """Check one batch of external links and record what each answered; returns the links checked."""
    limit = settings.LINK_CHECK_BATCH if limit is None else limit
    timeout = settings.LINK_CHECK_TIMEOUT
    pacer = HostPacer(settings.LINK_CHECK_HOST_INTERVAL)
    opener = http_opener()
    hosts_asking_to_wait = set()
    checked = []
    for link in round_the_hosts(links_to_check(limit)):
        host = host_of(link)
        if host in hosts_asking_to_wait:
            continue
        status, error = request_status(opener, link.url, pacer.wait_for, timeout)
        link.checked_at = timezone.now()
        link.status_code = status
        link.error = error
        if status == TOO_MANY_REQUESTS:
            link.error = "Asked to come back later: the last verdict stands"
            hosts_asking_to_wait.add(host)
        else:
            link.is_broken = status is None or status >= 300
        link.save(update_fields=["checked_at", "status_code", "error", "is_broken"])
        checked.append(link)
    logger.info("Checked %s external links: %s broken.", len(checked), sum(link.is_broken for link in checked))
    return checked


# Below the site's other tasks (e-mail first) when both are waiting for the worker.
@task(priority=-10)
def check_external_links():
    # A run queued before the check was turned off does nothing.
    if settings.LINK_CHECK_ENABLED:
        check_links()
