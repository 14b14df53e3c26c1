"""The shared page cache, and the content version that keeps it from ever being stale.

Anonymous visitors' GETs of public pages, listings and feeds are answered from Django's cache, which
every worker and every instance shares (Redis, or a folder all processes on one machine see). Each
cached copy, and each cached fragment every page shows (settings, menu, footer), is filed under the
current *content version*. Any change to what the site shows (a page published, unpublished, moved or
deleted, a snippet, an image, a setting, a privacy rule) replaces the version, so every copy made
before it is unreachable at once, in every process. Time changes what pages show as well (an event
ends and leaves "upcoming", an announcement passes its last day, the year in the footer), so a version
also ends by itself at the next such moment, which apps announce through the `content_changes_at` hook.

One change drops every page: edits are rare next to reads, and what a page depends on (sections, cards
and listings of other pages, menus) is too much to track page by page without missing something.
"""

import functools
import hashlib
import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation

from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

CONTENT_CHANGES_AT = "content_changes_at"
VERSION_KEY = "content-version"
# When the last version began, kept without expiry: each version's Last-Modified is later than the one
# before it, even when two begin within one second.
LAST_CHANGE_KEY = "content-version-last-change"
# A version lasts at most this long, so that a moment no hook announced is never missed for more than a day.
LONGEST_VERSION = timedelta(days=1)


@dataclass(frozen=True)
class ContentVersion:
    key: str
    since: int  # the Unix time, in whole seconds, from which pages have shown what they show now
    until: float  # the Unix time at which time itself changes what pages show

    def has_ended(self):
        return timezone.now().timestamp() >= self.until

    def seconds_left(self):
        return max(1, math.ceil(self.until - timezone.now().timestamp()))


def current_version(request=None):
    """The content version now; one cache read a request when the request is given."""
    if request is not None and hasattr(request, "content_version"):
        return request.content_version
    version = cache.get(VERSION_KEY)
    if version is None or version.has_ended():
        version = _begin_version()
    if request is not None:
        request.content_version = version
    return version


def content_changed():
    """Make every cached page and fragment unreachable. Call it when something pages show has changed."""
    cache.delete(VERSION_KEY)


def content_changed_on_commit():
    # Once now, for what this process reads inside the transaction, and again after the commit: a
    # version another process begins in between would otherwise file the old content under it.
    content_changed()
    transaction.on_commit(content_changed, robust=True)


def _begin_version():
    now = timezone.now()
    until = _next_content_change(now)
    since = max(math.ceil(now.timestamp()), (cache.get(LAST_CHANGE_KEY) or 0) + 1)
    version = ContentVersion(key=uuid.uuid4().hex, since=since, until=until.timestamp())
    cache.set(LAST_CHANGE_KEY, since, timeout=None)
    if cache.add(VERSION_KEY, version, timeout=version.seconds_left()):
        return version
    # Another process began one at the same moment: use theirs, so that both fill one cache.
    theirs = cache.get(VERSION_KEY)
    if theirs is not None and not theirs.has_ended():
        return theirs
    cache.set(VERSION_KEY, version, timeout=version.seconds_left())
    return version


def _next_content_change(now):
    """The first moment after `now` at which time alone changes what a page shows."""
    local_now = timezone.localtime(now)
    midnight = timezone.make_aware(datetime.combine(local_now.date() + timedelta(days=1), datetime.min.time()))
    moments = [now + LONGEST_VERSION, midnight]
    moments += [moment for changes_at in hooks.get_hooks(CONTENT_CHANGES_AT) if (moment := changes_at(now))]
    return min(moments)


def fragment_key(version, name):
    # Fragments hold the site's own words, which differ by language.
    return f"fragment:{version.key}:{translation.get_language()}:{name}"


def remember(name, make, request=None):
    """`make()`, in the language being spoken, kept in the shared cache for as long as the content version lasts."""
    version = current_version(request)
    key = fragment_key(version, name)
    kept = cache.get(key)  # a 1-tuple, so that None can be kept too
    if kept is None:
        kept = (make(),)
        cache.set(key, kept, timeout=version.seconds_left())
    return kept[0]


def remember_many(names, make_missing, request=None):
    """{name: value} for `names`: those kept for this content version from the cache, the others from
    `make_missing(missing_names)`, which returns {name: value}, and are kept from then on."""
    version = current_version(request)
    keys = {name: fragment_key(version, name) for name in names}
    kept = cache.get_many(keys.values())
    values = {name: kept[key][0] for name, key in keys.items() if key in kept}
    missing = [name for name in names if name not in values]
    if missing:
        made = make_missing(missing)
        cache.set_many({keys[name]: (value,) for name, value in made.items()}, timeout=version.seconds_left())
        values.update(made)
    return values


def page_key(request, version):
    url = request.build_absolute_uri().encode()
    return f"page:{version.key}:{hashlib.sha256(url).hexdigest()}"


# Fields Wagtail writes when an editor saves a draft: the live page is unchanged.
DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "wagtail_admin_comments",
    }
    | {"locked", "locked_at", "locked_by"}
)
# Models of the site's own apps that pages never show.
NOT_SHOWN = frozenset(
    {
        "institute.DemoRecord",
        "institute.FormEmail",
        "institute.ExternalLink",
        "institute.PageHealth",
        "news.NewsletterSubscription",
    }
)
# Models of Wagtail and its companions that pages show.
SHOWN = frozenset(
    {
        "taggit.Tag",
        "wagtailcore.CollectionViewRestriction",
        "wagtailcore.Locale",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.Site",
        "wagtaildocs.Document",
        "wagtailimages.Image",
        "wagtailredirects.Redirect",
    }
)


@functools.cache
def site_app_labels():
    """The site's own apps: everything their models hold may be on a page."""
    return {
        config.label for config in apps.get_app_configs() if (settings.BASE_DIR / config.name.split(".")[0]).is_dir()
    }


def is_shown_on_pages(model):
    label = model._meta.label
    if label in NOT_SHOWN:
        return False
    return label in SHOWN or model._meta.app_label in site_app_labels()


def saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if not (update_fields and DRAFT_FIELDS.issuperset(update_fields)):
            content_changed_on_commit()
    elif is_shown_on_pages(sender):
        content_changed_on_commit()


def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or is_shown_on_pages(sender):
        content_changed_on_commit()


def related_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and (isinstance(instance, Page) or is_shown_on_pages(type(instance))):
        content_changed_on_commit()


def page_changed(sender, **kwargs):
    content_changed_on_commit()


def connect_signals():
    for signal, receiver in [
        (post_save, saved),
        (post_delete, deleted),
        (m2m_changed, related_changed),
        # Moves rewrite paths with queries, and unpublishing a page's descendants too: no post_save.
        (post_page_move, page_changed),
        (page_unpublished, page_changed),
    ]:
        signal.connect(receiver, dispatch_uid=f"institute.page_cache.{receiver.__name__}")
