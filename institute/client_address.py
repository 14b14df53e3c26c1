"""Who sent a request, for rate limits and sign-in lock-outs, as far as it can be known."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The visitor's address: what failed sign-ins (AXES_CLIENT_IP_CALLABLE) and form submissions count against.

    X-Forwarded-For is read only when TRUSTED_PROXY_COUNT says how many proxies of ours stand in front:
    anyone can send the header, so only the entries our own proxies appended are believed. Each proxy
    appends the address it was reached from, so the visitor's is the TRUSTED_PROXY_COUNT-th from the end.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote_addr
    forwarded = [address.strip() for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote_addr
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote_addr
