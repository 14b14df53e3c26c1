"""Keeps each live page's `PageHealth` (its warnings and the external links it holds) as it is published.

It runs in the publishing request, so it does local database work only: the external links are visited later,
by the periodic link check (institute.link_check), never here.
"""

from urllib.parse import urlsplit

from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from institute.content_checks.content import page_links
from institute.content_checks.warnings import page_warnings
from institute.models import ExternalLink, PageHealth


def external_urls(page, site_hostnames):
    """The http(s) URLs the page links to on hosts that are not this site's, in the order the page shows them."""
    urls = []
    for link in page_links(page):
        parts = urlsplit(link.url or "")
        if parts.scheme in {"http", "https"} and parts.hostname and parts.hostname not in site_hostnames:
            urls.append(link.url)
    return list(dict.fromkeys(urls))


def site_hostnames():
    return {hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}


def update_page_health(page, hostnames=None):
    """Record the warnings and external links of `page`, the live version of a page."""
    hostnames = site_hostnames() if hostnames is None else hostnames
    # The content health report finds stale pages itself, as of the day it is read.
    warnings = page_warnings(page, stale=False)
    health, _ = PageHealth.objects.update_or_create(page=page, defaults={"warnings": warnings})
    links = [ExternalLink.objects.get_or_create(url=url)[0] for url in external_urls(page, hostnames)]
    health.external_links.set(links)


def forget_unlinked():
    """Drop the external links no live page holds any more, so that the link check does not visit them."""
    ExternalLink.objects.filter(pages=None).delete()


def published(sender, instance, **kwargs):
    update_page_health(instance)
    forget_unlinked()


def unpublished(sender, instance, **kwargs):
    PageHealth.objects.filter(page=instance).delete()
    forget_unlinked()


def connect_signals():
    page_published.connect(published, dispatch_uid="institute.content_checks.health.published")
    page_unpublished.connect(unpublished, dispatch_uid="institute.content_checks.health.unpublished")
