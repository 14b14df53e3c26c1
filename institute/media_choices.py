"""Which images and documents an editor may put on a page.

Forum leads choose from their forum's collection and from "Site images", the shared collection staff curate;
staff editors choose from every collection. A page keeps the images and documents it already has, so a lead
may save a page on which staff placed an image the lead could not choose.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

SITE_IMAGES = "Site images"


def site_images_collection():
    """The shared collection, made on first use at the top level."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=SITE_IMAGES).first() or root.add_child(name=SITE_IMAGES)


def choosable(user, model):
    """The images or documents (`model`) that `user` may choose, as the choosers list them."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["choose"])


def refuse_media_not_choosable(form):
    """A form error on each field of a page form that newly refers to an image or document its user may not choose.

    Looks at image and document ForeignKeys and at what StreamFields and rich text refer to (image and document
    blocks at any depth, document links), comparing with the page as it was before this edit. A form made
    without a user (in code, not in the admin) has no one to check for.
    """
    if form.for_user is None:
        return
    messages = {
        get_image_model(): "Choose an image from your forum's collection or Site images.",
        get_document_model(): "Choose a document from your forum's collection or Site images.",
    }
    fields = [field for field in _model_fields(form) if _may_refer_to(field, messages)]
    already_on_page = set().union(*(_references(field, field.value_from_object(form.instance)) for field in fields))
    new_choices = {
        field.name: _references(field, form.cleaned_data[field.name]) - already_on_page
        for field in fields
        if field.name in form.cleaned_data
    }
    for model, message in messages.items():
        wanted = {pk for references in new_choices.values() for kind, pk in references if kind is model}
        if not wanted:
            continue
        allowed = {str(pk) for pk in choosable(form.for_user, model).filter(pk__in=wanted).values_list("pk", flat=True)}
        for name, references in new_choices.items():
            if any(kind is model and pk not in allowed for kind, pk in references):
                form.add_error(name, message)


def _model_fields(form):
    for name in form.fields:
        try:
            yield form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue


def _may_refer_to(field, models):
    if isinstance(field, ForeignKey):
        return field.related_model in models
    # StreamField and RichTextField list what their values refer to, as for Wagtail's reference index.
    return hasattr(field, "extract_references")


def _references(field, value):
    """{(model, primary key as a string)} for what `value`, a value of `field`, refers to."""
    if isinstance(field, ForeignKey):
        return set() if value is None else {(field.related_model, str(getattr(value, "pk", value)))}
    return {(model, str(pk)) for model, pk, _, _ in field.extract_references(value)}
