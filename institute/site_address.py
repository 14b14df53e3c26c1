"""The default site's address, which canonical links, the sitemap, feeds and calendar links name."""

from urllib.parse import urlparse

from django.conf import settings

# What the site record holds until an administrator gives it the real address: the set-up migration's
# localhost:80, or the address on this machine it was last served at. No public site is served at these.
LOCAL_HOSTNAMES = {"localhost", "127.0.0.1", "::1"}


def follow_base_url(site):
    """Give a site still at a local set-up address the address of WAGTAILADMIN_BASE_URL, e.g. the port
    `make run PORT=8001` serves it on. An address an administrator set is never changed."""
    base_url = urlparse(settings.WAGTAILADMIN_BASE_URL)
    if site.hostname not in LOCAL_HOSTNAMES or not base_url.hostname:
        return site
    port = base_url.port or (443 if base_url.scheme == "https" else 80)
    if (site.hostname, site.port) != (base_url.hostname, port):
        site.hostname, site.port = base_url.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
