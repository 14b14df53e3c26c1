"""Issue 13: a forum lead's admin shows other forums only as the public sees them, and offers only what a lead uses."""

import json
from http import HTTPStatus

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


DRAFT_ONLY_TITLE = "Confidential Welsh skills plan"
DRAFT_RENAME = "Renamed Welsh Forum embargoed"


@pytest.fixture
def wales_new_page(wales):
    """A Wales page never published."""
    return StandardPageFactory(parent=wales, slug="skills-plan", title=DRAFT_ONLY_TITLE, live=False)


@pytest.fixture
def wales_drafts(wales, wales_new_page):
    """A Wales page never published, and a title change to the Wales forum saved as a draft."""
    wales.title = DRAFT_RENAME
    wales.save_revision()
    return wales


@pytest.fixture
def wales_events(wales_drafts):
    """A published Wales page, whose parent has the title change waiting."""
    return StandardPageFactory(parent=wales_drafts, slug="events", title="Welsh events")


def chooser_html(response):
    """The chooser answers with a modal workflow: its HTML is inside JSON."""
    assert response.status_code == HTTPStatus.OK
    return response.json()["html"]


def browse_forum_index(client, forum_index):
    return chooser_html(client.get(f"/admin/choose-page/{forum_index.pk}/"))


def browse_wales(client, wales):
    return chooser_html(client.get(f"/admin/choose-page/{wales.pk}/"))


def search_chooser(client, query):
    response = client.get("/admin/choose-page/search/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_a_lead_browsing_the_chooser_sees_no_unpublished_title_of_another_forum(
    client, forum_index, scotland, wales_drafts
):
    client.force_login(scotland.lead.user)

    forums = browse_forum_index(client, forum_index)

    assert "Scotland Productivity Forum" in forums
    assert DRAFT_RENAME not in forums


def test_a_lead_browsing_the_chooser_sees_no_unpublished_page_of_another_forum(client, scotland, wales, wales_new_page):
    client.force_login(scotland.lead.user)

    assert DRAFT_ONLY_TITLE not in browse_wales(client, wales)


@pytest.mark.parametrize("page", ["wales_new_page", "wales_drafts", "wales_events"])
def test_a_lead_cannot_browse_into_a_page_with_a_draft_title_of_another_forum(client, request, scotland, page):
    # The chooser shows the page browsed into at the top, under breadcrumbs of its ancestors.
    page = request.getfixturevalue(page)
    client.force_login(scotland.lead.user)

    response = client.get(f"/admin/choose-page/{page.pk}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert DRAFT_ONLY_TITLE not in response.content.decode()
    assert DRAFT_RENAME not in response.content.decode()


def test_a_lead_searching_the_chooser_sees_no_draft_title_of_a_parent(client, scotland, wales_events):
    client.force_login(scotland.lead.user)

    assert DRAFT_RENAME not in search_chooser(client, "Welsh events")


def chosen_titles(client, *pages):
    """What the chooser answers when several pages are chosen: {page id: title shown}, or the status refusing."""
    response = client.get("/admin/choose-page/chosen-multiple/", [("id", page.pk) for page in pages])
    if response.status_code != HTTPStatus.OK:
        return response.status_code
    return {page["id"]: page["adminTitle"] for page in response.json()["result"]}


def test_a_lead_choosing_several_pages_is_refused_another_forums_drafts(client, scotland, wales_drafts, wales_new_page):
    client.force_login(scotland.lead.user)

    assert chosen_titles(client, scotland) == {scotland.pk: "Scotland Productivity Forum"}
    assert chosen_titles(client, scotland, wales_new_page) == HTTPStatus.NOT_FOUND
    assert chosen_titles(client, wales_drafts) == HTTPStatus.NOT_FOUND


def test_a_lead_choosing_pages_by_ids_that_are_not_numbers_gets_not_found(client, scotland):
    client.force_login(scotland.lead.user)

    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [scotland.pk, "1x"]})

    assert response.status_code == HTTPStatus.NOT_FOUND


def link_to(client, page):
    """What the external-link chooser makes of the page's URL pasted into it."""
    response = client.post(
        "/admin/choose-external-link/",
        {"external-link-chooser-url": page.full_url, "external-link-chooser-link_text": ""},
    )
    assert response.status_code == HTTPStatus.OK
    return response.json()["result"]


def test_a_lead_pasting_the_url_of_another_forum_with_a_draft_title_gets_an_external_link(
    client, scotland, wales_drafts
):
    client.force_login(scotland.lead.user)

    assert link_to(client, wales_drafts) == {
        "url": wales_drafts.full_url,
        "title": wales_drafts.full_url,
        "prefer_this_title_as_link_text": False,
    }
    # Their own forum's URL still becomes a link to the page.
    assert link_to(client, scotland)["adminTitle"] == "Scotland Productivity Forum"


def test_a_lead_searching_the_admin_pages_finds_no_drafts_of_other_forums(client, scotland, wales_drafts):
    client.force_login(scotland.lead.user)

    for query in ["Confidential", "Renamed"]:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == HTTPStatus.OK
        assert DRAFT_ONLY_TITLE not in response.content.decode()
        assert DRAFT_RENAME not in response.content.decode()


def test_a_lead_searching_the_chooser_finds_no_drafts_of_other_forums(client, scotland, wales_drafts):
    client.force_login(scotland.lead.user)

    assert DRAFT_ONLY_TITLE not in search_chooser(client, "Confidential")
    assert "Scotland Productivity Forum" in search_chooser(client, "Scotland")


def test_a_lead_still_sees_their_own_drafts_in_the_chooser(client, scotland):
    StandardPageFactory(parent=scotland, slug="plans", title="Scottish plans in progress", live=False)
    client.force_login(scotland.lead.user)

    assert "Scottish plans in progress" in browse_wales(client, scotland)
    assert "Scottish plans in progress" in search_chooser(client, "Scottish")


def test_staff_see_every_draft_in_the_chooser(
    client, forum_index, staff_editor, wales_drafts, wales_new_page, wales_events
):
    client.force_login(staff_editor)

    assert DRAFT_RENAME in browse_forum_index(client, forum_index)
    assert DRAFT_ONLY_TITLE in browse_wales(client, wales_drafts)
    assert DRAFT_ONLY_TITLE in chooser_html(client.get(f"/admin/choose-page/{wales_new_page.pk}/"))
    assert DRAFT_RENAME in chooser_html(client.get(f"/admin/choose-page/{wales_events.pk}/"))
    assert DRAFT_ONLY_TITLE in search_chooser(client, "Confidential")
    assert DRAFT_RENAME in search_chooser(client, "Welsh events")
    assert chosen_titles(client, wales_new_page) == {wales_new_page.pk: DRAFT_ONLY_TITLE}
    assert link_to(client, wales_drafts)["adminTitle"] == DRAFT_RENAME


REPORTS = [
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow/",
    "/admin/reports/site-history/",
]


@pytest.mark.parametrize("url", REPORTS)
def test_a_lead_is_refused_the_reports(client, scotland, wales_drafts, url):
    client.force_login(scotland.lead.user)

    response = client.get(url)

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/admin/")


def test_staff_open_the_page_types_report(client, staff_editor, wales_drafts):
    client.force_login(staff_editor)

    response = client.get("/admin/reports/page-types-usage/")

    assert response.status_code == HTTPStatus.OK


def unpacked(value):
    """The sidebar's props are packed by telepath, which wraps a value it may refer to again in {"_val": …}."""
    return value["_val"] if isinstance(value, dict) and "_val" in value else value


def sidebar_menu(client, soup):
    """The admin's main menu as its sidebar receives it: {item name: (label, [names of its submenu items])}."""
    page = soup(client.get("/admin/"))
    props = json.loads(page.select_one("#wagtail-sidebar-props").string)
    main_menu = next(module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule")
    menu = {}
    for item in main_menu["_args"][0]:
        details = item["_args"][0]
        submenu = item["_args"][1] if item["_type"] == "wagtail.sidebar.SubMenuItem" else []
        submenu_names = [unpacked(child["_args"][0]["name"]) for child in submenu]
        menu[unpacked(details["name"])] = (unpacked(details["label"]), submenu_names)
    return menu


def test_a_lead_is_not_offered_reports(client, soup, scotland):
    client.force_login(scotland.lead.user)

    assert "reports" not in sidebar_menu(client, soup)


def test_a_lead_is_offered_people_once(client, soup, scotland):
    client.force_login(scotland.lead.user)

    # One "People" item: not a "People" submenu holding only "People", as institutions are not theirs to edit.
    assert sidebar_menu(client, soup)["people"] == ("People", [])


def test_a_lead_is_not_offered_whats_new_in_wagtail(client, soup, scotland):
    client.force_login(scotland.lead.user)

    help_menu = sidebar_menu(client, soup)["help"][1]

    assert "editor-guide" in help_menu
    assert not any(name.startswith("whats-new-in-wagtail") for name in help_menu)


def test_staff_keep_reports_and_the_people_submenu(client, soup, staff_editor):
    client.force_login(staff_editor)

    menu = sidebar_menu(client, soup)

    assert "page-types-usage" in menu["reports"][1]
    assert menu["people"] == ("People", ["people", "institutions"])
    assert any(name.startswith("whats-new-in-wagtail") for name in menu["help"][1])


def test_the_forum_access_list_says_yes_or_no(client, soup, staff_editor, scotland, wales):
    wales.access.changes_need_approval = True
    wales.access.save()
    client.force_login(staff_editor)

    table = soup(client.get("/admin/forumaccess/")).select_one("table")

    assert table.select("th")[-1].text.strip() == "Changes need approval"
    cells = {row.select_one("td a").text.strip(): row.select("td")[-1].text.strip() for row in table.select("tbody tr")}
    assert cells == {"Scotland Productivity Forum": "no", "Wales Productivity Forum": "yes"}
