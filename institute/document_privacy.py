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
    users = ReferenceIndex.get_references_to(document).values_list("base_content_type_id", "object_id")
    page_type_id = ContentType.objects.get_for_model(Page).pk
    if not users or any(content_type_id != page_type_id for content_type_id, _ in users):
        # Unused, or used somewhere other than a page (a person's profile, the site settings): public.
        return True
    pages = Page.objects.filter(pk__in={int(pk) for _, pk in users}).live()
    if pages.public().exists():
        return True
    if any(all(r.accept_request(request) for r in page.get_view_restrictions()) for page in pages):
        return True
    # Editors who manage the document keep it, e.g. to check the file of a page they made private.
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(request.user, ["change", "choose"], document)
