"""What refuses publishing: placeholder text, images without alt text, links to pages visitors cannot open,
and required sections left empty. A draft may hold any of them.

A page model names the fields it cannot be published without in `required_to_publish`, e.g. a forum its chair:
drafts may leave them empty, and some are not in every editor's form (only staff choose a forum's lead).
"""

import re
from collections import defaultdict

from django.contrib import messages as messages_framework
from django.shortcuts import redirect
from django.utils.text import capfirst

from wagtail.models import Page, PageViewRestriction

from institute.content_checks.content import page_content, page_images, page_links
from institute.models.site_settings import InstituteSettings


def placeholder_regex(patterns):
    """One expression for the patterns, one a line: each matches whole words in any case, "*" any words
    (within a line), runs of spaces any spaces; every other character stands for itself. None if no pattern."""
    expressions = []
    for line in patterns.splitlines():
        if not line.replace("*", "").strip():  # a lone "*" would match everything
            continue
        parts = [r"\s+".join(re.escape(word) for word in part.split()) for part in line.strip().split("*")]
        expressions.append(r"(?<!\w)" + ".*?".join(parts) + r"(?!\w)")
    return re.compile("|".join(expressions), re.IGNORECASE) if expressions else None


def _placeholder_problems(page, patterns):
    expression = placeholder_regex(patterns)
    if expression is None:
        return
    for text in page_content(page):
        for match in expression.finditer(text.plain):
            yield text.field, f"Remove the placeholder text “{match.group()}” before publishing."


def _image_problems(page):
    for use in page_images(page):
        if not (use.decorative or use.alt_text):
            yield (
                use.field,
                f"The image “{use.image.title}” has no alt text: describe it here or in the image library, "
                "or mark it decorative where it adds nothing to the text.",
            )


def _ancestor_paths(path):
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def _link_problems(page):
    links = [link for link in page_links(page) if link.page_id and link.page_id != page.pk]
    if not links:
        return
    targets = {target.pk: target for target in Page.objects.filter(pk__in={link.page_id for link in links})}
    paths = {path for target in targets.values() for path in _ancestor_paths(target.path)}
    restricted = set(PageViewRestriction.objects.filter(page__path__in=paths).values_list("page__path", flat=True))
    for link in links:
        name = f"The link “{link.text}”" if link.text else "A link"
        target = targets.get(link.page_id)
        if target is None:
            yield link.field, f"{name} goes to a page that no longer exists: choose another page or remove the link."
        elif not target.live:
            yield (
                link.field,
                f"{name} goes to “{target.title}”, which is not published: publish it first or remove the link.",
            )
        elif restricted.intersection(_ancestor_paths(target.path)):
            yield (
                link.field,
                f"{name} goes to “{target.title}”, which is private: visitors cannot open it. "
                "Choose another page or remove the link.",
            )


def _required_problems(page):
    for name in getattr(page, "required_to_publish", ()):
        field = page._meta.get_field(name)
        if getattr(page, field.attname) in (None, ""):
            yield name, f"Required before this {page._meta.verbose_name} is published."


def settings_for(page):
    """The InstituteSettings of the page's site, whose placeholder patterns apply to it."""
    site = page.get_site()
    return InstituteSettings.for_site(site) if site else InstituteSettings()


def publishing_problems(page, settings):
    """{field name: [message, …]} for what must change before `page` is published; `settings` is its site's
    InstituteSettings, whose placeholder patterns apply."""
    problems = defaultdict(list)
    for field, message in [
        *_placeholder_problems(page, settings.placeholder_patterns),
        *_image_problems(page),
        *_link_problems(page),
        *_required_problems(page),
    ]:
        if message not in problems[field]:
            problems[field].append(message)
    return dict(problems)


def field_label(page, name):
    return capfirst(page._meta.get_field(name).verbose_name)


def refuse_bulk_publishing(request, action_type, objects, action):
    """before_bulk_action hook: publishing pages from a listing skips their edit form, so the same checks run
    here on what would go live, the pages' latest revisions (and their draft descendants, when included)."""
    if action_type != "publish" or not issubclass(action.model, Page):
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live().specific())
    refused = []
    for page in pages:
        draft = page.specific.get_latest_revision_as_object()
        problems = publishing_problems(draft, settings_for(page))
        if problems:
            first_messages = next(iter(problems.values()))
            refused.append(f"“{draft.title}”: {first_messages[0]}")
    if not refused:
        return None
    messages_framework.error(
        request,
        "Nothing was published. Open these pages and fix what stops them being published: " + " ".join(refused),
    )
    return redirect(action.next_url)
