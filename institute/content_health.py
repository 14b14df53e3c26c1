"""The "Content health" report: what needs an editor's attention on the live site, one row per finding.

Each source of findings is a function registered with the CONTENT_HEALTH_FINDINGS hook, taking
(request, pages) and returning a list of `Finding`s about those pages only. `pages` are the live pages
the user may edit: every page for staff, their forum's pages for a forum lead. The institute registers
the sources it knows (institute/wagtail_hooks.py); apps built on it add theirs (forums: roster roles,
events: venues and joining links), so the institute imports none of them. Each source reads the
database a fixed number of times, however many pages it covers: the report's cost does not grow
with the site.

Its URLs are registered by the institute (institute/wagtail_hooks.py), outside Wagtail's
`wagtailadmin_reports` namespace, which forums.admin_scope.StaffOnlyReportsMiddleware refuses to all but
staff: a forum lead may open this report, since it lists only their pages. Leads have no Reports menu,
so their dashboard panel links to it (templates/forums/admin/your_forums_panel.html).
"""

import datetime
from dataclasses import dataclass
from operator import attrgetter

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Count, OuterRef, Subquery
from django.db.models.functions import Cast
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

import django_filters

from institute.content_checks.warnings import STALE_AFTER
from institute.models import InstituteSettings
from institute.models.content_health import PageHealth

CONTENT_HEALTH_FINDINGS = "content_health_findings"

# Opening the report takes a right on some page, as Wagtail's own page reports do; what it lists is
# then limited to the pages the user may edit.
REPORT_PERMISSIONS = ["add", "change", "publish"]


class Kind(models.TextChoices):
    """What a finding is about, in the order the report lists them."""

    BROKEN_LINK = "broken-link", "Broken link"
    WARNING = "warning", "Warning"
    STALE_PAGE = "stale-page", "Stale page"
    MISSING_ROSTER_ROLE = "missing-roster-role", "Missing roster role"
    EVENT_WITHOUT_PLACE = "event-without-place", "Event without venue or joining link"
    ANNOUNCEMENT_ENDED = "announcement-ended", "Announcement ended"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    title: str  # what the finding is about: a page's title, or "Site settings"
    edit_url: str  # where to put it right; "" when the user may not
    detail: str
    date: datetime.date | None = None

    @classmethod
    def for_page(cls, page, kind, detail, date=None):
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return cls(kind, page.get_admin_display_title(), edit_url, detail, date)


def long_date(date):
    """e.g. "12 March 2025", the way the site writes dates."""
    return format_date(date, "j F Y")


def local_date(moment):
    return timezone.localdate(moment) if moment else None


def broken_links(request, pages):
    """One finding for each broken external link on each page. One query."""
    page_links = PageHealth.external_links.through.objects.filter(
        pagehealth__page__in=pages, externallink__is_broken=True
    ).select_related("pagehealth__page", "externallink")
    findings = []
    for page_link in page_links:
        link = page_link.externallink
        problem = f"HTTP {link.status_code}" if link.status_code else link.error
        detail = f"{link.url} ({problem})" if problem else link.url
        findings.append(
            Finding.for_page(page_link.pagehealth.page, Kind.BROKEN_LINK, detail, local_date(link.checked_at))
        )
    return findings


def page_warnings(request, pages):
    """The warnings the content checks recorded when each page was last published. One query."""
    return [
        Finding.for_page(health.page, Kind.WARNING, warning["message"], local_date(health.checked_at))
        for health in PageHealth.objects.filter(page__in=pages).select_related("page")
        for warning in health.warnings
    ]


def stale_pages(request, pages):
    """Pages not published for a year that other live pages still link to. One query (and the content type,
    which Django caches)."""
    page_type = ContentType.objects.get_for_model(Page)
    page_id = Cast(OuterRef("pk"), output_field=CharField())
    # The reference index keeps object ids as text.
    live_page_ids = Page.objects.live().annotate(id_text=Cast("pk", output_field=CharField())).values("id_text")
    links_from_other_live_pages = (
        ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=page_type, to_object_id=page_id, object_id__in=live_page_ids
        )
        .exclude(object_id=page_id)
        .order_by()
        .values("to_object_id")
        .annotate(pages=Count("object_id", distinct=True))
        .values("pages")
    )
    stale = (
        pages.filter(last_published_at__lt=timezone.now() - STALE_AFTER)
        .annotate(linked_from=Subquery(links_from_other_live_pages))
        .filter(linked_from__gt=0)
    )
    findings = []
    for page in stale:
        last_published = local_date(page.last_published_at)
        detail = (
            f"Not changed since {long_date(last_published)}; "
            f"linked from {page.linked_from} page{pluralize(page.linked_from)}"
        )
        findings.append(Finding.for_page(page, Kind.STALE_PAGE, detail, last_published))
    return findings


def ended_announcements(request, pages):
    """The announcement strip of a site whose home page the user may edit (staff's), still filled in after
    its last day: the strip no longer shows, but its text waits to mislead whoever sets the next dates.
    One query."""
    settings_ended = InstituteSettings.objects.filter(
        site__root_page__in=pages, announcement_last_day__lt=timezone.localdate()
    ).exclude(announcement_text="")
    may_edit = request.user.has_perm("institute.change_institutesettings")
    findings = []
    for site_settings in settings_ended:
        last_day = site_settings.announcement_last_day
        edit_url = (
            reverse("wagtailsettings:edit", args=["institute", "institutesettings", site_settings.site_id])
            if may_edit
            else ""
        )
        detail = f"Ended on {long_date(last_day)}: “{site_settings.announcement_text}”"
        findings.append(Finding(Kind.ANNOUNCEMENT_ENDED, "Site settings", edit_url, detail, last_day))
    return findings


class ContentHealthFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Kind", choices=Kind.choices, empty_label="All kinds")

    class Meta:
        # Only for django-filter's default queryset, which is never read: the report filters a list of
        # findings from several sources (filter_queryset).
        model = PageHealth
        fields = []

    def filter_queryset(self, findings):
        kind = self.form.cleaned_data.get("kind")
        return [finding for finding in findings if finding.kind == kind] if kind else findings


def finding_order(finding):
    return list(Kind).index(finding.kind), finding.title.lower(), finding.detail


class ContentHealthReportView(ReportView):
    page_title = "Content health"
    header_icon = "warning"
    index_url_name = "content_health_report"
    index_results_url_name = "content_health_report_results"
    filterset_class = ContentHealthFilterSet
    any_permission_required = REPORT_PERMISSIONS
    columns = [
        TitleColumn("title", label="Page", get_url=attrgetter("edit_url")),
        Column("kind", label="Kind", accessor="kind.label"),
        Column("detail", label="Detail"),
        Column("date", label="Date", accessor=lambda finding: finding.date and long_date(finding.date)),
    ]
    list_export = ["title", "kind.label", "detail", "date"]
    export_headings = {"title": "Page", "kind.label": "Kind", "detail": "Detail", "date": "Date"}
    export_filename = "content-health"

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(self.request.user, "change").live()
        findings = [
            finding
            for findings_about in hooks.get_hooks(CONTENT_HEALTH_FINDINGS)
            for finding in findings_about(self.request, pages)
        ]
        return sorted(findings, key=finding_order)


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(request.user, REPORT_PERMISSIONS)
