"""Issue 13, items 2 and 8, through the real admin as each editor: only staff tag an event onto other forums,
and start and end times typed in UK order are saved as typed or refused with a clear error."""

from http import HTTPStatus

import pytest

from events.models import EventPage
from tests.events.conftest import uk
from tests.events.test_admin import event_form
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

DATE_ERROR = "Enter a date and time in UK order, such as “18/03/2027 10:00” or “18 March 2027 10am”."


@pytest.fixture
def scotland_event(scotland, event_index):
    return EventPageFactory(
        parent=scotland, title="Forum breakfast", slug="forum-breakfast", starts_at=uk(2027, 3, 18, 8)
    )


def with_forums(form_data, forums):
    return {**form_data, "forums": [forum.pk for forum in forums]}


def edit(client, event, forums=(), **changes):
    return client.post(f"/admin/pages/{event.pk}/edit/", with_forums(event_form(slug=event.slug, **changes), forums))


def forum_checkboxes(soup, response):
    return {int(box["value"]) for box in soup(response).select("input[name=forums]")}


def listed_in_wales(client, event):
    client.logout()
    listing = client.get("/events/?forum=wales")
    feed = client.get("/forums/wales/events.ics").content.decode()
    return event.pk in [e.pk for e in listing.context["events"]] or event.title in feed


# Item 2: tagging other forums is for staff.


def test_a_lead_is_not_offered_other_forums(client, soup, scotland, wales, scotland_event):
    client.force_login(scotland.lead.user)

    edit_form = client.get(f"/admin/pages/{scotland_event.pk}/edit/")
    add_form = client.get(f"/admin/pages/add/events/eventpage/{scotland.pk}/")

    assert edit_form.status_code == add_form.status_code == HTTPStatus.OK
    assert forum_checkboxes(soup, edit_form) == forum_checkboxes(soup, add_form) == set()
    assert "Wales" not in soup(edit_form).select_one("form").text


def test_a_leads_forged_forum_tag_is_ignored(client, scotland, wales, scotland_event):
    client.force_login(scotland.lead.user)

    response = edit(client, scotland_event, forums=[wales])

    assert response.status_code == HTTPStatus.FOUND
    scotland_event.refresh_from_db()
    assert list(scotland_event.forums.all()) == []
    assert not listed_in_wales(client, scotland_event)


def test_a_leads_new_event_with_a_forged_forum_tag_is_not_tagged(client, scotland, wales, event_index):
    client.force_login(scotland.lead.user)

    response = client.post(f"/admin/pages/add/events/eventpage/{scotland.pk}/", with_forums(event_form(), [wales]))

    assert response.status_code == HTTPStatus.FOUND
    event = EventPage.objects.get(slug="forum-breakfast")
    assert list(event.forums.all()) == []
    assert not listed_in_wales(client, event)


def test_staff_tag_other_forums_and_a_leads_edit_keeps_them(
    client, soup, scotland, wales, staff_editor, scotland_event
):
    client.force_login(staff_editor)

    assert forum_checkboxes(soup, client.get(f"/admin/pages/{scotland_event.pk}/edit/")) == {wales.pk}
    assert edit(client, scotland_event, forums=[wales]).status_code == HTTPStatus.FOUND
    assert listed_in_wales(client, scotland_event)

    client.force_login(scotland.lead.user)
    assert edit(client, scotland_event, summary="Now with coffee.").status_code == HTTPStatus.FOUND

    scotland_event.refresh_from_db()
    assert scotland_event.summary == "Now with coffee."
    assert list(scotland_event.forums.all()) == [wales]
    assert listed_in_wales(client, scotland_event)


def test_staff_are_not_offered_the_events_own_forum(client, soup, scotland, wales, staff_editor, scotland_event):
    client.force_login(staff_editor)

    add_form = client.get(f"/admin/pages/add/events/eventpage/{scotland.pk}/")
    forged = edit(client, scotland_event, forums=[scotland])

    assert forum_checkboxes(soup, add_form) == {wales.pk}
    assert forged.status_code == HTTPStatus.OK
    assert "forums" in forged.context["form"].errors
    assert list(EventPage.objects.get(pk=scotland_event.pk).forums.all()) == []


# Item 8: UK dates as typed.


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "expected_start", "expected_end"),
    [
        ("18/03/2027 10:00", "18/03/2027 12:30", uk(2027, 3, 18, 10), uk(2027, 3, 18, 12, 30)),
        ("18 March 2027 10am", "18 March 2027 12:30pm", uk(2027, 3, 18, 10), uk(2027, 3, 18, 12, 30)),
        ("15/07/2027 09:30", "15 Jul 2027 5pm", uk(2027, 7, 15, 9, 30), uk(2027, 7, 15, 17)),  # British Summer Time
    ],
)
def test_a_lead_saves_uk_dates_as_typed(
    client, scotland, scotland_event, starts_at, ends_at, expected_start, expected_end
):
    client.force_login(scotland.lead.user)

    response = edit(client, scotland_event, starts_at=starts_at, ends_at=ends_at)

    assert response.status_code == HTTPStatus.FOUND
    scotland_event.refresh_from_db()
    assert (scotland_event.starts_at, scotland_event.ends_at) == (expected_start, expected_end)


@pytest.mark.parametrize("typed", ["next Tuesday", "03/18/2027 10:00", "18/03/2027", "18 Marchember 2027 10am"])
def test_a_date_that_cannot_be_read_is_refused_with_a_clear_error(client, soup, scotland, scotland_event, typed):
    client.force_login(scotland.lead.user)
    revisions = scotland_event.revisions.count()

    response = edit(client, scotland_event, starts_at=typed)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["starts_at"] == [DATE_ERROR]
    assert DATE_ERROR in soup(response).text
    scotland_event.refresh_from_db()
    assert scotland_event.starts_at == uk(2027, 3, 18, 8)
    assert scotland_event.revisions.count() == revisions


def test_the_edit_form_shows_times_in_uk_order(client, soup, scotland, scotland_event):
    client.force_login(scotland.lead.user)

    page = soup(client.get(f"/admin/pages/{scotland_event.pk}/edit/"))

    assert page.select_one("input[name=starts_at]")["value"] == "18/03/2027 08:00"
