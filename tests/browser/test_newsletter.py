import re

from django.core import mail

from playwright.sync_api import Page, expect

from news.models import NewsletterSubscription
from tests.factories import ForumIndexPageFactory, ForumPageFactory


def test_visitor_signs_up_to_the_newsletter_and_confirms(live_server, page: Page, wagtail_site, axe_check, screenshot):
    forums = ForumIndexPageFactory(parent=wagtail_site)
    ForumPageFactory(parent=forums, slug="wales", region="Wales", title="Wales Productivity Forum")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign up to our newsletter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up to our newsletter")
    axe_check(page)

    page.get_by_label("E-mail address").fill("not-an-address@")
    page.get_by_label("E-mail address").evaluate("field => field.setAttribute('type', 'text')")  # the server's check
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("alert")).to_contain_text("E-mail address: Enter a valid email address.")
    axe_check(page)
    screenshot(page, "newsletter-errors")
    page.get_by_role("alert").get_by_role("link").click()
    expect(page.get_by_label("E-mail address")).to_be_focused()

    page.get_by_label("E-mail address").fill("ada@example.com")
    page.get_by_role("group", name="Regional forums").get_by_label("Wales Productivity Forum").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")

    [confirm_url] = re.findall(r"http://\S+/newsletter/confirm/\S+/", mail.outbox[0].body)
    page.goto(live_server.url + confirm_url.split("localhost", 1)[1])
    axe_check(page)
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    axe_check(page)
    assert NewsletterSubscription.objects.get().is_subscribed
