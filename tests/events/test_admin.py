"""Editing events through the real admin URLs: form errors, and who may add an event under a forum."""

import datetime
from http import HTTPStatus

from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from events.blocks import SessionBlock
from events.models import EventPage
from tests.events.conftest import uk
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "lead_scotland", "lead_wales", "staff", "superuser"]
ALLOWED_TO_ADD_UNDER_SCOTLAND = {"lead_scotland", "staff", "superuser"}


def event_form(**changes):
    fields = {
        "title": "Forum breakfast",
        "slug": "forum-breakfast",
        "summary": "A breakfast briefing for members.",
        "starts_at": "2026-07-01 08:00",
        "ends_at": "2026-07-01 09:30",
        "event_type": "forum-meeting",
        "event_format": "in-person",
        "venue_name": "Adam Smith Business School",
        "venue_address": "University Avenue\nGlasgow",
        "online_url": "",
        "registration_url": "",
        "registration_deadline": "",
        "hero_image_alt": "",
        "speakers": inline_formset([]),
        "body": streamfield([]),
        "programme": streamfield([]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def add_url(parent):
    return f"/admin/pages/add/events/eventpage/{parent.pk}/"


def test_an_editor_adds_an_event_in_uk_time(admin_client, client, event_index):
    response = admin_client.post(add_url(event_index), event_form(starts_at="2026-07-01 08:00"))

    assert response.status_code == HTTPStatus.FOUND
    event = EventPage.objects.get(slug="forum-breakfast")
    assert event.live
    assert event.starts_at == datetime.datetime(2026, 7, 1, 7, 0, tzinfo=datetime.UTC)  # 8am BST
    assert client.get("/events/forum-breakfast/").status_code == HTTPStatus.OK


def test_an_end_before_the_start_is_a_form_error(admin_client, soup, event_index):
    response = admin_client.post(add_url(event_index), event_form(ends_at="2026-07-01 07:59"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["ends_at"] == ["The event must end after it starts."]
    assert "The event must end after it starts." in soup(response).text
    assert not EventPage.objects.exists()


def test_an_end_before_the_start_is_refused_when_editing_too(admin_client, event_index):
    event = EventPageFactory(
        parent=event_index, title="Workshop", starts_at=uk(2026, 7, 1, 10), ends_at=uk(2026, 7, 1, 12)
    )
    data = event_form(title="Workshop", slug=event.slug, starts_at="2026-07-01 10:00", ends_at="2026-06-30 12:00")

    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", data)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["ends_at"] == ["The event must end after it starts."]
    assert EventPage.objects.get(pk=event.pk).ends_at == uk(2026, 7, 1, 12)


def test_a_draft_cannot_end_before_it_starts_either(admin_client, event_index):
    data = event_form(ends_at="2026-06-01 09:00")
    del data["action-publish"]

    response = admin_client.post(add_url(event_index), data)

    assert response.context["form"].errors["ends_at"] == ["The event must end after it starts."]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"registration_url": "https://tickets.example/b", "registration_deadline": "2026-07-01 10:00"},
            "registration_deadline",
            "Registration must close before the event ends.",
        ),
        ({"slug": "calendar"}, "slug", "“calendar” is part of the events calendar's address: choose another slug."),
        ({"starts_at": ""}, "starts_at", "This field is required."),
    ],
)
def test_other_form_errors(admin_client, event_index, changes, field, message):
    response = admin_client.post(add_url(event_index), event_form(**changes))

    assert response.context["form"].errors[field] == [message]
    assert not EventPage.objects.exists()


def test_a_session_must_end_after_it_starts():
    block = SessionBlock()
    value = block.to_python(
        {"start_time": "10:00", "end_time": "09:00", "title": "Panel", "speakers": [], "description": ""}
    )

    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)

    assert list(error.value.block_errors) == ["end_time"]


def test_a_forum_lead_adds_an_event_under_their_forum(client, scotland, event_index, now):
    client.force_login(scotland.lead.user)

    response = client.post(add_url(scotland), event_form())

    assert response.status_code == HTTPStatus.FOUND
    event = EventPage.objects.child_of(scotland).get(slug="forum-breakfast")
    assert event.live and event.forum == scotland
    client.logout()
    assert client.get("/forums/scotland/forum-breakfast/").status_code == HTTPStatus.OK
    listing = (
        client.get("/events/?forum=scotland&when=past") if event.is_past else client.get("/events/?forum=scotland")
    )
    assert [e.pk for e in listing.context["events"]] == [event.pk]


def test_the_add_page_under_a_forum_offers_events(client, soup, scotland):
    client.force_login(scotland.lead.user)

    page = soup(client.get(f"/admin/pages/{scotland.pk}/add_subpage/", follow=True))

    assert f"/admin/pages/add/events/eventpage/{scotland.pk}/" in [a.get("href") for a in page.select("a")]


@pytest.fixture
def users(scotland, wales, staff_editor, superuser):
    return {
        "lead_scotland": scotland.lead.user,
        "lead_wales": wales.lead.user,
        "staff": staff_editor,
        "superuser": superuser,
    }


@pytest.mark.parametrize("actor", ACTORS)
def test_permission_matrix_add_an_event_under_scotland(client, scotland, users, actor):
    if actor != "anonymous":
        client.force_login(users[actor])

    response = client.post(add_url(scotland), event_form())
    saved = EventPage.objects.filter(slug="forum-breakfast").exists()

    if actor in ALLOWED_TO_ADD_UNDER_SCOTLAND:
        assert (response.status_code, saved) == (HTTPStatus.FOUND, True), response.content.decode()[:2000]
        assert EventPage.objects.get(slug="forum-breakfast").get_parent().pk == scotland.pk
    else:
        location = response.get("Location", "")
        if actor == "anonymous":
            assert response.status_code == HTTPStatus.FOUND and location.startswith("/admin/login/")
        else:
            assert (response.status_code, location) == (HTTPStatus.FOUND, "/admin/")
        assert not saved


@pytest.mark.parametrize("existing", [False, True])
def test_an_event_previews_in_the_admin_with_its_forums_and_themes(admin_client, event_index, existing):
    from tests.factories import (
        ForumIndexPageFactory,
        ForumPageFactory,
        ResearchIndexPageFactory,
        ResearchThemePageFactory,
    )

    forum = ForumPageFactory(parent=ForumIndexPageFactory(parent=event_index.get_parent()), region="Wales")
    theme = ResearchThemePageFactory(parent=ResearchIndexPageFactory(parent=event_index.get_parent()), title="Skills")
    url = add_url(event_index) + "preview/"
    if existing:
        url = f"/admin/pages/{EventPageFactory(parent=event_index).pk}/edit/preview/"
    data = event_form(is_all_day="on")
    data.update(forums=[forum.pk], themes=[theme.pk])

    preview = admin_client.post(url, data).json()
    assert preview["is_valid"], preview
    response = admin_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "Wales" in response.content.decode() and "Skills" in response.content.decode()


def test_an_all_day_event_covers_whole_uk_days(admin_client, event_index):
    data = event_form(is_all_day="on", starts_at="2026-12-01 00:00", ends_at="2026-12-03 00:00")

    admin_client.post(add_url(event_index), data)

    event = EventPage.objects.get(slug="forum-breakfast")
    assert event.days == (datetime.date(2026, 12, 1), datetime.date(2026, 12, 3))
    assert event.when_text == "Tuesday 1 to Thursday 3 December 2026"
