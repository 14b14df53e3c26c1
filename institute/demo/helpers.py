"""Building blocks for demo content that every app's loader uses.

The rule throughout: create what is missing, never change what exists, so an editor's changes
survive every later `make run`.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from institute.demo import images

DEMO_COLLECTION = "Demo content"


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION).first()
    return existing or root.add_child(name=DEMO_COLLECTION)


def _media_once(model, title, make_file, **fields):
    """The media item titled `title`, created from `make_file()` (name, bytes) only when missing."""
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    filename, content = make_file()
    file = ContentFile(content, name=filename)
    item = model(
        title=title,
        collection=demo_collection(),
        file=file,
        file_size=len(content),
        file_hash=hash_filelike(file),
        **fields,
    )
    item.save()
    return item


def illustration_image(title, *, description):
    return _media_once(
        get_image_model(),
        title,
        lambda: (f"{slugify(title)}.jpg", images.illustration(title, seed=title)),
        description=description,
    )


def portrait_image(name):
    return _media_once(
        get_image_model(), f"Portrait of {name}", lambda: (f"{slugify(name)}.jpg", images.portrait(name, seed=name))
    )


def logo_image(name, short_name):
    return _media_once(
        get_image_model(),
        f"{name} logo",
        lambda: (f"{slugify(short_name or name)}-logo.png", images.logo(name, short_name, seed=name)),
    )


def pdf_document(title, paragraphs):
    return _media_once(
        get_document_model(),
        title,
        lambda: (f"{slugify(title)}.pdf", images.document_pdf(title, paragraphs, seed=title)),
    )


def add_child_once(parent, page):
    """Publish `page` under `parent` unless a child with its slug exists; returns the page that is there."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
