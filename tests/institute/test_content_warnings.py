"""Issue 15: warnings that do not block publishing, shown in the editor's checks panel and kept in PageHealth."""

import datetime
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from institute.access import STAFF_EDITORS
from institute.content_checks.warnings import page_warnings
from institute.models import ExternalLink, PageHealth, StandardPage
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SKIPPED_HEADING = "The heading “Method” is level 4 but follows a level 2 heading"
VAGUE_LINK = "The link text “Click here” does not say where the link goes"
FILE_NAME_ALT = "is its file name (“IMG_2041.jpg”)"
STALE = "This page has not changed since"


@pytest.fixture
def staff_editor(django_user_model):
    user = django_user_model.objects.create_user("staff", "staff@example.com", "password")
    user.groups.add(Group.objects.get(name=STAFF_EDITORS))
    return user


def heading(text, level):
    return ("heading", {"text": text, "level": level})


def image_block(image, alt_text=""):
    return ("image", {"image": image, "alt_text": alt_text, "decorative": False, "caption": ""})


def messages(page):
    return [warning["message"] for warning in page_warnings(page)]


def make_stale(page):
    StandardPage.objects.filter(pk=page.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=400))
    page.refresh_from_db()


def link_to(page, text="About the institute"):
    return ("rich_text", f'<p><a linktype="page" id="{page.pk}">{text}</a></p>')


class TestPageWarnings:
    def test_a_heading_level_skipped_in_blocks_or_rich_text(self, home_page):
        in_blocks = StandardPageFactory(parent=home_page, body=[heading("Findings", "h2"), heading("Method", "h4")])
        in_rich_text = StandardPageFactory(
            parent=home_page, body=[heading("Findings", "h2"), ("rich_text", "<h4>Method</h4><p>We asked.</p>")]
        )
        in_order = StandardPageFactory(
            parent=home_page,
            body=[heading("Findings", "h2"), heading("Method", "h3"), heading("Next", "h2"), heading("Plan", "h3")],
        )
        from_the_title = StandardPageFactory(parent=home_page, body=[heading("Method", "h3")])

        assert [warning["field"] for warning in page_warnings(in_blocks)] == ["body"]
        assert messages(in_blocks)[0].startswith(SKIPPED_HEADING)
        assert messages(in_rich_text)[0].startswith(SKIPPED_HEADING)
        assert page_warnings(in_order) == []
        assert messages(from_the_title)[0].startswith("The heading “Method” is level 3 but follows a level 1")

    def test_link_text_that_does_not_say_where_it_goes(self, home_page):
        page = StandardPageFactory(
            parent=home_page,
            body=[
                ("rich_text", '<p>Our report: <a href="https://example.org/report">Click here</a>.</p>'),
                (
                    "call_to_action",
                    {"title": "Join", "text": "", "link": {"text": "Read more…", "page": None, "url": "https://a.org"}},
                ),
                ("rich_text", '<p><a href="https://example.org/here">The 2024 productivity review</a></p>'),
            ],
        )

        assert messages(page) == [
            "The link text “Click here” does not say where the link goes: name the page, document or action instead.",
            "The link text “Read more…” does not say where the link goes: name the page, document or action instead.",
        ]

    def test_alt_text_that_repeats_the_file_name(self, home_page):
        photo = ImageFactory(file__filename="IMG_2041.jpg", description="IMG_2041.jpg")
        described = ImageFactory(file__filename="cranes.jpg", description="Cranes at Felixstowe at dusk")
        page = StandardPageFactory(
            parent=home_page,
            body=[
                image_block(photo),
                image_block(described, alt_text="cranes"),
                image_block(photo, alt_text="Our members at the Cardiff meeting"),
                image_block(described),
            ],
        )

        warnings = messages(page)
        assert len(warnings) == 2
        assert FILE_NAME_ALT in warnings[0]
        assert "is its file name (“cranes”)" in warnings[1]

    def test_a_page_unchanged_for_a_year_that_live_pages_link_to(self, home_page):
        stale = StandardPageFactory(parent=home_page, title="About")
        make_stale(stale)
        unlinked = StandardPageFactory(parent=home_page, title="History")
        make_stale(unlinked)
        linked_from_a_draft = StandardPageFactory(parent=home_page, title="Archive")
        make_stale(linked_from_a_draft)
        StandardPageFactory(parent=home_page, body=[link_to(stale)])
        StandardPageFactory(parent=home_page, body=[link_to(stale), link_to(stale, "About us")])
        StandardPageFactory(parent=home_page, live=False, body=[link_to(linked_from_a_draft)])

        assert messages(stale) == [
            f"{STALE} {timezone.localtime(stale.last_published_at):%-d %B %Y}, and 2 live pages link to it: "
            "check that it is still right."
        ]
        assert page_warnings(unlinked) == []
        assert page_warnings(linked_from_a_draft) == []

    def test_the_cost_does_not_grow_with_the_blocks(self, home_page, django_assert_num_queries):
        images = ImageFactory.create_batch(3)
        target = StandardPageFactory(parent=home_page)
        body = []
        for number in range(20):
            body += [
                heading(f"Section {number}", "h2"),
                ("rich_text", f'<p><a linktype="page" id="{target.pk}">Click here</a></p>'),
                image_block(images[number % 3]),
            ]
        small = StandardPageFactory(parent=home_page, body=body[:3])
        large = StandardPageFactory(parent=home_page, body=body)
        StandardPageFactory(parent=home_page, body=[link_to(small), link_to(large)])
        make_stale(small)
        make_stale(large)
        small, large = StandardPage.objects.get(pk=small.pk), StandardPage.objects.get(pk=large.pk)

        # The images in one query, the pages that link to it in another.
        with django_assert_num_queries(2):
            assert len(page_warnings(small)) == 2
        with django_assert_num_queries(2):
            assert len(page_warnings(large)) == 21


class TestInTheEditor:
    def test_the_checks_panel_lists_the_draft_s_warnings(self, client, soup, home_page, staff_editor):
        photo = ImageFactory(file__filename="IMG_2041.jpg", description="IMG_2041.jpg")
        page = StandardPageFactory(parent=home_page, title="About")
        StandardPageFactory(parent=home_page, body=[link_to(page)])
        make_stale(page)
        page.body = [
            heading("Findings", "h2"),
            heading("Method", "h4"),
            ("rich_text", '<p><a href="https://example.org/report">Click here</a></p>'),
            image_block(photo),
        ]
        page.save_revision()
        client.force_login(staff_editor)

        response = client.get(f"/admin/pages/{page.pk}/edit/")

        panel = soup(response).select_one("[data-content-warnings]").get_text(" ", strip=True)
        assert "Content checks 4" in panel
        for message in (SKIPPED_HEADING, VAGUE_LINK, FILE_NAME_ALT, STALE):
            assert message in panel

    def test_a_page_without_warnings_says_so(self, client, soup, home_page, staff_editor):
        page = StandardPageFactory(parent=home_page)
        client.force_login(staff_editor)

        edited = client.get(f"/admin/pages/{page.pk}/edit/")
        new = client.get(f"/admin/pages/add/institute/standardpage/{home_page.pk}/")

        for response in (edited, new):
            assert soup(response).select_one("[data-content-warnings]").get_text(" ", strip=True) == (
                "Content checks 0 No content warnings."
            )


def publish_form(body):
    return nested_form_data(
        {"title": "Findings", "slug": "findings", "intro": "", "body": streamfield(body), "action-publish": "publish"}
    )


WARNED_BODY = [
    heading("Findings", "h2"),
    heading("Method", "h4"),
    (
        "rich_text",
        rich_text(
            '<p><a href="https://example.org/report">Click here</a> or see '
            '<a href="https://www.ons.gov.uk/economy">the ONS figures</a> and '
            '<a href="http://localhost/about/">about us</a>.</p>'
        ),
    ),
]


class TestOnPublish:
    def test_warnings_do_not_stop_publishing_and_are_kept_with_the_external_links(
        self, client, home_page, staff_editor
    ):
        page = StandardPageFactory(parent=home_page, slug="findings")
        client.force_login(staff_editor)

        response = client.post(f"/admin/pages/{page.pk}/edit/", publish_form(WARNED_BODY))

        assert response.status_code == 302
        page.refresh_from_db()
        assert [block.block_type for block in page.body] == ["heading", "heading", "rich_text"]
        health = PageHealth.objects.get(page=page)
        assert [warning["field"] for warning in health.warnings] == ["body", "body"]
        assert health.warnings[0]["message"].startswith(SKIPPED_HEADING)
        assert health.warnings[1]["message"].startswith(VAGUE_LINK)
        assert sorted(health.external_links.values_list("url", flat=True)) == [
            "https://example.org/report",
            "https://www.ons.gov.uk/economy",
        ]

    def test_a_republished_page_drops_the_links_it_no_longer_holds(self, client, home_page, staff_editor):
        page = StandardPageFactory(parent=home_page, slug="findings")
        client.force_login(staff_editor)
        client.post(f"/admin/pages/{page.pk}/edit/", publish_form(WARNED_BODY))

        client.post(f"/admin/pages/{page.pk}/edit/", publish_form([("rich_text", rich_text("<p>No links.</p>"))]))

        assert PageHealth.objects.get(page=page).warnings == []
        assert not ExternalLink.objects.exists()

    def test_unpublishing_removes_the_page_s_health(self, client, home_page, staff_editor):
        page = StandardPageFactory(parent=home_page, slug="findings")
        client.force_login(staff_editor)
        client.post(f"/admin/pages/{page.pk}/edit/", publish_form(WARNED_BODY))
        assert PageHealth.objects.filter(page=page).exists()

        response = client.post(f"/admin/pages/{page.pk}/unpublish/")

        assert response.status_code == 302
        assert not StandardPage.objects.get(pk=page.pk).live
        assert not PageHealth.objects.filter(page=page).exists()
        assert not ExternalLink.objects.exists()


def test_the_command_recomputes_every_live_page_s_health(home_page):
    # Pages made in code are live without having been published, as on a site older than the checks.
    warned = StandardPageFactory(parent=home_page, body=WARNED_BODY[:2])
    healthy = StandardPageFactory(parent=home_page)
    draft = StandardPageFactory(parent=home_page, live=False)
    PageHealth.objects.create(page=draft, warnings=[{"field": "body", "message": "Old"}])
    output = StringIO()

    call_command("check_content", stdout=output)

    assert output.getvalue() == "Checked the content of 3 live pages.\n"
    assert PageHealth.objects.get(page=warned).warnings[0]["message"].startswith(SKIPPED_HEADING)
    assert PageHealth.objects.get(page=healthy).warnings == []
    assert PageHealth.objects.get(page=home_page).warnings == []
    assert not PageHealth.objects.filter(page=draft).exists()
