# ruff: noqa: F811  (the fixtures imported below are used as test arguments)
"""Publishing is refused while a page holds placeholder text, an image without alt text, a link visitors cannot
open or an empty required section; saving a draft is always allowed."""

from http import HTTPStatus

from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from forums.access import grant
from forums.models import ForumPage
from institute.content_checks.publishing import placeholder_regex
from institute.models import InstituteSettings, StandardPage
from tests.factories import ImageFactory, StandardPageFactory
from tests.forums.conftest import forum_index, scotland, staff_editor  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "publish"}


def placeholder_message(text):
    return f"Remove the placeholder text “{text}” before publishing."


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Findings", slug="findings", intro="What we found.")


def edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def standard_form(intro="What we found.", body=None, **changes):
    body = body or [paragraph("<p>Output per hour rose.</p>")]
    fields = {"title": "Findings", "slug": "findings", "intro": intro, "body": streamfield(body)}
    return nested_form_data({**fields, **changes})


def errors(response, field):
    """The messages shown on `field`: a StreamField's are above its blocks."""
    messages = []
    for error in response.context["form"].errors[field].as_data():
        shown = error.non_block_errors.as_data() if hasattr(error, "non_block_errors") else [error]
        messages += [message for each in shown for message in each.messages]
    return messages


def paragraph(html):
    return ("rich_text", rich_text(html))


def forum_form(forum, **changes):
    fields = {
        "title": forum.title,
        "slug": forum.slug,
        "region": forum.region,
        "partner_university": forum.partner_university_id or "",
        "summary": forum.summary,
        "intro": forum.intro,
        "hero_image": forum.hero_image_id or "",
        "hero_image_alt": forum.hero_image_alt,
        "chair": forum.chair_id or "",
        "lead": forum.lead_id or "",
        "contact_email": "",
        "members": inline_formset([]),
        "get_involved": rich_text(""),
        "body": streamfield([]),
    }
    return nested_form_data({**fields, **changes})


class TestPlaceholders:
    def test_publishing_is_refused_with_the_text_named_next_to_the_field(self, client, staff_editor, page):
        client.force_login(staff_editor)
        revisions = page.revisions.count()

        response = edit(client, page, standard_form(intro="Launch date TBC.", **PUBLISH))

        assert response.status_code == HTTPStatus.OK
        assert errors(response, "intro") == [placeholder_message("TBC")]
        assert placeholder_message("TBC") in response.content.decode()
        assert StandardPage.objects.get(pk=page.pk).intro == "What we found."
        assert page.revisions.count() == revisions

    def test_the_same_page_saves_as_a_draft(self, client, staff_editor, page):
        client.force_login(staff_editor)

        response = edit(client, page, standard_form(intro="Launch date TBC."))

        assert response.status_code == HTTPStatus.FOUND
        page = StandardPage.objects.get(pk=page.pk)
        assert page.get_latest_revision_as_object().intro == "Launch date TBC."
        assert page.intro == "What we found."

    def test_rich_text_and_nested_blocks_are_read(self, client, staff_editor, page):
        client.force_login(staff_editor)
        faq = (
            "accordion",
            {
                "title": "Questions",
                "items": streamfield([("item", {"question": "When?", "answer": rich_text("<p>TODO</p>")})]),
            },
        )
        quote = ("quote", {"text": "Productivity matters.", "attribution": "[Insert name here]", "role": ""})
        body = [paragraph("<p>Lorem <b>ipsum</b> dolor.</p>"), faq, quote]

        response = edit(client, page, standard_form(body=body, **PUBLISH))

        assert response.status_code == HTTPStatus.OK
        assert errors(response, "body") == [
            placeholder_message("Lorem ipsum"),
            placeholder_message("TODO"),
            placeholder_message("[Insert name here]"),
        ]
        assert edit(client, page, standard_form(body=body)).status_code == HTTPStatus.FOUND

    def test_staff_edit_the_patterns(self, client, staff_editor, page):
        settings = InstituteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.placeholder_patterns = "lorem ipsum\nto be written"
        settings.save()
        client.force_login(staff_editor)

        refused = edit(client, page, standard_form(intro="This section is to be  written.", **PUBLISH))
        published = edit(client, page, standard_form(intro="Launch date TBC.", **PUBLISH))

        assert errors(refused, "intro") == [placeholder_message("to be  written")]
        assert published.status_code == HTTPStatus.FOUND
        assert StandardPage.objects.get(pk=page.pk).intro == "Launch date TBC."

    def test_a_forum_lead_is_refused_too(self, client, scotland):
        client.force_login(scotland.lead.user)

        response = edit(client, scotland, forum_form(scotland, summary="Meetings XXX", **PUBLISH))

        assert errors(response, "summary") == [placeholder_message("XXX")]
        assert ForumPage.objects.get(pk=scotland.pk).summary != "Meetings XXX"


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("[insert*]", "Chaired by [insert name here].", "[insert name here]"),
        ("[insert*]", "Chaired by [INSERT].", "[INSERT]"),
        ("TBC", "Venue: tbc", "tbc"),
        ("TBC", "TBCX and obtbc", None),
        ("lorem ipsum", "Lorem\nipsum", "Lorem\nipsum"),
        ("XXX", "a.b (x+y) XXXL", None),
        ("*", "anything at all", None),
    ],
)
def test_patterns_match_whole_words_in_any_case_with_a_star_for_any_words(pattern, text, found):
    expression = placeholder_regex(pattern)
    match = expression and expression.search(text)

    assert (match.group() if match else None) == found


def test_an_image_without_alt_text_is_refused_unless_this_page_describes_it(client, superuser, scotland):
    undescribed = ImageFactory(title="Harbour", description="")
    client.force_login(superuser)

    refused = edit(client, scotland, forum_form(scotland, hero_image=undescribed.pk, **PUBLISH))
    draft = edit(client, scotland, forum_form(scotland, hero_image=undescribed.pk))
    published = edit(
        client, scotland, forum_form(scotland, hero_image=undescribed.pk, hero_image_alt="Leith harbour", **PUBLISH)
    )

    assert refused.status_code == HTTPStatus.OK
    assert errors(refused, "hero_image") == [
        "The image “Harbour” has no alt text: describe it here or in the image library, "
        "or mark it decorative where it adds nothing to the text."
    ]
    assert draft.status_code == HTTPStatus.FOUND
    assert published.status_code == HTTPStatus.FOUND
    assert ForumPage.objects.get(pk=scotland.pk).hero_image == undescribed


class TestLinks:
    def link_to(self, target_id, text="our findings"):
        return paragraph(f'<p>Read <a linktype="page" id="{target_id}">{text}</a>.</p>')

    def test_a_link_to_a_draft_is_refused(self, client, staff_editor, home_page, page):
        draft = StandardPageFactory(parent=home_page, title="Next steps", slug="next", live=False)
        client.force_login(staff_editor)

        response = edit(client, page, standard_form(body=[self.link_to(draft.pk)], **PUBLISH))

        assert errors(response, "body") == [
            "The link “our findings” goes to “Next steps”, which is not published: publish it first or remove the link."
        ]
        assert edit(client, page, standard_form(body=[self.link_to(draft.pk)])).status_code == HTTPStatus.FOUND

    def test_a_link_to_a_deleted_page_is_refused(self, client, staff_editor, home_page, page):
        deleted = StandardPageFactory(parent=home_page, slug="old")
        deleted_id = deleted.pk
        deleted.delete()
        client.force_login(staff_editor)

        response = edit(client, page, standard_form(body=[self.link_to(deleted_id)], **PUBLISH))

        assert errors(response, "body") == [
            "The link “our findings” goes to a page that no longer exists: choose another page or remove the link."
        ]

    def test_a_link_to_a_page_under_a_private_one_is_refused(self, client, staff_editor, home_page, page):
        members = StandardPageFactory(parent=home_page, title="Members", slug="members")
        minutes = StandardPageFactory(parent=members, title="Minutes", slug="minutes")
        PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
        client.force_login(staff_editor)

        response = edit(client, page, standard_form(body=[self.link_to(minutes.pk, "the minutes")], **PUBLISH))

        assert errors(response, "body") == [
            "The link “the minutes” goes to “Minutes”, which is private: visitors cannot open it. "
            "Choose another page or remove the link."
        ]

    def test_a_link_to_a_live_public_page_publishes(self, client, staff_editor, home_page, page):
        other = StandardPageFactory(parent=home_page, slug="other")
        client.force_login(staff_editor)

        assert (
            edit(client, page, standard_form(body=[self.link_to(other.pk)], **PUBLISH)).status_code == HTTPStatus.FOUND
        )


class TestRequiredSections:
    def test_a_forum_without_a_chair_is_refused_publishing(self, client, staff_editor, scotland):
        client.force_login(staff_editor)

        refused = edit(client, scotland, forum_form(scotland, chair="", **PUBLISH))
        draft = edit(client, scotland, forum_form(scotland, chair=""))

        assert refused.status_code == HTTPStatus.OK
        assert "chair" in refused.context["form"].errors
        assert draft.status_code == HTTPStatus.FOUND
        assert ForumPage.objects.get(pk=scotland.pk).chair_id == scotland.chair_id

    def test_a_forum_editor_cannot_publish_a_forum_that_has_no_lead(self, client, django_user_model, scotland):
        """Only staff choose the lead, so the forum's other editors do not have the field: the form says it."""
        editor = django_user_model.objects.create_user("assistant", "assistant@example.com", "password")
        grant(scotland, editor)
        ForumPage.objects.filter(pk=scotland.pk).update(lead=None)
        client.force_login(editor)

        refused = edit(client, scotland, forum_form(scotland, summary="New summary", **PUBLISH))
        draft = edit(client, scotland, forum_form(scotland, summary="New summary"))

        assert refused.status_code == HTTPStatus.OK
        assert refused.context["form"].non_field_errors() == [
            "Forum lead: Required before this forum page is published."
        ]
        assert draft.status_code == HTTPStatus.FOUND
        assert ForumPage.objects.get(pk=scotland.pk).summary != "New summary"


class TestBulkPublishing:
    """Publishing selected pages from a listing skips their edit forms: the same checks refuse it."""

    def bulk_publish(self, client, *pages):
        query = "&".join(f"id={page.pk}" for page in pages)
        return client.post(f"/admin/bulk/wagtailcore/page/publish/?{query}&next=/admin/pages/", {})

    def draft_of(self, page, **changes):
        draft = page.specific
        for name, value in changes.items():
            setattr(draft, name, value)
        draft.save_revision()
        return draft

    def test_a_draft_with_placeholder_text_is_not_published(self, client, staff_editor, page):
        client.force_login(staff_editor)
        self.draft_of(page, intro="Findings TBC.")

        response = self.bulk_publish(client, page)

        assert response.status_code == HTTPStatus.FOUND
        page.refresh_from_db()
        assert page.intro == "What we found." and page.has_unpublished_changes
        shown = [str(message) for message in response.wsgi_request._messages]
        assert any("Nothing was published" in message and placeholder_message("TBC") in message for message in shown)

    def test_a_draft_without_problems_is_published(self, client, staff_editor, page):
        client.force_login(staff_editor)
        self.draft_of(page, intro="Output per hour rose by 2%.")

        response = self.bulk_publish(client, page)

        assert response.status_code == HTTPStatus.FOUND
        page.refresh_from_db()
        assert page.intro == "Output per hour rose by 2%." and not page.has_unpublished_changes
