"""What the page editor tells people before and after they save, registered in institute/wagtail_hooks.py.

- Who reviews: an editor who cannot publish and submits changes through a workflow is told, on opening the
  editor, which group approves them (and, when few, who is in it).
- Other people's drafts: publishing a page publishes its latest revision, so whoever opens a page with unpublished
  changes by someone else is warned, with a link to compare them with the live page, and after publishing is
  told whose changes went live with theirs.
- Autosaved new pages: an editor's "Publish" or "Save draft" that reaches the create view after autosave
  already made the page is handed to that page's edit view.
"""

from datetime import timedelta

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.timesince import timesince

from wagtail.admin.utils import get_user_display_name
from wagtail.models import GroupApprovalTask, Page

# Up to this many reviewers are named; a larger group is named by its name only.
REVIEWERS_NAMED = 5
# How long after autosave made a page a submission to the create view is taken as that page's: the browser moves
# the form to the edit view as soon as the autosave's answer arrives, so only a submission that crossed it (or
# whose answer was lost) lands here.
AUTOSAVE_HANDOVER = timedelta(minutes=15)


def is_full_page_request(request):
    """Autosave (JSON) and the editor's partial reloads render no messages: a message added then would wait
    and show on some later page."""
    return request.accepts("text/html") and not request.GET.get("_w_hydrate_create_view")


# Who reviews


def reviewers_notice(workflow):
    """ "Changes you submit are reviewed by Staff editors: Sam Staff." for the workflow's approval tasks."""
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
    groups = [group for task in tasks.prefetch_related("groups") for group in task.groups.all()]
    if not groups:
        return None
    group_names = get_text_list([group.name for group in groups], "and")
    reviewers = {user for group in groups for user in group.user_set.filter(is_active=True)}
    if 0 < len(reviewers) <= REVIEWERS_NAMED:
        names = get_text_list(sorted(get_user_display_name(user) for user in reviewers), "and")
        return f"Changes you submit are reviewed by {group_names}: {names}."
    return f"Changes you submit are reviewed by {group_names}."


def tell_who_reviews(request, page, can_publish):
    if request.method != "GET" or can_publish or not is_full_page_request(request):
        return
    workflow = page.get_workflow()
    notice = workflow and reviewers_notice(workflow)
    if notice:
        messages.info(request, notice)


def who_reviews_on_edit(request, page):
    tell_who_reviews(request, page, page.permissions_for_user(request.user).can_publish())


def who_reviews_on_create(request, parent_page, page_class):
    tell_who_reviews(request, parent_page, parent_page.permissions_for_user(request.user).can_publish_subpage())


# Other people's drafts


def unpublished_changes_by_others(page, user):
    """The revisions since the live one that others saved, newest first."""
    record = Page.objects.select_related("live_revision").get(pk=page.pk)
    if not record.has_unpublished_changes:
        return []
    revisions = record.revisions.exclude(user=user).exclude(user=None).select_related("user")
    if record.live_revision:
        revisions = revisions.filter(created_at__gt=record.live_revision.created_at)
    return list(revisions.order_by("-created_at"))


def authors(revisions):
    names = dict.fromkeys(get_user_display_name(revision.user) for revision in revisions)
    return get_text_list(list(names), "and")


def warn_of_others_changes(request, page):
    """Before editing: warn of others' unpublished changes (GET). On saving (POST), note them for the message
    after publishing, as by then the editor's own revision is the latest."""
    others = unpublished_changes_by_others(page, request.user)
    if request.method == "POST":
        request.unpublished_changes_by_others = others
    elif others and is_full_page_request(request):
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, "live" if page.live else "earliest", others[0].pk],
        )
        messages.warning(
            request,
            format_html(
                "This page has unpublished changes by {}, saved {} ago. Publishing now publishes them too. "
                '<a href="{}">Compare them with the live page</a>.',
                authors(others),
                timesince(others[0].created_at),
                compare_url,
            ),
        )


def say_whose_changes_went_live(request, page):
    others = getattr(request, "unpublished_changes_by_others", None)
    if others:
        messages.success(request, f"The unpublished changes by {authors(others)} were published too.")


# Autosaved new pages


def hand_autosaved_page_to_edit_view(request, parent_page, page_class):
    """Wagtail's autosave makes the page from the create form, then points the form at the edit view. A
    "Publish" sent before that answer arrived comes here and would fail on the slug autosave took ("The page
    could not be created due to validation errors"), while the draft exists. Send it on to the draft's edit
    view: a 307 makes the browser post the same form there, so nothing the editor typed is lost."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    autosaved = (
        page_class.objects.child_of(parent_page)
        .filter(
            slug=request.POST.get("slug", ""),
            owner=request.user,
            first_published_at__isnull=True,
            latest_revision__user=request.user,
            latest_revision__created_at__gte=timezone.now() - AUTOSAVE_HANDOVER,
        )
        .first()
    )
    if autosaved is None:
        return None
    messages.info(request, "Autosave had already created this page as a draft: you are now editing that draft.")
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[autosaved.pk]), status=307)
