"""The open data API at /api/v2/: live public pages and people, their public fields only, read-only."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from events.models import EventPage
from forums.models import ForumPage
from news.models import NewsPage
from research.models import ResearchThemePage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ForumIndexPageFactory,
    ForumPageFactory,
    InstitutionFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    PublicationAuthorFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
)
from tests.news.conftest import NewsAuthorFactory, NewsIndexPageFactory, NewsPageFactory

PAGES = "/api/v2/pages/"
PEOPLE = "/api/v2/people/"


@pytest.fixture
def people_index(home_page):
    return PeopleIndexPageFactory(parent=home_page)


@pytest.fixture
def university(db):
    return InstitutionFactory(name="University of Glasgow", is_academic_partner=True)


@pytest.fixture
def helen(university, django_user_model):
    return PersonFactory(
        name="Helen Marwick",
        honorific="Prof",
        job_title="Professor of Economics",
        organisation=university,
        email="h.marwick@example.ac.uk",
        orcid="0000-0002-1825-0097",
        is_staff_member=True,
        user=django_user_model.objects.create_user("helen", "helen.private@example.com", "password"),
        added_by=django_user_model.objects.create_user("adder", "adder@example.com", "password"),
    )


@pytest.fixture
def forum(home_page, helen, university):
    forum_index = ForumIndexPageFactory(parent=home_page)
    return ForumPageFactory(
        parent=forum_index,
        title="Scotland Productivity Forum",
        slug="scotland",
        region="Scotland",
        summary="Productivity in Scotland.",
        lead=helen,
        chair=PersonFactory(name="Alan Reid"),
        co_lead=None,
        partner_university=university,
        contact_email="forum.private@example.com",
    )


@pytest.fixture
def theme(home_page):
    research_index = ResearchIndexPageFactory(parent=home_page)
    return ResearchThemePageFactory(parent=research_index, title="Skills", summary="Who learns what.")


@pytest.fixture
def publication_index(theme):
    return PublicationIndexPageFactory(parent=theme.get_parent())


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def the_item(client, model, title):
    """The listing's item with this title, with all its fields."""
    items = get(client, PAGES, type=model, fields="*")["items"]
    return next(item for item in items if item["title"] == title)


def test_forums_name_their_roster_and_university(client, forum, helen, university):
    item = the_item(client, "forums.ForumPage", "Scotland Productivity Forum")

    assert item["region"] == "Scotland"
    assert item["summary"] == "Productivity in Scotland."
    assert item["lead"] == {"id": helen.pk, "name": "Prof Helen Marwick"}
    assert item["chair"] == {"id": forum.chair_id, "name": "Alan Reid"}
    assert item["co_lead"] is None
    assert item["partner_university"] == {"id": university.pk, "name": "University of Glasgow"}
    assert "contact_email" not in item
    assert item["meta"]["html_url"] == "http://localhost/forums/scotland/"


def test_themes_give_their_programme_and_summary(client, theme):
    item = the_item(client, "research.ResearchThemePage", "Skills")

    assert item["programme"] == theme.programme
    assert item["summary"] == "Who learns what."


def test_publications_give_authors_doi_type_date_and_topics(client, publication_index, theme, forum, helen):
    publication = PublicationPageFactory(
        parent=publication_index,
        title="Skills and productivity",
        doi="10.1234/tpi.2024.01",
        publication_date=datetime.date(2024, 3, 1),
        abstract="What skills do.",
    )
    PublicationAuthorFactory(publication=publication, person=helen, sort_order=0)
    PublicationAuthorFactory(publication=publication, person=None, name="A. N. Other", sort_order=1)
    publication.themes.set([theme])
    publication.forums.set([forum])
    publication.save_revision().publish()

    item = the_item(client, "research.PublicationPage", "Skills and productivity")

    assert item["authors"] == [{"name": "Helen Marwick", "person": helen.pk}, {"name": "A. N. Other", "person": None}]
    assert item["doi"] == "10.1234/tpi.2024.01"
    assert item["publication_type"] == publication.publication_type
    assert item["publication_date"] == "2024-03-01"
    assert item["abstract"] == "What skills do."
    assert item["themes"] == [{"id": theme.pk, "title": "Skills"}]
    assert item["forums"] == [{"id": forum.pk, "title": "Scotland Productivity Forum"}]


def test_events_give_times_forums_and_venue_but_not_the_joining_link(client, home_page, forum, theme):
    event_index = EventIndexPageFactory(parent=home_page)
    other_forum = ForumPageFactory(parent=forum.get_parent(), title="Wales Productivity Forum", slug="wales")
    event = EventPageFactory(
        parent=forum,
        title="Skills summit",
        starts_at=datetime.datetime(2026, 5, 1, 9, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2026, 5, 1, 17, tzinfo=datetime.UTC),
        venue_name="Glasgow City Chambers",
        online_url="https://meet.example.com/secret-room",
    )
    event.forums.set([other_forum])
    event.themes.set([theme])
    event.save_revision().publish()
    EventPageFactory(parent=event_index, title="Webinar")

    item = the_item(client, "events.EventPage", "Skills summit")

    assert item["starts_at"] == "2026-05-01T10:00:00+01:00"
    assert item["ends_at"] == "2026-05-01T18:00:00+01:00"
    assert item["venue_name"] == "Glasgow City Chambers"
    assert item["venue_address"] == event.venue_address
    # The forum it is under first, then the one it is tagged with.
    assert item["forums"] == [
        {"id": forum.pk, "title": "Scotland Productivity Forum"},
        {"id": other_forum.pk, "title": "Wales Productivity Forum"},
    ]
    assert item["themes"] == [{"id": theme.pk, "title": "Skills"}]
    assert "online_url" not in item
    assert the_item(client, "events.EventPage", "Webinar")["forums"] == []
    detail = get(client, f"{PAGES}{event.pk}/")
    assert detail["forums"] == item["forums"]
    assert "online_url" not in detail
    assert "secret-room" not in str(get(client, PAGES, type="events.EventPage", fields="*"))


def test_news_gives_date_kind_authors_and_topics(client, home_page, forum, theme, helen):
    item = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home_page), title="Forum launch", date=datetime.date(2026, 4, 2)
    )
    NewsAuthorFactory(page=item, person=helen)
    item.forums.set([forum])
    item.themes.set([theme])
    item.save_revision().publish()

    data = the_item(client, "news.NewsPage", "Forum launch")

    assert data["date"] == "2026-04-02"
    assert data["kind"] == item.kind
    assert data["summary"] == item.summary
    assert data["authors"] == [{"name": "Helen Marwick", "person": helen.pk}]
    assert data["forums"] == [{"id": forum.pk, "title": "Scotland Productivity Forum"}]
    assert data["themes"] == [{"id": theme.pk, "title": "Skills"}]


PERSON_FIELDS = {
    "id",
    "meta",
    "name",
    "slug",
    "honorific",
    "job_title",
    "organisation",
    "short_bio",
    "email",
    "orcid",
    "profile_url",
}


def test_people_give_their_public_fields_only(client, people_index, helen, university):
    listed = get(client, PEOPLE)["items"]
    assert listed == [
        {
            "id": helen.pk,
            "meta": {"type": "institute.Person", "detail_url": f"http://localhost/api/v2/people/{helen.pk}/"},
            "name": "Helen Marwick",
            "profile_url": f"http://localhost/people/{helen.slug}/",
        }
    ]

    for person in (get(client, PEOPLE, fields="*")["items"][0], get(client, f"{PEOPLE}{helen.pk}/")):
        assert set(person) == PERSON_FIELDS
        assert person["honorific"] == "Prof"
        assert person["job_title"] == "Professor of Economics"
        assert person["organisation"] == {"id": university.pk, "name": "University of Glasgow"}
        # The e-mail address editors made public, not the account's.
        assert person["email"] == "h.marwick@example.ac.uk"
        assert person["orcid"] == "0000-0002-1825-0097"


@pytest.mark.parametrize("field", ["user", "added_by", "is_staff_member", "links", "photo"])
def test_people_fields_editors_keep_to_themselves_cannot_be_asked_for(client, helen, field):
    response = client.get(PEOPLE, {"fields": field})

    assert response.status_code == 400
    assert "helen.private" not in str(get(client, PEOPLE, fields="*"))


def test_drafts_unpublished_and_private_pages_are_neither_listed_nor_found(
    client, django_user_model, publication_index
):
    draft = PublicationPageFactory(parent=publication_index, title="Draft paper", live=False)
    unpublished = PublicationPageFactory(parent=publication_index, title="Withdrawn paper")
    unpublished.unpublish()
    private = PublicationPageFactory(parent=publication_index, title="Private paper")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    with_password = PublicationPageFactory(parent=publication_index, title="Paper with a password")
    restriction = PageViewRestriction.objects.create(
        page=with_password, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    PublicationPageFactory(parent=publication_index, title="Public paper")
    hidden = {"Draft paper", "Withdrawn paper", "Private paper", "Paper with a password"}
    # Signed in and holding the password, a visitor sees these private papers on the site; open data is
    # still only what everyone sees.
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "password"))
    session = client.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    for params in ({}, {"type": "research.PublicationPage"}, {"search": "paper"}):
        titles = {item["title"] for item in get(client, PAGES, **params)["items"]}
        assert "Public paper" in titles or "search" in params
        assert not titles & hidden
    for page in (draft, unpublished, private, with_password):
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404
        assert client.get(f"{PAGES}{page.pk}/", {"type": "research.PublicationPage"}).status_code == 404
        assert client.get(f"{PAGES}find/", {"html_path": page.url_path}).status_code == 404


@pytest.mark.parametrize("url", [PAGES, PEOPLE])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(admin_client, helen, home_page, url, method):
    item_url = f"{url}{helen.pk if url == PEOPLE else home_page.pk}/"

    for target in (url, item_url):
        response = getattr(admin_client, method)(target, {"title": "Changed"}, content_type="application/json")
        assert response.status_code == 405

    helen.refresh_from_db()
    home_page.refresh_from_db()
    assert (helen.name, home_page.title) == ("Helen Marwick", "Home")


@pytest.mark.parametrize(
    "url, params",
    [
        (PAGES, {"limit": "abc"}),
        (PAGES, {"offset": "-1"}),
        (PAGES, {"type": "nosuch.Model"}),
        (PAGES, {"type": "research.PublicationPage", "order": "nope"}),
        (PAGES, {"fields": "nosuchfield"}),
        (PAGES, {"nosuchparam": "1"}),
        (PEOPLE, {"limit": "abc"}),
        (PEOPLE, {"fields": "email,password"}),
    ],
)
def test_bad_query_parameters_are_bad_requests(client, home_page, url, params):
    response = client.get(url, params)

    assert response.status_code == 400
    assert "message" in response.json()


# Mostly the site, the view restrictions (Wagtail reads them once for each use) and the page cache's own.
PEOPLE_LISTING_QUERIES = 8
PUBLICATION_LISTING_QUERIES = 18


@pytest.mark.parametrize("count", [3, 12])
def test_the_people_listing_costs_the_same_whatever_its_length(client, django_assert_num_queries, people_index, count):
    PersonFactory.create_batch(count)

    with django_assert_num_queries(PEOPLE_LISTING_QUERIES):
        assert len(get(client, PEOPLE, fields="*")["items"]) == count


@pytest.mark.parametrize("count", [3, 12])
def test_the_publication_listing_costs_the_same_whatever_its_length(
    client, django_assert_num_queries, publication_index, theme, forum, count
):
    for _ in range(count):
        publication = PublicationPageFactory(parent=publication_index)
        PublicationAuthorFactory(publication=publication)
        PublicationAuthorFactory(publication=publication, person=None, name="A. N. Other")
        publication.themes.set([theme])
        publication.forums.set([forum])
        publication.save_revision().publish()

    with django_assert_num_queries(PUBLICATION_LISTING_QUERIES):
        items = get(client, PAGES, type="research.PublicationPage", fields="*")["items"]
    assert len(items) == count


def add_forum(forum, theme):
    ForumPageFactory(parent=forum.get_parent())


def add_theme(forum, theme):
    ResearchThemePageFactory(parent=theme.get_parent())


def add_event(forum, theme):
    event = EventPageFactory(parent=forum)
    event.themes.set([theme])
    event.forums.set([forum])
    event.save_revision().publish()


def add_news(forum, theme):
    item = NewsPageFactory(parent=forum)
    NewsAuthorFactory(page=item)
    item.themes.set([theme])
    item.save_revision().publish()


@pytest.mark.parametrize(
    "model, add",
    [(ForumPage, add_forum), (ResearchThemePage, add_theme), (EventPage, add_event), (NewsPage, add_news)],
)
def test_page_listings_cost_the_same_whatever_their_length(client, forum, theme, model, add):
    page_type = model._meta.label

    def listing_queries(count):
        while model.objects.live().count() < count:
            add(forum, theme)
        cache.clear()  # the page cache would answer the same request again
        with CaptureQueriesContext(connection) as queries:
            assert len(get(client, PAGES, type=page_type, fields="*")["items"]) == count
        return len(queries)

    assert listing_queries(3) == listing_queries(12)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=forums.ForumPage&fields=*",
        "/api/v2/pages/?type=research.PublicationPage&fields=authors,doi,publication_type,publication_date"
        "&order=-publication_date",
        "/api/v2/pages/?type=events.EventPage&fields=starts_at,ends_at,forums,venue_name",
        "/api/v2/pages/?type=news.NewsPage&fields=*&search=skills",
        "/api/v2/pages/?type=research.ResearchThemePage&fields=*",
        "/api/v2/people/?fields=*&limit=20&offset=20",
    ],
)
def test_the_readme_examples_work(client, forum, publication_index, url):
    assert client.get(url).status_code == 200
