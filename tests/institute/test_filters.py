"""What every listing's filters share (institute/filters.py), through the people directory and the events listing."""

from http import HTTPStatus

import pytest

from tests.factories import EventIndexPageFactory, InstitutionFactory, PeopleIndexPageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home_page):
    PeopleIndexPageFactory(parent=home_page)
    glasgow = InstitutionFactory(name="University of Glasgow", slug="glasgow")
    PersonFactory(name="Alasdair Munro", organisation=glasgow)
    PersonFactory(name="Sam Office", organisation=glasgow, is_staff_member=True)
    PersonFactory(name="Rhian Pritchard", organisation=None, is_staff_member=True)


def directory(client, soup, query):
    """The people listed, the filters the notice names as ignored, and those the form shows as chosen."""
    response = client.get(f"/people/?{query}")
    assert response.status_code == HTTPStatus.OK
    page = soup(response)
    notice = page.select_one(".notice")
    return (
        [a.text for a in page.select(".person-card__name a")],
        notice and [item.text for item in notice.select("li")],
        {
            select["name"]: option["value"]
            for select in page.select("form.filters select")
            for option in select.select('option[selected]:not([value=""])')
        },
    )


@pytest.mark.parametrize(
    "query", ["page=1&utm_source=newsletter&role=staff", "role=staff&institution=", "q=x&role=staff"]
)
def test_only_the_filters_own_parameters_count(client, soup, people, query):
    """Other parameters (the page, a campaign tag) and empty values are neither applied nor reported."""
    assert directory(client, soup, query) == (["Rhian Pritchard", "Sam Office"], None, {"role": "staff"})


def test_an_invalid_value_is_named_and_the_valid_filters_still_apply(client, soup, people):
    assert directory(client, soup, "institution=hogwarts&role=staff") == (
        ["Rhian Pritchard", "Sam Office"],
        ["Institution: “hogwarts”"],
        {"role": "staff"},
    )
    assert directory(client, soup, "institution=glasgow&role=wizard") == (
        ["Alasdair Munro", "Sam Office"],
        ["Role: “wizard”"],
        {"institution": "glasgow"},
    )


def test_an_invalid_filter_is_described_by_its_line_in_the_notice(client, soup, people):
    page = soup(client.get("/people/?role=wizard"))

    described_by = page.find("select", attrs={"name": "role"})["aria-describedby"]
    assert page.find(id=described_by).text == "Role: “wizard”"


def test_the_notice_repeats_only_the_printable_part_of_a_value(client, soup, people):
    _, ignored, _ = directory(client, soup, "role=%1B%5B31mwiz%00ard%0A")

    assert ignored == ["Role: “[31mwizard”"]


def test_the_last_of_a_repeated_parameter_counts(client, soup, people):
    assert directory(client, soup, "role=wizard&role=staff") == (
        ["Rhian Pritchard", "Sam Office"],
        None,
        {"role": "staff"},
    )


def test_a_month_with_a_line_break_is_not_a_month(client, soup, home_page):
    """A value counts only when it is exactly one of the choices: "2026-07\\n" is reported, not read as July."""
    EventIndexPageFactory(parent=home_page)

    page = soup(client.get("/events/?month=2026-07%0A"))

    assert [item.text for item in page.select(".notice li")] == ["Month: “2026-07”"]
    assert not page.select('#id_month option[selected]:not([value=""])')
