import datetime

from django.core.exceptions import ValidationError

import pytest

from institute.models import InstituteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)


def announcement(**fields):
    return InstituteSettings(announcement_text="National Productivity Week", **fields)


@pytest.mark.parametrize(
    ("first", "last", "showing"),
    [
        (None, None, True),
        (TODAY, TODAY, True),
        (TODAY - datetime.timedelta(days=3), TODAY + datetime.timedelta(days=3), True),
        (TODAY + datetime.timedelta(days=1), None, False),
        (None, TODAY - datetime.timedelta(days=1), False),
    ],
)
def test_announcement_shows_only_between_its_first_and_last_day(first, last, showing):
    settings = announcement(announcement_first_day=first, announcement_last_day=last)

    assert settings.announcement_is_showing(today=TODAY) is showing


def test_announcement_without_text_never_shows():
    assert not InstituteSettings().announcement_is_showing(today=TODAY)


def test_last_day_before_first_day_is_a_form_error():
    settings = announcement(announcement_first_day=TODAY, announcement_last_day=TODAY - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        settings.clean()
    assert "announcement_last_day" in error.value.message_dict


def test_strip_disappears_by_itself_after_its_last_day(client, site, soup):
    settings = InstituteSettings.for_site(site)
    settings.announcement_text = "National Productivity Week 27th November 2023"
    settings.announcement_last_day = datetime.date(2023, 12, 1)
    settings.save()
    assert not soup(client.get("/")).select(".announcement")

    settings.announcement_last_day = None
    settings.save()
    assert "National Productivity Week" in soup(client.get("/")).select_one(".announcement").text


def test_header_and_footer_come_from_the_settings(client, site, home_page, soup):
    accessibility = StandardPageFactory(parent=home_page, title="Accessibility statement", slug="accessibility")
    settings = InstituteSettings.for_site(site)
    settings.organisation_name = "The Productivity Institute"
    settings.tagline = "Productivity for business, people and places"
    settings.contact_email = "enquiries@productivity.example"
    settings.postal_address = "1 Example Street\n\nManchester"
    settings.linkedin_url = "https://www.linkedin.com/company/example"
    settings.footer_links = [("link", {"text": "Accessibility", "page": accessibility, "url": ""})]
    settings.save()

    page = soup(client.get("/"))

    assert page.select_one(".site-header__tagline").text == "Productivity for business, people and places"
    footer = page.find("footer")
    assert footer.find("a", href="mailto:enquiries@productivity.example")
    assert [line.strip() for line in footer.address.stripped_strings][:2] == ["1 Example Street", "Manchester"]
    assert footer.find("a", string="LinkedIn")["href"] == "https://www.linkedin.com/company/example"
    assert footer.find("a", string="Sign up to our newsletter")
    assert footer.find("a", string="Accessibility")["href"] == "/accessibility/"


def test_footer_leaves_out_what_is_not_set(client, site, soup):
    footer = soup(client.get("/")).find("footer")

    assert "Follow us" not in footer.text
    assert not footer.find("address")
