"""Issue 12 on a phone, as HTML: folded filters with the filters in use and the count above the results, the calendar
as a list of days, charts that label every category, a print stylesheet, the contact form's autocomplete, required
markers and error summary, one demonstration note, and a menu button in the HTML from the start."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

import pytest

from forums.demo import FORUMS
from tests.events.conftest import uk
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PeopleIndexPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    ResearchIndexPageFactory,
    ResearchThemePageFactory,
    StandardPageFactory,
)
from tests.institute.test_chart_block import chart_value
from tests.news.conftest import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

STYLESHEET = Path(settings.BASE_DIR) / "institute/static/institute/css/site.css"
REGIONS = [forum.region for forum in FORUMS] + ["UK"]


@pytest.fixture
def publications(home_page):
    research = ResearchIndexPageFactory(parent=home_page)
    publication_index = PublicationIndexPageFactory(parent=research)
    theme = ResearchThemePageFactory(parent=research, title="Skills", slug="skills")
    for _ in range(3):
        report = PublicationPageFactory(parent=publication_index, publication_type="report")
        report.themes.add(theme)
        report.save()
    PublicationPageFactory(parent=publication_index, publication_type="working-paper")
    return publication_index


def test_filters_fold_into_a_disclosure_with_the_filters_in_use_and_the_count_above_the_results(
    client, soup, publications
):
    page = soup(client.get("/research/publications/?theme=skills&type=report&page=1"))

    disclosure = page.select_one("details.filters-disclosure")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert disclosure.select_one("summary").get_text(" ", strip=True) == "Filter the list (2 in use)"
    assert disclosure.select_one("form.filters select#id_theme")
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".active-filters a")}
    assert set(links) == {"Remove Theme: Skills ×", "Remove Type: Report ×", "Clear filters"}
    assert parse_qs(urlsplit(links["Remove Theme: Skills ×"]).query) == {"type": ["report"]}
    assert parse_qs(urlsplit(links["Remove Type: Report ×"]).query) == {"theme": ["skills"]}
    count = page.select_one(".listing-count")
    assert count.text.split() == ["3", "publications", "match", "your", "filters"]
    assert not count.find_parent("details")
    # Filters in use, then the count, then the first result, all after the folded filters.
    elements = page.select("details.filters-disclosure, .active-filters, .listing-count, li")
    names = [element.get("class", [""])[0] for element in elements]
    assert names.index("filters-disclosure") < names.index("active-filters") < names.index("listing-count")
    assert names.index("listing-count") < names.index("publication-list__item")


def test_filters_open_by_themselves_when_a_value_is_ignored(client, soup, publications):
    page = soup(client.get("/research/publications/?theme=nonsense"))

    assert page.select_one("details.filters-disclosure").has_attr("open")
    assert [a.text for a in page.select(".active-filters a")] == ["Clear filters"]
    assert page.select_one(".listing-count").text.split() == ["4", "publications"]


@pytest.mark.parametrize(
    ("url", "noun"), [("/events/", "upcoming events"), ("/news/", "news items"), ("/people/", "people")]
)
def test_every_listing_counts_its_results_with_the_same_piece(client, soup, home_page, url, noun):
    EventIndexPageFactory(parent=home_page, slug="events")
    NewsIndexPageFactory(parent=home_page, slug="news")
    PeopleIndexPageFactory(parent=home_page, slug="people")

    page = soup(client.get(url))

    assert page.select_one("details.filters-disclosure form.filters")
    assert " ".join(page.select_one("h2.listing-count").text.split()) == f"0 {noun}"


@pytest.fixture
def calendar_month(home_page):
    index = EventIndexPageFactory(parent=home_page, slug="events")
    EventPageFactory(parent=index, title="Launch", starts_at=uk(2023, 11, 7, 9, 30), ends_at=uk(2023, 11, 7, 16))
    EventPageFactory(
        parent=index, title="Week", starts_at=uk(2023, 11, 27, 9), ends_at=uk(2023, 11, 28, 17), is_all_day=True
    )
    return index


def test_calendar_lists_the_days_with_events_for_narrow_screens_as_well_as_the_grid(client, soup, calendar_month):
    page = soup(client.get("/events/calendar/2023/11/"))

    days = page.select_one("section.calendar-days")
    assert days.select_one("h2").text == "Events in November 2023, by day (UK time)"
    assert [h3.time["datetime"] for h3 in days.select("h3.calendar-days__date")] == [
        "2023-11-07",
        "2023-11-27",
        "2023-11-28",
    ]
    assert [h3.text for h3 in days.select("h3")][0] == "Tuesday 7 November"
    events = [a.get_text(" ", strip=True) for a in days.select(".calendar__events a")]
    assert events == ["9:30am Launch", "Week", "Week"]
    assert page.select_one("table.calendar caption").text == "Events in November 2023, by day (UK time)"
    css = STYLESHEET.read_text()
    assert ".calendar-wrapper { display: none; }" in css
    assert re.search(r"@media \(min-width: 40rem\) \{\s*\.calendar-days \{ display: none; \}", css)


def test_a_month_without_events_says_so_in_the_list(client, soup, calendar_month):
    page = soup(client.get("/events/calendar/2023/12/"))

    assert "No events this month." in page.select_one("section.calendar-days").text


def test_charts_label_every_category_in_text_of_14px_on_a_phone(client, soup, home_page):
    csv = "Region,Output per hour (UK = 100)\n" + "\n".join(f'"{region}",{90 + n}' for n, region in enumerate(REGIONS))
    StandardPageFactory(
        parent=home_page, slug="chart", body=[("chart", chart_value(title="Output by region", data=csv))]
    )

    svg = soup(client.get("/chart/")).select_one("svg.block-chart__svg")

    labels = [text.get_text(" ") for text in svg.select("text.block-chart__category")]
    assert labels == REGIONS  # all nine, each in full (over its lines) left of its horizontal bar
    assert "Yorkshire, Humber and North East" in labels
    view_box_width = float(svg["viewbox"].split()[2])
    phone_column = 375 - 2 * 17  # the container's padding at 375px
    assert 14 * phone_column / view_box_width >= 14


def test_chart_labels_that_fit_wrap_after_words_never_inside_them(client, soup, home_page):
    csv = 'Region,Output\n"Yorkshire, Humber",90\nWales,80'
    StandardPageFactory(parent=home_page, slug="chart", body=[("chart", chart_value(data=csv))])

    svg = soup(client.get("/chart/")).select_one("svg.block-chart__svg")

    assert [line.text for line in svg.select("text.block-chart__category tspan")] == ["Yorkshire,", "Humber", "Wales"]


def test_print_stylesheet_leaves_out_the_site_around_the_content_and_prints_link_addresses():
    css = STYLESHEET.read_text()
    print_rules = css[css.index("@media print") :]

    hidden = print_rules[: print_rules.index("{ display: none !important; }")]
    for selector in [".site-header", ".main-nav", ".site-footer", ".forum-hero", ".button", ".filters-disclosure"]:
        assert selector in hidden
    assert ".pagination" in hidden
    assert 'a[href^="http"]::after { content: " (" attr(href) ")";' in print_rules
    assert re.search(r"\.event-facts, \.programme, \.programme__session \{ break-inside: avoid; \}", print_rules)


def test_contact_form_fills_in_name_and_email_and_marks_required_fields(client, soup, contact_page):
    page = soup(client.get("/contact/"))

    assert page.select_one("input[name=your_name]")["autocomplete"] == "name"
    assert page.select_one("input[name=your_email]")["autocomplete"] == "email"
    for name in ["your_name", "your_email", "your_message"]:
        field = page.select_one(f"[name={name}]")
        assert field.has_attr("required")
        assert page.select_one(f"label[for={field['id']}]").select_one(".form-label__required").text == "(required)"


def test_after_a_failed_send_the_error_summary_can_take_the_focus(client, soup, contact_page):
    page = soup(client.post("/contact/", {"your_name": "", "your_email": "nope", "your_message": ""}))

    summary = page.select_one(".error-summary")
    assert summary["tabindex"] == "-1"
    script = (Path(settings.BASE_DIR) / "institute/static/institute/js/site.js").read_text()
    assert 'document.querySelector(".error-summary")' in script and "summary.focus()" in script


@pytest.mark.parametrize("shown", [True, False])
def test_one_demonstration_note_in_the_footer_when_the_setting_asks(client, soup, home_page, settings, shown):
    settings.SHOW_DEMONSTRATION_NOTE = shown

    page = soup(client.get("/"))

    notes = page.select(".site-footer .site-footer__demonstration")
    expected = ["This is a demonstration site: the people, events and figures are illustrative."] if shown else []
    assert [note.text for note in notes] == expected


def test_the_demonstration_note_is_on_in_development_and_off_by_default_elsewhere():
    from institute.settings import base, dev

    assert dev.SHOW_DEMONSTRATION_NOTE is True
    assert base.SHOW_DEMONSTRATION_NOTE is False


def test_the_menu_buttons_are_in_the_html_before_any_script_runs(client, soup, home_page):
    StandardPageFactory(parent=home_page, slug="about", show_in_menus=True)

    page = soup(client.get("/"))

    toggle = page.select_one(".main-nav button.nav-toggle")
    assert toggle is not None and not toggle.has_attr("hidden")
    css = STYLESHEET.read_text()
    assert "html:not(.js) .nav-toggle { display: none; }" in css
    assert ".nav-toggle[hidden]" not in css
