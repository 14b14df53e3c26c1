"""A document used only on pages a visitor may not see is not theirs to download either.

Wagtail checks a document's collection before serving it, but not the pages that use it: the PDF of a
publication made private would stay downloadable at /documents/<id>/<name>. This check follows the
reference index from the document to the pages that use it.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def refuse_document_of_hidden_pages(document, request):
    """`before_serve_document` hook: 404 unless the visitor may see a page that uses the document."""
    if document_is_visible(document, request):
        return None
    raise Http404("No document here.")


def document_is_visible(document, request):
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    if not references.exists() or references.exclude(base_content_type=page_type).exists():
        # Unused, or used somewhere other than a page (a person's profile, the site settings): public.
        return True
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    pages = Page.objects.filter(pk__in=page_ids).live()
    if pages.public().exists():
        return True
    if any(all(r.accept_request(request) for r in page.get_view_restrictions()) for page in pages):
        return True
    # Editors who manage the document keep it, e.g. to check the file of a page they made private.
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], document)
