"""The "Content health" report in the admin: what needs putting right, for staff across the site and for a
forum lead on their forum's pages only."""

# ruff: noqa: F811  (the fixtures imported from tests/forums/conftest.py are arguments of the tests)
import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.utils import timezone

from wagtail.models import Page, ReferenceIndex

import pytest

from events.choices import EventFormat
from events.models import EventPage
from forums.models import ForumPage
from institute.models import InstituteSettings
from institute.models.content_health import ExternalLink, PageHealth
from tests.factories import EventPageFactory, StandardPageFactory
from tests.forums.conftest import forum_index, scotland, staff_editor, wales  # noqa: F401  (shared fixtures)

REPORT_URL = "/admin/reports/content-health/"
TWO_YEARS_AGO = timezone.now() - datetime.timedelta(days=730)


def long_date(moment):
    return f"{moment.day} {moment:%B %Y}"


def add_broken_link(page, url, status_code=404):
    link = ExternalLink.objects.create(url=url, status_code=status_code, is_broken=True, checked_at=timezone.now())
    health, _ = PageHealth.objects.get_or_create(page=page)
    health.external_links.add(link)


def add_warning(page, message):
    health, _ = PageHealth.objects.get_or_create(page=page)
    health.warnings.append({"field": "body", "message": message})
    health.save()


def add_stale_page(parent, title):
    """A page last published two years ago, which a live page published since links to."""
    old = StandardPageFactory(parent=parent, title=title)
    Page.objects.filter(pk=old.pk).update(last_published_at=TWO_YEARS_AGO)
    linking = StandardPageFactory(
        parent=parent,
        title=f"More on {title}",
        body=[("rich_text", f'<p>See <a linktype="page" id="{old.pk}">our earlier work</a>.</p>')],
    )
    ReferenceIndex.create_or_update_for_object(linking)
    return old


def add_findings(forum, label):
    """One finding of each kind a forum can have, on pages titled after `label`."""
    add_broken_link(forum, f"https://{label.lower()}.example/gone")
    add_warning(StandardPageFactory(parent=forum, title=f"{label} news"), "Link text “click here” says nothing.")
    add_stale_page(forum, f"{label} archive")
    EventPageFactory(parent=forum, title=f"{label} meeting", event_format=EventFormat.IN_PERSON, venue_name="")


def set_announcement(site, text, last_day):
    settings = InstituteSettings.for_site(site)
    settings.announcement_text = text
    settings.announcement_last_day = last_day
    settings.save()


@pytest.fixture
def findings_in_scotland_and_wales(scotland, wales, site):
    add_findings(scotland, "Scotland")
    add_findings(wales, "Wales")
    ForumPage.objects.filter(pk=scotland.pk).update(partner_university=None)
    ForumPage.objects.filter(pk=wales.pk).update(chair=None)
    set_announcement(site, "National Productivity Week starts 27 November", last_day=datetime.date(2024, 11, 30))


def report_rows(soup, response):
    assert response.status_code == 200
    return [
        tuple(cell.get_text(" ", strip=True) for cell in row.find_all("td"))
        for row in soup(response).select("table tbody tr")
    ]


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_staff_see_every_kind_of_finding_across_the_site(
    client,
    soup,
    staff_editor,
    findings_in_scotland_and_wales,
    scotland,
    wales,
):
    client.force_login(staff_editor)

    rows = report_rows(soup, client.get(REPORT_URL))

    event_date = long_date(timezone.localdate(EventPage.objects.get(title="Wales meeting").starts_at))
    today = long_date(timezone.localdate())
    last_published = long_date(timezone.localdate(TWO_YEARS_AGO))
    assert rows == [
        (scotland.title, "Broken link", "https://scotland.example/gone (HTTP 404)", today),
        (wales.title, "Broken link", "https://wales.example/gone (HTTP 404)", today),
        ("Scotland news", "Warning", "Link text “click here” says nothing.", today),
        ("Wales news", "Warning", "Link text “click here” says nothing.", today),
        ("Scotland archive", "Stale page", f"Not changed since {last_published}; linked from 1 page", last_published),
        ("Wales archive", "Stale page", f"Not changed since {last_published}; linked from 1 page", last_published),
        (scotland.title, "Missing roster role", "No partner university", ""),
        (wales.title, "Missing roster role", "No chair", ""),
        ("Scotland meeting", "Event without venue or joining link", "No venue", event_date),
        ("Wales meeting", "Event without venue or joining link", "No venue", event_date),
        (
            "Site settings",
            "Announcement ended",
            "Ended on 30 November 2024: “National Productivity Week starts 27 November”",
            "30 November 2024",
        ),
    ]


def test_each_page_links_to_its_editor(client, soup, staff_editor, findings_in_scotland_and_wales):
    client.force_login(staff_editor)

    links = soup(client.get(REPORT_URL + "?kind=stale-page")).select("table tbody tr a")

    archive = Page.objects.get(title="Scotland archive")
    assert [link["href"] for link in links][0] == f"/admin/pages/{archive.pk}/edit/"


def test_a_forum_lead_sees_their_forums_findings_only(
    client,
    soup,
    findings_in_scotland_and_wales,
    scotland,
):
    client.force_login(scotland.lead.user)

    rows = report_rows(soup, client.get(REPORT_URL))

    assert [(page, kind) for page, kind, *_ in rows] == [
        (scotland.title, "Broken link"),
        ("Scotland news", "Warning"),
        ("Scotland archive", "Stale page"),
        (scotland.title, "Missing roster role"),
        ("Scotland meeting", "Event without venue or joining link"),
    ]


def test_a_forum_lead_finds_the_report_on_their_dashboard(client, soup, scotland):
    client.force_login(scotland.lead.user)

    links = soup(client.get("/admin/")).select(f'#your-forums-content a[href="{REPORT_URL}"]')

    assert [link.get_text() for link in links] == ["Content health"]


def test_staff_find_the_report_in_the_reports_menu(client, soup, staff_editor):
    client.force_login(staff_editor)

    sidebar_props = soup(client.get("/admin/")).select_one("#wagtail-sidebar-props").string

    assert f'"{REPORT_URL}"' in sidebar_props


def test_the_csv_export_holds_the_rows_of_the_report(
    client,
    soup,
    staff_editor,
    findings_in_scotland_and_wales,
):
    client.force_login(staff_editor)

    shown = report_rows(soup, client.get(REPORT_URL))
    exported = csv_rows(client.get(REPORT_URL + "?export=csv"))

    assert exported[0] == ["Page", "Kind", "Detail", "Date"]
    assert [row[:3] for row in exported[1:]] == [list(row[:3]) for row in shown]
    assert exported[-1][3] == "2024-11-30"


def test_a_forum_leads_export_is_scoped_too(client, findings_in_scotland_and_wales, scotland):
    client.force_login(scotland.lead.user)

    exported = csv_rows(client.get(REPORT_URL + "?export=csv"))

    assert {row[0] for row in exported[1:]} == {scotland.title, "Scotland news", "Scotland archive", "Scotland meeting"}


def test_the_report_filters_by_kind(client, soup, staff_editor, findings_in_scotland_and_wales):
    client.force_login(staff_editor)

    rows = report_rows(soup, client.get(REPORT_URL + "?kind=missing-roster-role"))
    exported = csv_rows(client.get(REPORT_URL + "?kind=broken-link&export=csv"))

    assert {kind for _, kind, *_ in rows} == {"Missing roster role"}
    assert len(rows) == 2
    assert {row[1] for row in exported[1:]} == {"Broken link"}
    assert len(exported) == 3
    # What the admin's filter form fetches when a filter changes.
    assert report_rows(soup, client.get(REPORT_URL + "results/?kind=missing-roster-role")) == rows


def test_settled_content_is_not_reported(client, soup, staff_editor, scotland, site):
    """A link that works, an event with its venue, a recent page, an announcement still showing."""
    link = ExternalLink.objects.create(url="https://example.org/", status_code=200, checked_at=timezone.now())
    PageHealth.objects.create(page=scotland).external_links.add(link)
    EventPageFactory(
        parent=scotland, event_format=EventFormat.HYBRID, venue_name="Bush House", online_url="https://x.example/"
    )
    linking = StandardPageFactory(
        parent=scotland, body=[("rich_text", f'<p><a linktype="page" id="{scotland.pk}">The forum</a></p>')]
    )
    ReferenceIndex.create_or_update_for_object(linking)
    set_announcement(site, "Still on", last_day=timezone.localdate())
    client.force_login(staff_editor)

    assert report_rows(soup, client.get(REPORT_URL)) == []


def add_pages_with_findings(forum, count):
    for number in range(count):
        page = StandardPageFactory(parent=forum, title=f"Page {number}")
        add_broken_link(page, f"https://example.org/{forum.slug}/{number}")
        add_warning(page, "A heading is skipped.")
        add_stale_page(forum, f"Old page {number}")
        EventPageFactory(parent=forum, title=f"Webinar {number}", event_format=EventFormat.ONLINE, online_url="")


# However many pages have findings: the session and user, the user's permissions, the report's six sources
# (one query each), and for the HTML page what the admin around the report reads (locales, menus…).
QUERIES = {
    ("staff", "?export=csv"): 12,
    ("staff", ""): 17,
    ("lead", "?export=csv"): 12,
    ("lead", ""): 18,
}


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("export", ["?export=csv", ""])
@pytest.mark.parametrize("who", ["staff", "lead"])
def test_the_query_count_does_not_grow_with_the_pages(
    client, django_assert_num_queries, staff_editor, scotland, who, export, count
):
    add_pages_with_findings(scotland, count)
    client.force_login(staff_editor if who == "staff" else scotland.lead.user)
    client.get(REPORT_URL + export)  # Django caches content types once read.

    with django_assert_num_queries(QUERIES[who, export]):
        response = client.get(REPORT_URL + export)
        rows = csv_rows(response) if export else None

    if export:
        assert len(rows) == 1 + 4 * count


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_admin_user_without_page_rights_is_refused(client, django_user_model, findings_in_scotland_and_wales):
    user = django_user_model.objects.create_user("reader", "reader@example.com", "password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
