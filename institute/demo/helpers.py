"""Building blocks for demo content that every app's loader uses.

Each demo object is made once, under a key, and recorded. Later runs return it as editors left it,
or None when they deleted it: demo content is never made twice and never overwritten.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from institute.demo import images
from institute.models import DemoRecord

DEMO_COLLECTION = "Demo content"


def demo_object(key, create):
    """The object recorded under `key`; `create()` makes it on the first run only."""
    record = DemoRecord.objects.filter(key=key).first()
    if record:
        return record.content_object
    made = create()
    if made is not None:
        DemoRecord.objects.create(key=key, content_object=made)
    return made


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION).first()
    return existing or root.add_child(name=DEMO_COLLECTION)


def _media(model, title, make_file, **fields):
    def create():
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

    return demo_object(f"{model._meta.label_lower}:{title}", create)


def illustration_image(title, *, description):
    return _media(
        get_image_model(),
        title,
        lambda: (f"{slugify(title)}.jpg", images.illustration(title, seed=title)),
        description=description,
    )


def portrait_image(name):
    return _media(
        get_image_model(), f"Portrait of {name}", lambda: (f"{slugify(name)}.jpg", images.portrait(name, seed=name))
    )


def logo_image(name, short_name):
    return _media(
        get_image_model(),
        f"{name} logo",
        lambda: (f"{slugify(short_name or name)}-logo.png", images.logo(name, short_name, seed=name)),
    )


def pdf_document(title, paragraphs):
    return _media(
        get_document_model(),
        title,
        lambda: (f"{slugify(title)}.pdf", images.document_pdf(title, tuple(paragraphs), seed=title)),
    )


def demo_page(parent, page):
    """Publish `page` under `parent` once. A page an editor already put at that slug is kept, untouched."""

    def create():
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing:
            return existing
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    if parent is None:
        return None
    return demo_object(f"page:{parent.pk}:{page.slug}", create)
