"""schema.org data that search engines read from a page's head as JSON-LD.

A page's view puts its own item (an Event, a ScholarlyArticle, a NewsArticle…) in the template context as
`structured_data`; base.html renders it with the page's BreadcrumbList, and the Organization on the home page.
"""

import json
from urllib.parse import urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from wagtail.models import Site

CONTEXT = "https://schema.org"
# As Django's json_script: no "<", ">" or "&" inside the element can end it or open another.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(request, url):
    """`url` on the address the site record names, which canonical links and the sitemap use too."""
    site = Site.find_for_request(request)
    return urljoin(f"{site.root_url}/" if site else request.build_absolute_uri("/"), url)


def organization(request, site_settings):
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": absolute_url(request, "/"),
    }
    if site_settings.contact_email:
        data["email"] = site_settings.contact_email
    same_as = [url for _, url in site_settings.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def breadcrumb_list(request, trail):
    """The trail as (title, URL) pairs from the home page to the page itself."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": title, "item": absolute_url(request, url)}
            for position, (title, url) in enumerate(trail, start=1)
        ],
    }


def person(request, person, url):
    data = {"@context": CONTEXT, "@type": "Person", "name": person.name, "url": absolute_url(request, url)}
    optional = {
        "honorificPrefix": person.honorific,
        "jobTitle": person.job_title,
        "description": person.short_bio,
        "email": person.email,
    }
    data.update({key: value for key, value in optional.items() if value})
    if person.organisation:
        data["affiliation"] = {"@type": "Organization", "name": person.organisation.name}
    same_as = [person.orcid_url] if person.orcid else []
    same_as += [link.url for link in person.links.all()]
    if same_as:
        data["sameAs"] = same_as
    return data


def json_ld(items):
    """One `<script type="application/ld+json">` per item. It is data, not a script the browser runs, so the
    site's CSP has nothing to allow."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        # Safe: after JSON_SCRIPT_ESCAPES nothing in it can end the element or open another.
        ((mark_safe(json.dumps(item, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES)),) for item in items),  # noqa: S308  # nosec B308, B703
    )
