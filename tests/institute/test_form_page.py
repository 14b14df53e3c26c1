import smtplib
from http import HTTPStatus

from django.core import mail
from django.test import Client

import pytest

from institute.forms import SPAM_TRAP_FIELD
from tests.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page):
    page = FormPageFactory(parent=home_page, slug="contact")
    FormFieldFactory(page=page, label="Your name", field_type="singleline")
    FormFieldFactory(page=page, label="Your email", field_type="email")
    FormFieldFactory(page=page, label="Your message", field_type="multiline")
    return page


def valid_message(**changes):
    return {"your_name": "Ada Price", "your_email": "ada@example.com", "your_message": "Hello.", **changes}


def test_form_page_shows_a_labelled_field_for_each_form_field(client, contact_page, soup):
    response = client.get("/contact/")

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.h1.text == "Contact us"
    form = page.find("form", class_="form")
    for name, label in [("your_name", "Your name"), ("your_email", "Your email"), ("your_message", "Your message")]:
        field = form.find(attrs={"name": name})
        assert field.has_attr("required")
        assert form.find("label", attrs={"for": field["id"]}).text.strip() == label
    trap = form.find("input", attrs={"name": SPAM_TRAP_FIELD})
    assert trap["tabindex"] == "-1" and trap.find_parent(class_="form-trap")


def test_sending_the_form_stores_and_emails_the_message(client, contact_page, soup):
    response = client.post("/contact/", valid_message())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/contact/?sent"
    thank_you = client.get(response["Location"])
    assert soup(thank_you).h1.text == "Thank you"
    assert "we will reply soon" in soup(thank_you).select_one("[role=status]").text
    client.get(response["Location"])  # reloading the thank-you page sends nothing again
    submission = contact_page.get_submissions().get()
    assert submission.get_data()["your_email"] == "ada@example.com"
    assert SPAM_TRAP_FIELD not in submission.form_data
    [email] = mail.outbox
    assert email.to == ["enquiries@productivity.example"]
    assert "Your message: Hello." in email.body
    assert "Leave this field empty" not in email.body


def test_a_mail_server_failure_still_keeps_the_message(client, contact_page, monkeypatch):
    def mail_server_down(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "try later")

    monkeypatch.setattr("wagtail.contrib.forms.models.send_mail", mail_server_down)

    response = client.post("/contact/", valid_message())

    assert response.status_code == HTTPStatus.FOUND
    assert contact_page.get_submissions().count() == 1


def test_error_summary_links_to_radio_buttons(client, contact_page, soup):
    FormFieldFactory(page=contact_page, label="Reply by", field_type="radio", choices="E-mail\nPhone")

    page = soup(client.post("/contact/", valid_message()))

    link = page.select_one(".error-summary a")
    assert link.text == "Reply by: This field is required."
    assert page.find(id=link["href"].removeprefix("#"))["type"] == "radio"


def test_missing_and_malformed_fields_are_form_errors(client, contact_page, soup):
    response = client.post("/contact/", valid_message(your_name="", your_email="not-an-email"))

    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    assert page.title.text.startswith("Error: ")
    summary = [link.text for link in page.select(".error-summary a")]
    assert summary == ["Your name: This field is required.", "Your email: Enter a valid email address."]
    assert page.select_one(".error-summary a")["href"] == "#id_your_name"
    assert not contact_page.get_submissions().exists()
    assert mail.outbox == []


def test_robots_filling_the_spam_trap_send_nothing(client, contact_page, soup):
    response = client.post("/contact/", valid_message(**{SPAM_TRAP_FIELD: "http://spam.example"}))

    assert response.status_code == HTTPStatus.OK
    assert "leave the last field empty" in soup(response).select_one(".error-summary").text
    assert not contact_page.get_submissions().exists()
    assert mail.outbox == []


def test_forged_post_without_csrf_token_is_refused(contact_page):
    response = Client(enforce_csrf_checks=True).post("/contact/", valid_message())

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not contact_page.get_submissions().exists()


def test_form_page_lives_under_the_home_page(home_page):
    from institute.models import FormPage, HomePage, StandardPage

    assert FormPage.allowed_parent_page_models() == [HomePage, StandardPage]
    assert FormPage.allowed_subpage_models() == []
