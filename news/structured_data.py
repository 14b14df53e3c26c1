"""schema.org `NewsArticle` data for news items (rendered as JSON-LD by base.html)."""

from institute.structured_data import CONTEXT, absolute_url


def news_article(item, request, people_index, site_settings):
    """What search engines and news aggregators read: headline, date, authors with their profiles, image."""
    authors = []
    for author in item.author_list:
        data = {"@type": "Person", "name": author.display_name}
        if author.person_id and people_index:
            data["url"] = absolute_url(request, people_index.profile_url(author.person, request))
        authors.append(data)
    article = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.date.isoformat(),
        "description": item.summary,
        "url": absolute_url(request, item.get_url(request)),
        "author": authors or [{"@type": "Organization", "name": site_settings.organisation_name}],
        "publisher": {"@type": "Organization", "name": site_settings.organisation_name},
        "articleSection": item.get_kind_display(),
    }
    if item.last_published_at:
        article["dateModified"] = item.last_published_at.isoformat()
    return article
