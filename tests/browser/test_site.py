import re

import pytest
from playwright.sync_api import Page, expect

from institute.models import InstituteSettings
from tests.factories import (
    DocumentFactory,
    FormFieldFactory,
    FormPageFactory,
    ImageFactory,
    PersonFactory,
    StandardPageFactory,
)
from tests.institute.test_pages import every_block_body


@pytest.fixture
def content(wagtail_site):
    home = wagtail_site
    home.hero_headline = "What productivity means for places"
    home.hero_image = ImageFactory()
    home.hero_image_alt = "Rising bar chart"
    home.save_revision().publish()
    contact = StandardPageFactory(parent=home, title="Contact us", slug="contact", show_in_menus=True)
    people = [PersonFactory(photo=ImageFactory()) for _ in range(2)]
    about = StandardPageFactory(
        parent=home,
        title="About us",
        slug="about",
        show_in_menus=True,
        body=every_block_body(ImageFactory(), DocumentFactory(), people, contact),
    )
    settings = InstituteSettings.for_site(home.get_site())
    settings.announcement_text = "National Productivity Week"
    settings.announcement_link = [("link", {"text": "Find out more", "page": about, "url": ""})]
    settings.contact_email = "enquiries@productivity.example"
    settings.save()
    return {"home": home, "about": about}


def test_visitor_follows_the_main_menu(live_server, page: Page, content, axe_check, screenshot):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What productivity means for places")
    axe_check(page)
    screenshot(page, "home-desktop")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").click()

    expect(page).to_have_url(live_server.url + "/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("About us")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Home")
    axe_check(page)
    screenshot(page, "standard-page-desktop")


def test_small_screen_menu_opens_from_the_keyboard(live_server, page: Page, content, axe_check, screenshot):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/")
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="About us")
    toggle = page.get_by_role("button", name="Menu")
    expect(menu_link).to_be_hidden()

    toggle.focus()
    page.keyboard.press("Enter")

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    axe_check(page)
    screenshot(page, "home-mobile-menu-open")
    page.keyboard.press("Escape")
    expect(menu_link).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_skip_link_moves_focus_to_the_main_content(live_server, page: Page, content):
    page.goto(live_server.url + "/about/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"#main-content$"))


def test_video_loads_nothing_until_played(live_server, page: Page, content):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(re.compile(r"https://www\.youtube-nocookie\.com/.*"), lambda route: route.fulfill(body="player"))
    page.goto(live_server.url + "/about/")
    assert not [url for url in requests if not url.startswith(live_server.url)]

    page.get_by_role("link", name="Play video: Launch film").click()

    frame = page.locator("iframe.video-frame")
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
    expect(frame).to_have_attribute("title", "Launch film")


def test_editor_signs_in_and_sees_the_dashboard(live_server, page: Page, wagtail_site, django_user_model, screenshot):
    django_user_model.objects.create_superuser("admin", "admin@example.com", "s3cret-pass-phrase")

    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("s3cret-pass-phrase")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(live_server.url + "/admin/")
    expect(page).to_have_title(re.compile("Dashboard"))
    expect(page.get_by_role("heading", level=1)).to_have_text("The Productivity Institute")
    screenshot(page, "admin-dashboard")


def test_visitor_sends_the_contact_form(live_server, page: Page, wagtail_site, axe_check, screenshot):
    contact = FormPageFactory(parent=wagtail_site, slug="contact")
    FormFieldFactory(page=contact, label="Your name", field_type="singleline")
    FormFieldFactory(page=contact, label="Your email", field_type="email")
    FormFieldFactory(page=contact, label="Your message", field_type="multiline")
    page.goto(live_server.url + "/contact/")
    axe_check(page)

    page.get_by_label("Your name").fill("Ada Price")
    page.get_by_label("Your email").fill("not-an-email@")
    page.get_by_label("Your message").fill("Hello.")
    page.get_by_label("Your email").evaluate("field => field.setAttribute('type', 'text')")  # reach the server's check
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_contain_text("Your email: Enter a valid email address.")
    axe_check(page)
    screenshot(page, "contact-form-errors")

    page.get_by_label("Your email").fill("ada@example.com")
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert contact.get_submissions().get().get_data()["your_name"] == "Ada Price"


def test_visitor_searches_the_site(live_server, page: Page, content, axe_check, screenshot):
    for n in range(22):
        StandardPageFactory(parent=content["home"], title=f"Productivity note {n}", slug=f"note-{n}")
    page.goto(live_server.url + "/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search the site").fill("productivity note")
    page.get_by_label("Search the site").press("Enter")

    expect(page.get_by_role("status")).to_contain_text("22 results for “productivity note”")
    expect(page.locator(".search-result")).to_have_count(20)
    axe_check(page)
    screenshot(page, "search-results")
    page.get_by_role("link", name="Next page").click()
    expect(page.locator(".search-result")).to_have_count(2)
