"""schema.org `ScholarlyArticle` and `Person` data for publications and profiles (rendered as JSON-LD)."""

from institute.structured_data import CONTEXT, absolute_url


def scholarly_article(publication, citation, request, people_index):
    """What Google Scholar and search engines read: title, authors with their profiles, date, DOI."""
    authors = []
    for author in publication.author_list:
        item = {"@type": "Person", "name": author.display_name}
        if author.person_id and people_index:
            item["url"] = absolute_url(request, people_index.profile_url(author.person, request))
        if author.affiliation:
            item["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        authors.append(item)
    data = {
        "@context": CONTEXT,
        "@type": "ScholarlyArticle",
        "headline": publication.title,
        "name": publication.title,
        "author": authors,
        "datePublished": publication.publication_date.isoformat(),
        "abstract": publication.abstract,
        "url": citation.url,
        "publisher": {"@type": "Organization", "name": citation.publisher},
        "genre": citation.type_label,
    }
    if publication.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": publication.doi}
        data["sameAs"] = publication.doi_url
    if publication.journal:
        data["isPartOf"] = {"@type": "Periodical", "name": publication.journal}
    if citation.keywords:
        data["keywords"] = ", ".join(citation.keywords)
    if citation.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": citation.pdf_url, "encodingFormat": "application/pdf"}
    return data
