from django.http import HttpResponse
from django.views.decorators.http import require_safe

from institute.routing import public_page_at
from research.citations import Citation
from research.models import PublicationPage

# (media type, how to write it) for each citation format a publication offers.
CITATION_FORMATS = {
    "bib": ("application/x-bibtex", Citation.bibtex),
    "ris": ("application/x-research-info-systems", Citation.ris),
}


@require_safe
def citation(request, page_path, citation_format):
    publication = public_page_at(request, page_path, PublicationPage)
    media_type, write = CITATION_FORMATS[citation_format]
    response = HttpResponse(
        write(Citation.for_publication(publication, request)), content_type=f"{media_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{publication.slug}.{citation_format}"'
    return response
