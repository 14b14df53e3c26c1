"""Building blocks for demo content that every app's loader uses.

Each demo object is made once, under a key, and recorded. Later runs return it as editors left it,
or None when they deleted it: demo content is never made twice and never overwritten.
"""

import random
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from institute.demo import images
from institute.media_choices import site_images_collection
from institute.models import DemoRecord

GENERATED_KEY_PREFIX = "generated:"
SEARCH_INDEX_CHUNK = 500


def demo_object(key, create):
    """The object recorded under `key`; `create()` makes it on the first run only."""
    record = DemoRecord.objects.filter(key=key).first()
    if record:
        return record.content_object
    made = create()
    if made is not None:
        DemoRecord.objects.create(key=key, content_object=made)
    return made


def _media(model, title, make_file, collection=None, **fields):
    """Pictures and documents used across the site go in Site images, where every editor may choose them."""

    def create():
        existing = model.objects.filter(title=title).first()
        if existing:
            return existing
        filename, content = make_file()
        file = ContentFile(content, name=filename)
        item = model(
            title=title,
            collection=collection or site_images_collection(),
            file=file,
            file_size=len(content),
            file_hash=hash_filelike(file),
            **fields,
        )
        item.save()
        return item

    return demo_object(f"{model._meta.label_lower}:{title}", create)


def illustration_image(title, *, description, collection=None):
    return _media(
        get_image_model(),
        title,
        lambda: (f"{slugify(title)}.jpg", images.illustration(title, seed=title)),
        collection=collection,
        description=description,
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


def demo_page(parent, page, *, before_publish=None):
    """Publish `page` under `parent` once. A page an editor already put at that slug is kept, untouched.

    `before_publish(page)` sets what can only be made once the page is saved, e.g. a forum's picture, which
    goes in the forum's collection.
    """

    def create():
        existing = parent.get_children().filter(slug=page.slug).specific().first()
        if existing:
            return existing
        parent.add_child(instance=page)
        if before_publish:
            before_publish(page)
        page.save_revision().publish()
        return page

    if parent is None:
        return None
    return demo_object(f"page:{parent.pk}:{page.slug}", create)


def demo_volume(model):
    """How many `model` objects the demo loaders made, generated ones aside: what `--scale` multiplies."""
    records = DemoRecord.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return records.exclude(key__startswith=GENERATED_KEY_PREFIX).count()


def numbers_to_generate(kind, count):
    """Which of the generated `kind` items numbered 1 to `count` no earlier run made.

    Made ones are recorded, so a larger scale adds only the difference and items editors deleted stay deleted.
    """
    prefix = f"{GENERATED_KEY_PREFIX}{kind}:"
    keys = DemoRecord.objects.filter(key__startswith=prefix).values_list("key", flat=True)
    made = {int(key.removeprefix(prefix)) for key in keys}
    return [number for number in range(1, count + 1) if number not in made]


def record_generated(kind, made):
    """Record generated items, `made` mapping each one's number to it."""
    DemoRecord.objects.bulk_create(
        DemoRecord(key=f"{GENERATED_KEY_PREFIX}{kind}:{number}", content_object=item) for number, item in made.items()
    )


def add_live_page(parent, page):
    """Add `page` under `parent`, live, without the revision that publishing makes: one save per generated page.

    Editing it in the admin makes its first revision, as for any page made in code.
    """
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    return parent.add_child(instance=page)


def combination(number, *options):
    """The `number`th way of taking one item from each of `options`, and how many times round all ways it is.

    Each option is shifted by the ones before it, so consecutive numbers differ in every option.
    """
    chosen, shift = [], 0
    for items in options:
        number, position = divmod(number, len(items))
        position = (position + shift) % len(items)
        shift += position
        chosen.append(items[position])
    return chosen, number


def mid_sentence(phrase):
    """“Skills shortages” as it reads mid-sentence; acronyms such as “AI” and “NHS” stay as they are."""
    return phrase if phrase[:2].isupper() else phrase[0].lower() + phrase[1:]


def generator(kind, number):
    """The same pseudo-random choices for the same generated item on every run and machine."""
    return random.Random(f"{kind}:{number}")  # noqa: S311 (demo data, not security)  # nosec B311


@contextmanager
def indexed_at_the_end(*models):
    """Index the objects of `models` saved inside the block once each, at its end, instead of at every save.

    Wagtail updates its reference index at each save of a page and again at each save of its inline objects,
    and the search index at each save, refreshing statistics over the whole index (on SQLite) or queueing a
    task (in production): for thousands of generated objects that costs far more than indexing each once.
    """
    saved = {model: {} for model in models}

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender][instance.pk] = instance

    # Models whose search index is not updated on save stay that way.
    searched = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    for model in models:
        post_save.connect(collect, sender=model, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.disconnect(collect, sender=model)
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
    for model in models:
        if ReferenceIndex.is_indexed(model):
            for instance in saved[model].values():
                ReferenceIndex.create_or_update_for_object(instance)
    for model in searched:
        _add_to_search_index(model, list(saved[model]))


def _add_to_search_index(model, pks):
    objects = model.get_indexed_objects()
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pks), SEARCH_INDEX_CHUNK):
            backend.add_bulk(model, list(objects.filter(pk__in=pks[start : start + SEARCH_INDEX_CHUNK])))
