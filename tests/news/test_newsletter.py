"""The newsletter (news/newsletter.py): sign-up at /newsletter/, double opt-in by an e-mailed link, an
unsubscribe link in every message, and the subscribers in the admin for staff only."""

import csv
import datetime
import io
import json
import re
from http import HTTPStatus

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from institute import page_cache
from news.models import NewsletterSubscription
from tests.factories import ForumPageFactory

pytestmark = pytest.mark.django_db

SIGN_UP_URL = "/newsletter/"
ADMIN_URL = "/admin/newsletter_subscriptions/"


@pytest.fixture
def queued_email(settings):
    """Mail goes the way it does on the site: through the queue, to the delivery backend."""
    settings.EMAIL_BACKEND = "institute.queued_email.QueuedEmailBackend"


def sign_up(client, email="ann@example.com", address="192.0.2.1", **fields):
    return client.post(SIGN_UP_URL, {"email": email, "name": "", **fields}, REMOTE_ADDR=address)


def link_in(message, kind):
    [url] = re.findall(rf"http://localhost(/newsletter/{kind}/[\w-]+/)", message.body)
    return url


def press_the_button(client, url):
    """What a visitor does with a link from a message: open it, then send the form on the page it opens."""
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one("main form[method=post]")
    return client.post(form["action"])


def confirmed_subscriber(client, email="ann@example.com", **fields):
    sign_up(client, email, **fields)
    press_the_button(client, link_in(mail.outbox[-1], "confirm"))
    return NewsletterSubscription.objects.get(email=email)


def error_summary(soup, response):
    return [item.text.strip() for item in soup(response).select(".error-summary li")]


def test_the_sign_up_form_offers_the_live_forums_and_themes(client, soup, scotland, wales, skills):
    ForumPageFactory(parent=scotland.get_parent(), slug="draft-forum", title="Draft forum", live=False)

    page = soup(client.get(SIGN_UP_URL))

    email = page.find("input", attrs={"name": "email"})
    assert email.has_attr("required")
    assert email["autocomplete"] == "email"
    assert page.find("label", attrs={"for": email["id"]}).text == "E-mail address (required)"
    assert page.find("label", attrs={"for": "id_name"}).text == "Name"
    assert page.find("input", attrs={"name": "name"})["autocomplete"] == "name"
    legends = [legend.text for legend in page.select("form fieldset legend")]
    assert legends == ["Regional forums", "Research themes"]
    assert {box.parent.text.strip() for box in page.select("input[name=forums]")} == {scotland.title, wales.title}
    assert [box["value"] for box in page.select("input[name=themes]")] == [skills.slug]


def test_signing_up_confirming_and_unsubscribing_through_the_mailed_links(client, soup, queued_email, scotland, skills):
    response = sign_up(client, forums=[scotland.slug], themes=[skills.slug])

    assert response.status_code == HTTPStatus.FOUND
    assert "Check your inbox" in soup(client.get(response.url)).h1.text
    subscription = NewsletterSubscription.objects.get()
    assert not subscription.is_subscribed
    assert list(subscription.forums.all()) == [scotland]
    [message] = mail.outbox
    assert message.to == ["ann@example.com"]
    confirm_url = link_in(message, "confirm")
    unsubscribe_url = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://localhost{unsubscribe_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Mail scanners open links before people do: opening one changes nothing.
    page = soup(client.get(confirm_url))
    assert page.find("button", string="Confirm my subscription")
    assert scotland.title in page.select_one("main").text
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    assert "You are subscribed" in soup(press_the_button(client, confirm_url)).h1.text
    subscription.refresh_from_db()
    assert subscription.is_subscribed

    assert soup(client.get(unsubscribe_url)).find("button", string="Unsubscribe")
    subscription.refresh_from_db()
    assert subscription.is_subscribed

    assert "You are unsubscribed" in soup(press_the_button(client, unsubscribe_url)).h1.text
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert not subscription.is_subscribed
    # The old confirmation link cannot subscribe them again.
    assert client.post(confirm_url).status_code == HTTPStatus.GONE
    subscription.refresh_from_db()
    assert not subscription.is_subscribed


def test_mail_programs_unsubscribe_with_one_post_without_a_csrf_token(client, queued_email):
    subscription = confirmed_subscriber(client)
    [header] = re.findall(r"<http://localhost(.+)>", mail.outbox[0].extra_headers["List-Unsubscribe"])

    response = Client(enforce_csrf_checks=True).post(header, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == HTTPStatus.OK
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_only_the_latest_confirmation_link_confirms_and_never_the_unsubscribe_link(client, queued_email):
    """Someone who holds an old link (forwarded mail, a scanner's log) cannot subscribe the address again."""
    subscription = confirmed_subscriber(client)
    first_confirm_url = link_in(mail.outbox[0], "confirm")
    unsubscribe_url = link_in(mail.outbox[0], "unsubscribe")
    client.post(unsubscribe_url)

    sign_up(client, address="198.51.100.7")  # someone else types the address in again
    new_confirm_url = link_in(mail.outbox[-1], "confirm")

    assert new_confirm_url != first_confirm_url
    assert client.post(first_confirm_url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(unsubscribe_url.replace("unsubscribe", "confirm")).status_code == HTTPStatus.NOT_FOUND
    subscription.refresh_from_db()
    assert not subscription.is_subscribed


def test_the_sign_up_page_tells_link_previews_what_it_is(client, soup, home_page):
    page = soup(client.get(SIGN_UP_URL))

    assert page.find("link", rel="canonical")["href"] == "http://localhost/newsletter/"
    assert page.find("meta", property="og:title")["content"] == "Sign up to our newsletter"
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("News, events and research")


def test_confirming_needs_the_csrf_token(client):
    sign_up(client)

    response = Client(enforce_csrf_checks=True).post(link_in(mail.outbox[0], "confirm"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert NewsletterSubscription.objects.get().confirmed_at is None


def test_signing_up_an_address_already_subscribed_looks_the_same_and_changes_nothing(client, scotland, wales):
    subscription = confirmed_subscriber(client, forums=[scotland.slug])
    new_response = sign_up(client, "bob@example.com")

    response = sign_up(client, forums=[wales.slug], name="Someone else")

    assert (response.status_code, response.url) == (new_response.status_code, new_response.url)
    subscription.refresh_from_db()
    assert subscription.is_subscribed
    assert subscription.name == ""
    assert list(subscription.forums.all()) == [scotland]
    message = mail.outbox[-1]
    assert message.to == ["ann@example.com"]
    assert "You already receive it" in message.body
    assert link_in(message, "unsubscribe") == f"/newsletter/unsubscribe/{subscription.token}/"


def test_messages_do_not_repeat_what_the_visitor_typed(client):
    sign_up(client, name="Win a prize at https://spam.example")

    assert "spam.example" not in mail.outbox[0].body


def test_the_address_is_normalised_and_unique_whatever_its_case(client):
    sign_up(client, "  Ann.Smith@Example.COM ")
    sign_up(client, "ann.smith@example.com")

    assert list(NewsletterSubscription.objects.values_list("email", flat=True)) == ["Ann.Smith@example.com"]
    assert len(mail.outbox) == 2


def test_signing_up_again_after_unsubscribing_needs_a_new_confirmation(client, wales):
    subscription = confirmed_subscriber(client)
    client.post(f"/newsletter/unsubscribe/{subscription.token}/")

    sign_up(client, forums=[wales.slug])

    subscription.refresh_from_db()
    assert (subscription.confirmed_at, subscription.unsubscribed_at) == (None, None)
    assert list(subscription.forums.all()) == [wales]
    client.post(link_in(mail.outbox[-1], "confirm"))
    subscription.refresh_from_db()
    assert subscription.is_subscribed


def test_a_filled_in_spam_trap_is_refused(client, soup):
    response = sign_up(client, **{"spam-trap": "http://spam.example"})

    assert response.status_code == HTTPStatus.OK
    assert error_summary(soup, response) == ["You could not be signed up. Please leave the last field empty."]
    assert not NewsletterSubscription.objects.exists()
    assert mail.outbox == []


def test_one_address_may_sign_up_a_few_times_an_hour(client, soup, settings):
    settings.NEWSLETTER_SIGN_UPS_PER_EMAIL = 2
    for network in ("192.0.2.1", "198.51.100.1"):
        assert sign_up(client, address=network).status_code == HTTPStatus.FOUND

    response = sign_up(client, address="203.0.113.1")

    assert response.status_code == HTTPStatus.OK
    assert "several sign-ups" in error_summary(soup, response)[0]
    assert len(mail.outbox) == 2
    assert sign_up(client, "bob@example.com", address="203.0.113.1").status_code == HTTPStatus.FOUND


def test_one_network_address_may_sign_up_a_few_times_an_hour(client, soup, settings):
    settings.NEWSLETTER_SIGN_UPS_PER_IP = 2
    sign_up(client, "ann@example.com")
    sign_up(client, "bob@example.com")

    response = sign_up(client, "cat@example.com")

    assert "several sign-ups" in error_summary(soup, response)[0]
    assert not NewsletterSubscription.objects.filter(email="cat@example.com").exists()
    assert len(mail.outbox) == 2
    assert sign_up(client, "cat@example.com", address="198.51.100.1").status_code == HTTPStatus.FOUND


def test_a_confirmation_link_expires_after_a_week(client, soup):
    sign_up(client)
    confirm_url = link_in(mail.outbox[0], "confirm")
    NewsletterSubscription.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(days=8))

    response = client.post(confirm_url)

    assert response.status_code == HTTPStatus.GONE
    page = soup(response)
    assert "This link no longer works" in page.h1.text
    assert page.find("a", string="Sign up again")["href"] == SIGN_UP_URL
    assert NewsletterSubscription.objects.get().confirmed_at is None
    # Signing up again sends a link that works.
    sign_up(client)
    assert client.post(link_in(mail.outbox[-1], "confirm")).status_code == HTTPStatus.OK
    assert NewsletterSubscription.objects.get().is_subscribed


@pytest.mark.parametrize(
    "url",
    [
        "/newsletter/confirm/not-a-real-token/",
        "/newsletter/unsubscribe/not-a-real-token/",
        "/newsletter/confirm/%00%27/",
        "/newsletter/unsubscribe/" + "x" * 5000 + "/",
    ],
)
def test_forged_tokens_are_not_found(client, url):
    confirmed_subscriber(client)

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url).status_code == HTTPStatus.NOT_FOUND
    assert NewsletterSubscription.objects.get().is_subscribed


@pytest.mark.parametrize(
    ("fields", "field_label"),
    [
        ({"forums": ["999999"]}, "Regional forums"),
        ({"forums": ["99999999999999999999999"]}, "Regional forums"),  # past the database's integers
        ({"forums": ["no-such-forum"]}, "Regional forums"),
        ({"themes": ["1 OR 1=1"]}, "Research themes"),
        ({"name": "x" * 10_000}, "Name"),
        ({"email": "a" * 300 + "@example.com"}, "E-mail address"),
        ({"email": "not an address"}, "E-mail address"),
    ],
)
def test_bad_input_is_a_form_error_and_stores_nothing(client, soup, scotland, fields, field_label):
    response = client.post(SIGN_UP_URL, {"email": "ann@example.com", **fields})

    assert response.status_code == HTTPStatus.OK
    [error] = error_summary(soup, response)
    assert error.startswith(f"{field_label}:")
    assert not NewsletterSubscription.objects.exists()
    assert mail.outbox == []


def test_a_draft_forum_cannot_be_chosen(client, soup, scotland):
    draft = ForumPageFactory(parent=scotland.get_parent(), slug="draft-forum", live=False)

    response = sign_up(client, forums=[draft.slug])

    assert error_summary(soup, response)[0].startswith("Regional forums:")


def test_newsletter_pages_are_never_cached_and_sign_ups_keep_the_page_cache(client, home_page):
    version = page_cache.current_version().key

    response = client.get(SIGN_UP_URL)
    sign_up(client)
    subscription = NewsletterSubscription.objects.get()

    assert "no-store" in response["Cache-Control"]
    assert response.cookies  # the CSRF cookie, as on the contact page
    confirm_url = f"/newsletter/confirm/{subscription.confirmation_token}/"
    for url in (confirm_url, f"/newsletter/unsubscribe/{subscription.token}/"):
        assert "no-store" in client.get(url)["Cache-Control"]
    client.post(confirm_url)
    assert page_cache.current_version().key == version


def test_the_footer_and_the_news_index_link_to_the_sign_up(client, soup, news_index):
    page = soup(client.get(news_index.url))

    assert page.find("footer").find("a", string="Sign up to our newsletter")["href"] == SIGN_UP_URL
    assert page.select_one("main").find("a", string="Sign up to our newsletter")["href"] == SIGN_UP_URL


def test_staff_see_subscribers_filter_them_and_download_them_as_csv(client, staff_editor, scotland, skills):
    subscriber = confirmed_subscriber(client, forums=[scotland.slug], themes=[skills.slug], name="=HYPERLINK(1)")
    sign_up(client, "waiting@example.com")
    client.force_login(staff_editor)

    listing = client.get(ADMIN_URL)
    subscribed = client.get(ADMIN_URL, {"status": "subscribed"})
    of_forum = client.get(ADMIN_URL, {"forums": scotland.slug})
    forged = client.get(ADMIN_URL, {"forums": "99999999999999999999999"})
    searched = client.get(ADMIN_URL, {"q": "waiting@"})
    download = client.get(ADMIN_URL, {"export": "csv"})

    assert listing.status_code == HTTPStatus.OK
    assert forged.status_code == HTTPStatus.OK
    assert b"ann@example.com" in listing.content
    assert b"waiting@example.com" in listing.content
    for response in (subscribed, of_forum):
        assert b"ann@example.com" in response.content
        assert b"waiting@example.com" not in response.content
    assert b"waiting@example.com" in searched.content
    assert b"ann@example.com" not in searched.content
    assert download.status_code == HTTPStatus.OK
    assert 'filename="newsletter-subscriptions.csv"' in download["Content-Disposition"]
    rows = {row["E-mail address"]: row for row in csv.DictReader(io.StringIO(download.getvalue().decode()))}
    assert set(rows) == {"ann@example.com", "waiting@example.com"}
    ann = rows["ann@example.com"]
    assert ann["Status"] == "Subscribed"
    assert ann["Forums"] == scotland.title
    assert ann["Themes"] == skills.title
    assert ann["Name"] == "'=HYPERLINK(1)"  # text, never a formula in a spreadsheet
    assert ann["Confirmed"].startswith(str(subscriber.confirmed_at.year))
    assert rows["waiting@example.com"]["Status"] == "Awaiting confirmation"
    assert client.get(ADMIN_URL, {"export": "xlsx"}).status_code == HTTPStatus.OK
    assert client.get(f"{ADMIN_URL}inspect/{subscriber.pk}/").status_code == HTTPStatus.OK


def menu_urls(client):
    """The admin's sidebar menu is drawn from JSON in the dashboard page."""
    page = client.get("/admin/").content.decode()
    [menu] = re.findall(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S)
    return json.dumps(json.loads(menu))


def assert_refused(response):
    """Wagtail's admin answers a view someone may not use as it does for Form e-mails: back to the dashboard,
    with "Sorry, you do not have permission to access this area." (a 403 to scripts)."""
    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/admin/")


def test_forum_leads_never_see_subscribers(client, staff_editor, scotland):
    subscriber = confirmed_subscriber(client)
    client.force_login(staff_editor)
    assert ADMIN_URL in menu_urls(client)

    client.force_login(scotland.lead.user)

    assert ADMIN_URL not in menu_urls(client)
    for url in (
        ADMIN_URL,
        f"{ADMIN_URL}?export=csv",
        f"{ADMIN_URL}?export=xlsx",
        f"{ADMIN_URL}results/",
        f"{ADMIN_URL}inspect/{subscriber.pk}/",
        f"{ADMIN_URL}delete/{subscriber.pk}/",
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(f"{ADMIN_URL}delete/{subscriber.pk}/"))
    assert NewsletterSubscription.objects.filter(pk=subscriber.pk).exists()


def test_staff_may_delete_a_subscriber_but_neither_add_nor_edit_one(client, staff_editor):
    subscriber = confirmed_subscriber(client)
    client.force_login(staff_editor)

    assert client.get(f"{ADMIN_URL}add/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"{ADMIN_URL}edit/{subscriber.pk}/").status_code == HTTPStatus.NOT_FOUND
    client.post(f"{ADMIN_URL}delete/{subscriber.pk}/")
    assert not NewsletterSubscription.objects.exists()


def test_the_open_data_api_shows_nothing_of_the_newsletter(client, scotland, skills):
    subscriber = confirmed_subscriber(client, name="Ann Subscriber", forums=[scotland.slug], themes=[skills.slug])

    responses = [
        client.get("/api/v2/pages/", {"fields": "*"}),
        client.get(f"/api/v2/pages/{scotland.pk}/"),
        client.get(f"/api/v2/pages/{skills.pk}/"),
        client.get("/api/v2/people/", {"fields": "*"}),
        client.get("/api/v2/pages/", {"search": "ann@example.com"}),
    ]

    for response in responses:
        assert response.status_code == HTTPStatus.OK
        assert b"ann@example.com" not in response.content
        assert b"Ann Subscriber" not in response.content
        assert subscriber.token.encode() not in response.content
        assert b"newsletter" not in response.content.lower()
    assert client.get("/api/v2/pages/", {"fields": "newsletter_subscriptions"}).status_code == HTTPStatus.BAD_REQUEST
    for endpoint in ("newsletter", "newsletter-subscriptions", "subscriptions"):
        assert client.get(f"/api/v2/{endpoint}/").status_code == HTTPStatus.NOT_FOUND


def test_an_issue_goes_to_confirmed_subscribers_each_with_their_own_unsubscribe_link(
    client, queued_email, tmp_path, scotland, wales, skills
):
    ann = confirmed_subscriber(client, "ann@example.com", forums=[scotland.slug])
    bob = confirmed_subscriber(client, "bob@example.com", address="192.0.2.2", themes=[skills.slug])
    confirmed_subscriber(client, "cat@example.com", address="192.0.2.3", forums=[wales.slug])
    everything = confirmed_subscriber(client, "dan@example.com", address="192.0.2.4")
    sign_up(client, "waiting@example.com", address="192.0.2.5")
    gone = confirmed_subscriber(client, "gone@example.com", address="192.0.2.6")
    client.post(f"/newsletter/unsubscribe/{gone.token}/")
    issue = tmp_path / "issue.txt"
    issue.write_text("Scotland's forum meets in Inverness on 18 March.\n", encoding="utf-8")
    mail.outbox.clear()

    call_command(
        "send_newsletter",
        "--subject",
        "Forum news",
        "--text-file",
        issue,
        "--forum",
        "scotland",
        "--theme",
        skills.slug,
    )

    assert sorted(message.to[0] for message in mail.outbox) == [ann.email, bob.email, everything.email]
    for message in mail.outbox:
        [subscription] = [s for s in (ann, bob, everything) if s.email == message.to[0]]
        link = f"http://localhost/newsletter/unsubscribe/{subscription.token}/"
        assert message.subject == "Forum news"
        assert message.body.startswith("Scotland's forum meets in Inverness on 18 March.")
        assert link in message.body
        assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"


def test_an_issue_without_forums_or_themes_goes_to_every_confirmed_subscriber(client, queued_email, tmp_path):
    confirmed_subscriber(client, "ann@example.com")
    sign_up(client, "waiting@example.com", address="192.0.2.5")
    issue = tmp_path / "issue.txt"
    issue.write_text("Our annual review is out.", encoding="utf-8")
    mail.outbox.clear()

    call_command("send_newsletter", "--subject", "Annual review", "--text-file", issue)

    assert [message.to for message in mail.outbox] == [["ann@example.com"]]


def test_an_empty_or_missing_issue_is_refused_and_sends_nothing(client, queued_email, tmp_path):
    confirmed_subscriber(client)
    mail.outbox.clear()
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")

    for path in (empty, tmp_path / "missing.txt"):
        with pytest.raises(CommandError):
            call_command("send_newsletter", "--subject", "Nothing", "--text-file", path)

    assert mail.outbox == []
