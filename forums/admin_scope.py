"""What the admin shows a forum lead beyond their own forum: other pages only as the public sees them.

Staff editors work on the whole site and see all of it. A lead's account has admin access and rights on
their forum only, but Wagtail's page chooser and reports list every page under its draft title, so a lead
would read other forums' unpublished pages and unpublished title changes. The hooks and the middleware
here keep those out of a lead's admin, and keep their translating to the pages they may edit. The hooks are
registered in forums/wagtail_hooks.py, the middleware in the settings.
"""

import json

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.chooser import BaseLinkFormView, ExternalLinkView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from wagtail_localize.models import TranslationSource

from forums.models import manages_forums


def pages_shown_as_published(user):
    """The pages a user may see in the chooser: those they may edit, and others as the public sees them.

    The chooser shows a page's draft title, so a page the user may not edit is left out while a new title
    waits to be published, as well as while the page has never been published. It also shows the titles of
    a page's ancestors (breadcrumbs, the "Parent" column of search results), so such a page is left out
    too while any of its ancestors is.
    """
    editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    not_as_published = Page.objects.filter(Q(live=False) | ~Q(draft_title=F("title")))
    # The page itself, or an ancestor: a page whose path begins the page's path.
    itself_or_ancestor_not_as_published = not_as_published.filter(path=Substr(OuterRef("path"), 1, Length("path")))
    return Page.objects.filter(Q(pk__in=editable.values("pk")) | ~Exists(itself_or_ancestor_not_as_published))


def hide_unpublished_pages_from_chooser(pages, request):
    """construct_page_chooser_queryset hook: browsing and searching in the page chooser."""
    if manages_forums(request.user):
        return pages
    return pages.filter(pk__in=pages_shown_as_published(request.user).values("pk"))


def hide_reports_menu(request, menu_items):
    """construct_main_menu hook: the reports cover the whole site (see StaffOnlyReportsMiddleware)."""
    if not manages_forums(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


def hide_whats_new_in_wagtail(request, menu_items):
    """construct_help_menu hook: the release notes on new Wagtail features are for staff, who run the site."""
    if not manages_forums(request.user):
        menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]


class StaffOnlyReportsMiddleware:
    """Refuses Wagtail's reports (page types usage, aging pages, site history…) to all but staff.

    Wagtail opens them to anyone who may add or edit any page, and some list pages from the whole site
    under their draft titles. There is no hook around the report views, so the refusal is made here.
    """

    REPORTS_NAMESPACE = "wagtailadmin_reports"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Someone not signed in is left to the admin, which sends them to the sign-in page.
        if (
            self.REPORTS_NAMESPACE in request.resolver_match.namespaces
            and request.user.is_authenticated
            and not manages_forums(request.user)
        ):
            return permission_denied(request)
        return None


class ExternalLinkOnlyView(ExternalLinkView):
    """The external-link chooser as it is with WAGTAILADMIN_EXTERNAL_LINK_CONVERSION off: a URL stays a URL."""

    post = BaseLinkFormView.post


class ShownPagesOnlyChooserMiddleware:
    """Keeps the page chooser from showing a user who is not staff a page that its lists hide from them.

    construct_page_chooser_queryset (above) filters what the chooser lists, but its other views take a page
    from the URL and show its draft title: browsing into a page, confirming a choice of several, and turning
    a URL pasted as an external link into a link to the page at that URL. There are no hooks in those views,
    so the check is made here, with the same rule as the lists: pages_shown_as_published.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Someone not signed in is left to the admin, which sends them to the sign-in page.
        if not request.user.is_authenticated or manages_forums(request.user):
            return None
        url_name = request.resolver_match.url_name
        if url_name == "wagtailadmin_choose_page_child":
            self.check_shown(request.user, [view_kwargs["parent_page_id"]])
        elif url_name == "wagtailadmin_choose_page_chosen_multiple":
            self.check_shown(request.user, request.GET.getlist("id"))
        elif url_name == "wagtailadmin_choose_page_external_link" and request.method == "POST":
            response = view_func(request, *view_args, **view_kwargs)
            page_id = self.offered_page_id(response)
            if page_id is not None and not pages_shown_as_published(request.user).filter(pk=page_id).exists():
                return ExternalLinkOnlyView.as_view()(request)
            return response
        return None

    def check_shown(self, user, page_ids):
        page_ids = {str(page_id) for page_id in page_ids}
        if not all(page_id.isdigit() for page_id in page_ids):
            raise Http404
        if pages_shown_as_published(user).filter(pk__in=page_ids).count() < len(page_ids):
            raise Http404

    def offered_page_id(self, response):
        """The page a URL was matched to, which the external-link chooser offers to link to instead."""
        if response["Content-Type"] != "application/json":
            return None
        chooser_step = json.loads(response.content)
        # Linked at once ("result") when the URL is the page's own, else offered for the user to confirm.
        return (chooser_step.get("internal") or chooser_step.get("result") or {}).get("id")


class TranslationRightsMiddleware:
    """Lets a user translate a page only if they may edit it, and only into a place where they may add pages.

    wagtail-localize asks only for its site-wide `submit_translation` permission before it submits a page for
    translation or updates (and may publish) a page's translations, and its translations report lists every
    translation on the site. The translation editor and its actions ask for the right to edit the translated
    page, so they need nothing more. There are no hooks in those views, so the checks are made here.
    """

    NAMESPACE = "wagtail_localize"
    # Snippets are the whole site's, like the report.
    STAFF_ONLY = {"submit_snippet_translation", "translations_report", "translations_report_results"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Someone not signed in is left to the admin, which sends them to the sign-in page.
        if self.NAMESPACE not in request.resolver_match.namespaces or not request.user.is_authenticated:
            return None
        url_name = request.resolver_match.url_name
        if url_name == "submit_page_translation":
            locale_ids = request.POST.getlist("locales") if request.method == "POST" else []
            allowed = may_submit_translation(request.user, view_kwargs["page_id"], locale_ids)
        elif url_name == "update_translations":
            publish = request.method == "POST" and bool(request.POST.get("publish_translations"))
            allowed = may_update_translations(request.user, view_kwargs["translation_source_id"], publish)
        elif url_name in self.STAFF_ONLY:
            allowed = manages_forums(request.user)
        else:
            return None
        return None if allowed else permission_denied(request)


def may_submit_translation(user, page_id, locale_ids):
    """Whether `user` may translate the page into the locales: they may edit it, and in each locale they may
    add the page where wagtail-localize puts it (or edit the alias of it that the translation replaces)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return True  # The view answers 404.
    if not page.permissions_for_user(user).can_edit():
        return False
    lineage = list(page.get_ancestors(inclusive=True))  # The root first.
    lineage_keys = [each.translation_key for each in lineage]
    for locale_id in locale_ids:
        if not str(locale_id).isdigit():
            continue  # The form refuses it.
        in_locale = Page.objects.filter(translation_key__in=lineage_keys, locale_id=locale_id)
        existing = {translated.translation_key: translated for translated in in_locale}
        # wagtail-localize puts the translation under the nearest ancestor already in the locale (the root is in
        # every locale), making aliases of the ancestors in between; an alias of the page itself it replaces.
        nearest = next(
            (existing[each.translation_key] for each in reversed(lineage[1:]) if each.translation_key in existing),
            lineage[0],
        )
        permissions = nearest.permissions_for_user(user)
        replaces_alias = nearest.translation_key == page.translation_key
        if not (permissions.can_edit() if replaces_alias else permissions.can_add_subpage()):
            return False
    return True


def may_update_translations(user, source_id, publish):
    """Whether `user` may bring a page's translations up to date (and publish them): they may edit the page and
    each translation (and publish each)."""
    source = TranslationSource.objects.filter(pk=source_id).select_related("specific_content_type").first()
    if source is None:
        return True  # The view answers 404.
    if not issubclass(source.specific_content_type.model_class(), Page):
        return manages_forums(user)
    pages = Page.objects.filter(translation_key=source.object_id)
    original = pages.filter(locale=source.locale).first()
    translations = pages.filter(locale__in=source.translations.filter(enabled=True).values("target_locale"))
    if original is None or not original.permissions_for_user(user).can_edit():
        return False
    for translation in translations:
        permissions = translation.permissions_for_user(user)
        if not permissions.can_edit() or (publish and not permissions.can_publish()):
            return False
    return True
