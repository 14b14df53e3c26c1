from http import HTTPStatus

from wagtail import hooks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from forums.models import FORUM_PAGE_SECTIONS, ForumIndexPage, ForumPage
from institute.models import StandardPage
from institute.sections import Section
from tests.factories import (
    ForumMemberFactory,
    ForumPageFactory,
    ImageFactory,
    InstitutionFactory,
    PersonFactory,
    PersonLinkFactory,
)
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

FORUM_INDEX_QUERIES = 9
FORUM_PAGE_QUERIES = 18


def roster(card):
    return [(row.dt.text, row.dd.text) for row in card.select(".roster__row")]


def test_forum_index_shows_every_forum_as_a_card_and_on_the_map(client, soup, forum_index):
    glasgow = InstitutionFactory(name="University of Glasgow")
    scotland = ForumPageFactory(
        parent=forum_index,
        slug="scotland",
        region="Scotland",
        map_shape="scotland",
        partner_university=glasgow,
        chair=PersonFactory(name="Morag Kinnaird"),
        lead=PersonFactory(name="Alasdair Munro", honorific="Dr"),
    )
    ForumPageFactory(parent=forum_index, slug="wales", region="Wales", map_shape="wales")
    draft = ForumPageFactory(parent=forum_index, slug="midlands", region="Midlands", map_shape="midlands")
    draft.unpublish()

    page = soup(client.get("/forums/"))

    cards = page.select(".forum-card")
    assert [card.h3.text.strip() for card in cards] == ["Scotland", "Wales"]
    assert cards[0].select_one(".card__meta").text == "Supported by University of Glasgow"
    assert roster(cards[0]) == [("Chair", "Morag Kinnaird"), ("Forum lead", "Dr Alasdair Munro")]
    assert cards[0].find("a")["href"] == scotland.url == "/forums/scotland/"
    regions = page.select(".forum-map svg a")
    assert [(region["href"], region["aria-label"]) for region in regions] == [
        ("/forums/scotland/", "Scotland forum"),
        ("/forums/wales/", "Wales forum"),
    ]
    assert page.select_one(".forum-map svg")["aria-labelledby"] == "forum-map-title"


def test_forum_page_shows_key_contacts_members_and_partner(client, soup, forum_index):
    chair = PersonFactory(name="Morag Kinnaird", job_title="Chief Executive", photo=ImageFactory())
    lead = PersonFactory(
        name="Alasdair Munro", honorific="Dr", email="a.munro@example.ac.uk", orcid="0000-0002-1825-0097"
    )
    PersonLinkFactory(person=lead, label="University profile", url="https://example.ac.uk/munro")
    co_lead = PersonFactory(name="Eilidh Ross")
    contact = PersonFactory(name="Jo Contact")
    forum = ForumPageFactory(
        parent=forum_index,
        slug="scotland",
        region="Scotland",
        summary="Productivity across Scotland.",
        chair=chair,
        lead=lead,
        co_lead=co_lead,
        contact_person=contact,
        contact_email="scotland@example.org",
        partner_university=InstitutionFactory(name="University of Glasgow", website="https://www.gla.ac.uk/"),
        get_involved="<p>Join us at our next meeting.</p>",
        body=[("rich_text", "<p>What the forum does.</p>")],
    )
    ForumMemberFactory(forum=forum, name="Iain Drummond", organisation="Highland Foods", sort_order=1)
    ForumMemberFactory(forum=forum, name="Shona Baird", organisation="Forth Logistics", sort_order=0)

    response = client.get("/forums/scotland/")
    page = soup(response)

    assert page.h1.text == forum.title
    assert "Productivity across Scotland." in page.select_one(".page-intro").text
    assert page.select_one(".forum-header__partner a")["href"] == "https://www.gla.ac.uk/"
    contacts = page.select(".contact-card")
    assert [
        (card.select_one(".contact-card__role").text, card.select_one(".contact-card__name").text) for card in contacts
    ] == [
        ("Chair", "Morag Kinnaird"),
        ("Forum lead", "Dr Alasdair Munro"),
        ("Co-lead", "Eilidh Ross"),
        ("Forum contact", "Jo Contact"),
    ]
    assert contacts[0].img["alt"] == ""
    lead_links = [a["href"] for a in contacts[1].select(".contact-card__links a")]
    assert lead_links == [
        "mailto:a.munro@example.ac.uk",
        "https://orcid.org/0000-0002-1825-0097",
        "https://example.ac.uk/munro",
    ]
    assert page.select_one(".forum-contact-email a")["href"] == "mailto:scotland@example.org"
    members = [li.get_text(" ", strip=True) for li in page.select(".member-list li")]
    assert members == ["Shona Baird Forth Logistics", "Iain Drummond Highland Foods"]
    assert page.find(id="get-involved").find_next("p").text == "Join us at our next meeting."
    assert "What the forum does." in page.select_one(".page-body").text


def test_the_roster_is_read_from_one_place(client, soup, forum_index):
    """Change the lead once: the card, the page and the person's reverse relation all follow."""
    old_lead, new_lead = PersonFactory(name="Old Lead"), PersonFactory(name="New Lead")
    forum = ForumPageFactory(parent=forum_index, slug="wales", region="Wales", lead=old_lead)

    forum.lead = new_lead
    forum.save_revision().publish()

    assert ("Forum lead", "New Lead") in roster(soup(client.get("/forums/")).select_one(".forum-card"))
    assert "New Lead" in soup(client.get("/forums/wales/")).select_one(".contact-list").text
    assert list(new_lead.forums_led.all()) == [ForumPage.objects.get(pk=forum.pk)]
    assert not old_lead.forums_led.exists()


def test_forum_page_shows_sections_other_apps_add(client, soup, forum_index):
    forum = ForumPageFactory(parent=forum_index, slug="wales", region="Wales")

    def upcoming(request, page):
        return Section(
            key="events", title="Upcoming events", template="components/home_forums.html", items=[page], order=1
        )

    with hooks.register_temporarily(FORUM_PAGE_SECTIONS, upcoming):
        page = soup(client.get(forum.url))

    assert page.find(id="section-events").text == "Upcoming events"


def test_unknown_forum_is_a_404(client, forum_index):
    assert client.get("/forums/atlantis/").status_code == HTTPStatus.NOT_FOUND


def test_page_tree_rules(home_page, forum_index):
    forum = ForumPageFactory(parent=forum_index)
    assert not ForumIndexPage.can_create_at(home_page)  # one index only
    assert ForumPage.allowed_parent_page_models() == [ForumIndexPage]
    assert not ForumPage.can_create_at(home_page)
    assert StandardPage.can_create_at(forum)


def forum_form(forum, **changes):
    fields = {
        "title": forum.title,
        "slug": forum.slug,
        "region": forum.region,
        "partner_university": forum.partner_university_id or "",
        "summary": forum.summary,
        "intro": forum.intro,
        "hero_image_alt": "",
        "chair": forum.chair_id or "",
        "lead": forum.lead_id or "",
        "contact_email": "",
        "members": inline_formset([{"name": "Shona Baird", "organisation": "Forth Logistics"}]),
        "get_involved": rich_text("<p>Join us.</p>"),
        "body": streamfield([]),
    }
    return nested_form_data({**fields, **changes})


@pytest.mark.parametrize("missing", ["chair", "lead", "partner_university"])
def test_a_forum_cannot_be_published_without_its_roster(admin_client, forum_index, missing):
    forum = ForumPageFactory(parent=forum_index, summary="Before")

    data = forum_form(forum, summary="After", **{missing: "", "action-publish": "publish"})
    response = admin_client.post(f"/admin/pages/{forum.pk}/edit/", data)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors[missing] == ["This field is required."]
    assert ForumPage.objects.get(pk=forum.pk).summary == "Before"


def test_a_draft_may_wait_for_its_roster(admin_client, forum_index):
    forum = ForumPageFactory(parent=forum_index, summary="Before")

    response = admin_client.post(f"/admin/pages/{forum.pk}/edit/", forum_form(forum, summary="Draft", chair=""))

    assert response.status_code == HTTPStatus.FOUND
    forum.refresh_from_db()
    assert forum.summary == "Before"  # the live page is unchanged
    assert forum.get_latest_revision_as_object().summary == "Draft"


def test_editor_creates_a_forum_in_the_admin(admin_client, forum_index, client):
    chair, lead, partner = PersonFactory(), PersonFactory(), InstitutionFactory()
    data = nested_form_data(
        {
            "title": "East Anglia Productivity Forum",
            "slug": "east-anglia",
            "region": "East Anglia",
            "partner_university": partner.pk,
            "summary": "Science businesses, farms and ports.",
            "intro": "",
            "hero_image_alt": "",
            "chair": chair.pk,
            "lead": lead.pk,
            "contact_email": "east@example.org",
            "members": inline_formset([]),
            "get_involved": rich_text(""),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/forums/forumpage/{forum_index.pk}/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/forums/east-anglia/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("forums", [1, 8])
def test_forum_index_queries_do_not_grow_with_forums(client, forum_index, forums):
    for _ in range(forums):
        ForumPageFactory(parent=forum_index, hero_image=ImageFactory(), chair=PersonFactory(photo=ImageFactory()))

    assert queries_for(client, "/forums/") == FORUM_INDEX_QUERIES


@pytest.mark.parametrize("members", [1, 10])
def test_forum_page_queries_do_not_grow_with_members(client, forum_index, members):
    people = [PersonFactory(photo=ImageFactory()) for _ in range(4)]
    for person in people:
        PersonLinkFactory(person=person)
    forum = ForumPageFactory(
        parent=forum_index,
        slug="scotland",
        hero_image=ImageFactory(),
        chair=people[0],
        lead=people[1],
        co_lead=people[2],
        contact_person=people[3],
    )
    for _ in range(members):
        ForumMemberFactory(forum=forum, person=PersonFactory())

    assert queries_for(client, "/forums/scotland/") == FORUM_PAGE_QUERIES


HOME_PAGE_WITH_FORUMS_QUERIES = 11


@pytest.mark.parametrize("forums", [1, 8])
def test_home_page_lists_the_forums_in_fixed_queries(client, soup, forum_index, forums):
    for _ in range(forums):
        ForumPageFactory(parent=forum_index, hero_image=ImageFactory())

    assert len(soup(client.get("/")).select("section[aria-labelledby=section-forums] .forum-card")) == forums
    assert queries_for(client, "/") == HOME_PAGE_WITH_FORUMS_QUERIES
