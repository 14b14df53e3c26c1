from http import HTTPStatus

from wagtail import hooks
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from institute.models import HomePage, StandardPage
from institute.sections import HOME_PAGE_SECTIONS, Section
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    InstitutionFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def every_block_body(image, document, people, link_page):
    """One of each shared block, with rich text that links to a page and a document."""
    links = (
        f'<p>Rich <b>text</b> with <a linktype="page" id="{link_page.pk}">a page link</a> and '
        f'<a linktype="document" id="{document.pk}">a document link</a>.</p>'
    )
    return [
        ("heading", {"text": "Our approach", "level": "h2"}),
        ("rich_text", links),
        ("image", {"image": image, "alt_text": "Chart of output per hour", "caption": "Output per hour"}),
        ("quote", {"text": "Work smarter.", "attribution": "A Chair", "role": "Wales forum"}),
        (
            "call_to_action",
            {"title": "Join a forum", "text": "Get involved.", "link": {"text": "Go", "page": link_page}},
        ),
        (
            "video",
            {"title": "Launch film", "url": "https://youtu.be/dQw4w9WgXcQ", "poster": image, "transcript": links},
        ),
        (
            "table",
            {
                "table_caption": "Regional figures",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Region", "Output"], ["Wales", "84"]],
            },
        ),
        ("accordion", {"title": "FAQ", "items": [{"question": "Who can join?", "answer": links}]}),
        ("document", {"document": document, "title": "", "description": "Our annual review."}),
        ("people", {"title": "Team", "people": people}),
    ]


def test_home_page_is_the_site_root_and_shows_its_hero(client, home_page, soup):
    home_page.hero_headline = "Productivity for places"
    home_page.hero_intro = "A UK-wide research organisation."
    home_page.hero_image = ImageFactory()
    home_page.hero_image_alt = "Bar chart rising"
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == ["Productivity for places"]
    assert "A UK-wide research organisation." in page.select_one(".hero__intro").text
    assert page.select_one(".hero__media img")["alt"] == "Bar chart rising"
    assert page.html["lang"] == "en-GB"
    assert page.select_one("a.skip-link")["href"] == "#main-content"
    assert page.find("main", id="main-content")
    assert page.find("header") and page.find("footer")


def test_home_page_shows_academic_partners_only(client, home_page, soup):
    InstitutionFactory(name="University of Glasgow", is_academic_partner=True)
    InstitutionFactory(name="Acme Widgets Ltd", is_academic_partner=False)

    page = soup(client.get("/"))

    section = page.find("section", attrs={"aria-labelledby": "section-partners"})
    assert section.h2.text == "Our academic partners"
    assert "University of Glasgow" in section.text
    assert "Acme Widgets" not in section.text


def test_home_page_leaves_out_sections_without_content(client, home_page, soup):
    page = soup(client.get("/"))

    assert page.find_all("section") == []
    assert "Our academic partners" not in page.text


def test_home_page_shows_sections_other_apps_register_in_order(client, home_page, soup):
    people = PersonFactory.create_batch(2)

    def latest(request, home):
        return Section(
            key="latest",
            title="Latest news",
            template="components/home_partners.html",
            order=1,
            items=[p.organisation for p in people],
            more_url="/news/",
            more_label="All news",
        )

    def empty(request, home):
        return Section(key="empty", title="Nothing yet", template="components/home_partners.html", items=[])

    with hooks.register_temporarily(HOME_PAGE_SECTIONS, latest), hooks.register_temporarily(HOME_PAGE_SECTIONS, empty):
        page = soup(client.get("/"))

    titles = [h2.text for h2 in page.select("section h2")]
    assert titles == ["Latest news"]
    assert page.select_one("a.section__more")["href"] == "/news/"


def test_standard_page_renders_every_shared_block(client, home_page, soup):
    contact = StandardPageFactory(parent=home_page, title="Contact", slug="contact")
    people = [PersonFactory(name="Ada Price", job_title="Director"), PersonFactory(name="Ben Lowe")]
    page = StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        intro="Who we are.",
        body=every_block_body(ImageFactory(), DocumentFactory(title="Annual review"), people, contact),
    )

    response = client.get("/about/")

    assert response.status_code == HTTPStatus.OK
    html = soup(response)
    main = html.find("main")
    assert [h1.text for h1 in html.find_all("h1")] == ["About us"]
    assert main.select_one(".page-intro").text == "Who we are."
    assert main.find("h2", string="Our approach")
    assert main.select_one(".block-rich-text b").text == "text"
    assert main.select_one(".block-rich-text").find("a", string="a page link")["href"] == "/contact/"
    assert main.select_one(".accordion__answer").find("a", string="a document link")["href"].startswith("/documents/")
    assert main.select_one("figure.block-image img")["alt"] == "Chart of output per hour"
    assert main.select_one("figure.block-image figcaption").text == "Output per hour"
    assert main.select_one("blockquote").text.strip() == "Work smarter."
    assert main.select_one(".block-cta a.button")["href"] == "/contact/"
    video = main.select_one("a.video-facade")
    assert video["href"] == "https://youtu.be/dQw4w9WgXcQ"
    assert video["data-player-url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert not main.find("iframe"), "nothing loads from YouTube until the visitor presses play"
    assert main.select_one(".block-table caption").text.strip() == "Regional figures"
    assert main.select_one(".block-table th[scope=col]").text.strip() == "Region"
    assert main.select_one("details.accordion__item summary").text == "Who can join?"
    document_link = main.select_one("a.document-link")
    assert "Annual review" in document_link.text and "PDF" in document_link.text
    assert [p.text for p in main.select(".person-card__name")] == ["Ada Price", "Ben Lowe"]
    assert page.get_url() == "/about/"


def test_inner_pages_have_breadcrumbs(client, home_page, soup):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our history", slug="history")

    crumbs = soup(client.get("/about/history/")).select("nav.breadcrumbs li")

    assert [li.text.strip() for li in crumbs] == ["Home", "About us", "Our history"]
    assert crumbs[-1].find("span")["aria-current"] == "page"


def test_main_menu_lists_live_pages_marked_for_menus(client, home_page, soup):
    StandardPageFactory(parent=home_page, title="About us", slug="about", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Accessibility", slug="accessibility", show_in_menus=False)
    draft = StandardPageFactory(parent=home_page, title="Secret plans", slug="secret", show_in_menus=True)
    draft.unpublish()

    nav = soup(client.get("/about/")).find("nav", attrs={"aria-label": "Main"})

    assert [a.text for a in nav.find_all("a")] == ["About us", "Search"]
    assert nav.find("a")["aria-current"] == "page"


def test_draft_and_unknown_pages_are_friendly_404s(client, home_page, soup):
    draft = StandardPageFactory(parent=home_page, title="Draft", slug="draft")
    draft.unpublish()

    for url in ["/draft/", "/no-such-page/", "/about/%E2%82%AC/"]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.NOT_FOUND
        page = soup(response)
        assert page.h1.text == "Page not found"
        assert page.find("header", class_="site-header")


def test_page_tree_rules(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(StandardPageFactory(parent=home_page))


def test_editor_can_create_a_standard_page_in_the_admin(admin_client, home_page):
    url = f"/admin/pages/add/institute/standardpage/{home_page.pk}/"
    data = nested_form_data(
        {
            "title": "Our history",
            "slug": "history",
            "intro": "Since 2020.",
            "body": streamfield([("rich_text", rich_text("<p>Founded in 2020.</p>"))]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    page = StandardPage.objects.get(slug="history")
    assert page.live and page.get_parent().specific == home_page


def test_standard_page_needs_a_body(admin_client, home_page):
    url = f"/admin/pages/add/institute/standardpage/{home_page.pk}/"
    data = nested_form_data({"title": "Empty", "slug": "empty", "body": streamfield([]), "action-publish": "1"})

    response = admin_client.post(url, data)

    assert response.status_code == HTTPStatus.OK
    assert not StandardPage.objects.filter(slug="empty").exists()


def test_links_to_deleted_or_unpublished_pages_are_left_out(client, home_page, site, soup):
    from institute.models import InstituteSettings

    gone = StandardPageFactory(parent=home_page, title="Gone", slug="gone")
    hidden = StandardPageFactory(parent=home_page, title="Hidden", slug="hidden")
    settings = InstituteSettings.for_site(site)
    settings.announcement_text = "National Productivity Week"
    settings.announcement_link = [("link", {"text": "Read more", "page": hidden, "url": ""})]
    settings.footer_links = [("link", {"text": "Gone page", "page": gone, "url": ""})]
    settings.save()
    body = [("call_to_action", {"title": "Go", "text": "", "link": {"text": "Hidden page", "page": hidden}})]
    StandardPageFactory(parent=home_page, title="Links", slug="links", body=body)
    gone.delete()
    hidden.unpublish()

    page = soup(client.get("/links/"))

    assert "National Productivity Week" in page.select_one(".announcement").text
    assert not page.find("a", string="Read more")
    assert not page.find("a", string="Gone page")
    assert not page.find("a", string="Hidden page")
    assert page.select_one(".block-cta__title").text == "Go"


def test_malformed_stored_blocks_render_safely(client, home_page, soup):
    body = [
        ("heading", {"text": "Sneaky", "level": "h1"}),
        ("video", {"title": "Old film", "url": "https://example.com/film.mp4", "poster": None, "transcript": ""}),
    ]
    StandardPageFactory(parent=home_page, title="Imported", slug="imported", body=body)

    response = client.get("/imported/")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert [h1.text for h1 in page.find_all("h1")] == ["Imported"]
    assert page.find("h2", string="Sneaky")
    video = page.select_one("a.video-facade")
    assert video["href"] == "https://example.com/film.mp4" and not video.has_attr("data-player-url")
