from http import HTTPStatus

from wagtail import blocks
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from institute.blocks import ChartBlock
from institute.charts import ChartDataError, chart_geometry, nice_ticks, parse_chart_csv
from institute.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TWO_NATIONS = "Year,Wales,Scotland\n2021,31.2,33.50\n2022,-2,34\n2023,33.8,35.9\n"
REGIONS = [
    "Scotland",
    "London and the South",
    "Yorkshire, Humber and North East",
    "Midlands",
    "North West",
    "Wales",
    "Northern Ireland",
    "East Anglia",
    "UK",
]
REGIONAL_OUTPUT = [96, 128, 87, 89, 90, 84, 83, 95, 100]


def regional_csv(*series):
    """The nine regions, with one column of values per series."""
    header = ",".join(["Region", *(name for name, _ in series)])
    rows = [
        ",".join([f'"{region}"', *(str(values[index]) for _, values in series)]) for index, region in enumerate(REGIONS)
    ]
    return "\n".join([header, *rows])


def chart_value(data=TWO_NATIONS, chart_type="bar", **fields):
    return {
        "title": "Output per hour",
        "chart_type": chart_type,
        "data": data,
        "y_axis_label": "",
        "source": "",
    } | fields


def render(value):
    block = ChartBlock()
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


# ---- Parsing -------------------------------------------------------------------------------------------------------


def test_parses_one_series():
    data = parse_chart_csv("Region,Output\nWales,84\nScotland,91.5")

    assert data.label_heading == "Region"
    assert data.labels == ["Wales", "Scotland"]
    assert [(series.name, series.values) for series in data.series] == [("Output", [84, 91.5])]


def test_parses_several_series_and_shows_values_as_typed():
    data = parse_chart_csv(TWO_NATIONS)

    assert [series.name for series in data.series] == ["Wales", "Scotland"]
    assert data.series[0].values == [31.2, -2, 33.8]
    assert data.rows == [
        ("2021", ["31.2", "33.50"]),
        ("2022", ["\N{MINUS SIGN}2.0", "34.00"]),
        ("2023", ["33.8", "35.90"]),
    ]


def test_reads_cells_pasted_from_a_spreadsheet_and_skips_blank_lines():
    data = parse_chart_csv("\nYear\tWales\n\n 2022 \t 1234.5 \n\t\n")

    assert data.labels == ["2022"]
    assert data.series[0].values == [1234.5]
    assert data.rows == [("2022", ["1,234.5"])]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the data: a header row, then one row per category."),
        ("Year\n2022", "The header row needs at least two columns"),
        ("Year,Wales\n", "Add at least one data row below the header row."),
        ("Year,\n2022,1", "Column 2 of the header row is empty"),
        ("Year,Wales\n2022,abc", 'Row 2, column "Wales": "abc" is not a number.'),
        ("Year,Wales\n2022,12%", 'Row 2, column "Wales": "12%" is not a number.'),
        ("Year,Wales\n2022,1e5", 'Row 2, column "Wales": "1e5" is not a number.'),
        ("Year,Wales,Scotland\n2022,1,", 'Row 2, column "Scotland" is empty'),
        ("Year,Wales\n\n2022,1\n2023,x", 'Row 4, column "Wales"'),
        ("Year,Wales,Scotland\n2022,1,2\n2023,3", "Row 3 has 2 cells, but the header row has 3."),
        ("Year,Wales\n2022,1,234", "Write numbers without thousands separators: 1234, not 1,234."),
        ("Year,Wales\n,1", "Row 2 has no label in its first column."),
        ('Year,Wales\n"2022,1', "Row 2 could not be read"),
        ("Year,Wales\n2022,1000000000000000", "is too large for a chart"),
        ("Year,A,B,C,D,E,F,G\n2022,1,2,3,4,5,6,7", "at most 6 series (value columns); this has 7."),
        ("Year,Wales\n" + "2022,1\n" * 61, "at most 60 data rows; this has 61."),
    ],
)
def test_bad_csv_says_what_is_wrong_and_where(text, message):
    with pytest.raises(ChartDataError) as error:
        parse_chart_csv(text)

    assert message in str(error.value)


# ---- Geometry ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (0, 37, [0, 10, 20, 30, 40]),
        (98, 104, [98, 100, 102, 104]),
        (-3, 10, [-5, 0, 5, 10]),
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    ],
)
def test_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high)[0] == pytest.approx(ticks)


@pytest.mark.parametrize("high", [0.7, 1, 3.3, 9.99, 12, 55, 101, 999, 123456])
def test_nice_ticks_give_four_to_six_round_ticks_covering_the_data(high):
    ticks, _ = nice_ticks(-high / 3, high)

    assert 4 <= len(ticks) <= 6
    assert ticks[0] <= -high / 3 and ticks[-1] >= high


def test_bars_stand_on_zero_inside_the_plot_with_heights_in_proportion():
    chart = chart_geometry(parse_chart_csv("Region,Output\nA,10\nB,20\nC,5"), "bar")
    plot, bars = chart.plot, chart.series[0].bars
    zero = next(tick for tick in chart.ticks if tick.label.text == "0")

    assert len(bars) == 3
    for bar in bars:
        assert plot.x <= bar.x and bar.right <= plot.right
        assert plot.y <= bar.y and bar.bottom == pytest.approx(zero.y1)
    assert bars[1].height == pytest.approx(2 * bars[0].height, abs=0.02)
    assert bars[2].height == pytest.approx(bars[0].height / 2, abs=0.02)
    assert [bar.title for bar in bars] == ["Output, A: 10", "Output, B: 20", "Output, C: 5"]


def test_grouped_bars_do_not_overlap_and_negative_bars_hang_below_zero():
    chart = chart_geometry(parse_chart_csv(TWO_NATIONS), "bar", y_axis_label="£")
    wales, scotland = chart.series
    zero = next(tick for tick in chart.ticks if tick.label.text == "0")

    assert [tick.label.text for tick in chart.ticks if tick.strong] == ["\N{MINUS SIGN}10", "0"]
    assert all(w.right < s.x for w, s in zip(wales.bars, scotland.bars, strict=True))
    assert wales.bars[1].y == pytest.approx(zero.y1)
    assert wales.bars[1].bottom > zero.y1
    assert wales.bars[1].bottom <= chart.plot.bottom
    assert chart.y_axis_label.text == "£"


def test_all_zero_data_draws_flat_bars_on_an_axis_from_zero_to_one():
    chart = chart_geometry(parse_chart_csv("Year,Wales\n2022,0\n2023,0"), "bar")

    assert [tick.label.text for tick in chart.ticks] == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
    assert [bar.height for bar in chart.series[0].bars] == [0, 0]


def test_line_chart_has_one_point_and_marker_per_row_and_series_differ_without_colour():
    chart = chart_geometry(parse_chart_csv(TWO_NATIONS), "line")
    wales, scotland = chart.series

    points = [tuple(map(float, point.split(","))) for point in wales.points.split()]
    assert len(points) == 3 and len(wales.markers) == 3
    assert all(chart.plot.x < x < chart.plot.right and chart.plot.y <= y <= chart.plot.bottom for x, y in points)
    assert wales.bars == [] and wales.swatch.marker != scotland.swatch.marker


def test_bar_series_are_told_apart_by_hatching_as_well_as_colour():
    chart = chart_geometry(parse_chart_csv("Year,A,B,C,D,E,F\n2022,1,2,3,4,5,6"), "bar")
    swatches = [series.swatch.hatch for series in chart.series]

    assert swatches[0] == swatches[2] == ""  # solid and hollow
    assert len({swatches[1], swatches[3], swatches[4], swatches[5]}) == 4


def test_crowded_axis_labels_every_category_turned_upright_without_overlap():
    text = "Month,Output\n" + "\n".join(f"Month {month},{month}" for month in range(60))
    chart = chart_geometry(parse_chart_csv(text), "line")

    assert [label.text for label in chart.category_labels] == [f"Month {month}" for month in range(60)]
    assert {label.angle for label in chart.category_labels} == {-90}
    xs = [label.x for label in chart.category_labels]
    assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 16  # a line's height apart
    assert all(label.y > chart.plot.bottom for label in chart.category_labels)
    assert len(chart.series[0].markers) == 60


def test_bars_whose_labels_would_be_turned_lie_on_their_side_one_row_per_category():
    chart = chart_geometry(parse_chart_csv(regional_csv(("Output", REGIONAL_OUTPUT))), "bar", y_axis_label="UK = 100")
    plot, bars, labels = chart.plot, chart.series[0].bars, chart.category_labels
    zero = next(tick for tick in chart.ticks if tick.label and tick.label.text == "0")

    assert chart.orientation == "horizontal"
    assert chart.width == 320  # so its 14-unit text is 14px in a phone's column
    assert [label.text for label in labels] == REGIONS
    assert labels[2].lines == ("Yorkshire, Humber", "and North East")
    assert {label.angle for label in labels} == {0}
    for label, bar in zip(labels, bars, strict=True):
        # Every line fits left of the plot, and the label is centred on its row.
        assert max(len(line) for line in label.lines) * 8 <= label.x < plot.x <= bar.x
        middle_line = label.y + (len(label.lines) - 1) * 16 / 2
        assert middle_line == pytest.approx(bar.y + bar.height / 2)
    for above, below in zip(labels, labels[1:], strict=False):
        assert above.positioned_lines[-1][0] + 16 <= below.y
    # Bars grow right from the zero line, as long as their values say, and the rows keep apart.
    assert zero.x1 == zero.x2 == plot.x and (zero.y1, zero.y2) == (plot.y, plot.bottom)
    assert all(bar.x == plot.x and bar.right <= plot.right for bar in bars)
    assert [bar.width / value for bar, value in zip(bars, REGIONAL_OUTPUT, strict=True)] == pytest.approx(
        [bars[0].width / REGIONAL_OUTPUT[0]] * 9, abs=0.001
    )
    assert max(bars, key=lambda bar: bar.width).title == "Output, London and the South: 128"
    assert all(above.bottom < below.y for above, below in zip(bars, bars[1:], strict=False))
    # The values are marked above the plot, below the label saying what they are.
    assert [tick.label.text for tick in chart.ticks] == ["0", "50", "100", "150"]
    assert all(chart.y_axis_label.y < tick.label.y < plot.y for tick in chart.ticks)


def test_horizontal_bars_of_several_series_stand_together_in_each_row_in_the_legend_order():
    data = parse_chart_csv(regional_csv(("2022", REGIONAL_OUTPUT), ("2023", [value + 1 for value in REGIONAL_OUTPUT])))
    chart = chart_geometry(data, "bar")
    earlier, later = chart.series

    assert chart.orientation == "horizontal"
    rows = list(zip(earlier.bars, later.bars, chart.category_labels, strict=True))
    for first, second, label in rows:
        assert first.bottom <= second.y and first.height == second.height
        middle_line = label.y + (len(label.lines) - 1) * 16 / 2
        assert (first.y + second.bottom) / 2 == pytest.approx(middle_line)
    assert all(row[1].bottom < next_row[0].y for row, next_row in zip(rows, rows[1:], strict=False))
    assert later.bars[1].width > earlier.bars[1].width
    assert earlier.hatch == "" and later.hatch  # told apart by hatching as vertical bars are


def test_bars_whose_labels_fit_under_them_stay_upright():
    chart = chart_geometry(parse_chart_csv("Year,Output\n2020,1\n2021,2\n2022,3\n2023,4\n2024,5"), "bar")

    assert chart.orientation == "vertical"
    assert [label.lines for label in chart.category_labels] == [(str(year),) for year in range(2020, 2025)]
    assert all(label.y > chart.plot.bottom and label.angle == 0 for label in chart.category_labels)


def test_a_label_needing_more_than_three_lines_under_its_bar_lays_the_bars_on_their_side():
    data = parse_chart_csv('Region,Output\n"Yorkshire and the Humber, North East and Cumbria",1\nWales,2\nUK,3')

    assert chart_geometry(data, "bar").orientation == "horizontal"
    line = chart_geometry(data, "line")
    assert line.orientation == "vertical" and len(line.category_labels[0].lines) > 3  # lines keep wrapping


def test_horizontal_value_labels_never_overlap_however_long():
    data = parse_chart_csv(regional_csv(("Output", [value * 10_000_000 for value in REGIONAL_OUTPUT])))
    chart = chart_geometry(data, "bar")
    labelled = [tick for tick in chart.ticks if tick.label]

    assert chart.orientation == "horizontal" and len(labelled) >= 2
    assert "0" in [tick.label.text for tick in labelled]
    widest = max(len(tick.label.text) for tick in labelled) * 8
    assert all(b.x1 - a.x1 >= widest for a, b in zip(labelled, labelled[1:], strict=False))
    assert labelled[-1].x1 + widest / 2 <= chart.width


def test_a_long_word_is_never_broken_and_widens_the_chart_rather_than_squeezing_the_bars():
    word = "Supercalifragilisticexpialidocious"
    chart = chart_geometry(parse_chart_csv(f"Region,Output\n{word} region,1\nWales,2"), "bar")

    assert chart.orientation == "horizontal"
    assert chart.category_labels[0].lines == (word, "region")
    assert chart.plot.width >= 120 and chart.width > 320


def test_extreme_values_still_leave_room_to_plot():
    chart = chart_geometry(parse_chart_csv("Year,A\n2022,-999999999999999\n2023,0.000000001"), "bar")

    assert chart.plot.width > 100 and chart.plot.height > 100


# ---- The block -----------------------------------------------------------------------------------------------------


def test_clean_puts_bad_csv_errors_on_the_data_field():
    block = ChartBlock()

    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(block.to_python(chart_value(data="Year,Wales\n2022,lots")))

    assert list(error.value.block_errors) == ["data"]
    assert 'Row 2, column "Wales": "lots" is not a number.' in error.value.block_errors["data"].messages[0]


def test_clean_accepts_good_csv():
    block = ChartBlock()

    assert block.clean(block.to_python(chart_value()))["data"] == TWO_NATIONS.strip()


def test_a_draft_may_leave_the_data_empty_but_a_published_chart_may_not():
    block = ChartBlock()
    value = block.to_python(chart_value(data="", title=""))

    assert block.clean_deferred(value)["data"] == ""
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)


def test_renders_an_accessible_bar_chart_with_its_table():
    html = render(chart_value(y_axis_label="Output per hour (£)", source="ONS, illustrative demo figures"))
    svg = html.select_one("figure.block-chart svg")

    assert svg["role"] == "img"
    assert html.find(id=svg["aria-labelledby"]).name == "title"
    assert html.find(id=svg["aria-labelledby"]).text == "Output per hour"
    assert html.find(id=svg["aria-describedby"]).text.startswith(
        "Bar chart of 2 series over 3 categories, 2021 to 2023"
    )
    assert len(svg.select("rect.block-chart__bar")) == 6
    assert not svg.select("polyline")
    assert html.figcaption.get_text(" ", strip=True) == "Output per hour Source: ONS, illustrative demo figures"
    assert [item.get_text(strip=True) for item in html.select(".block-chart__legend li")] == ["Wales", "Scotland"]

    table = html.select_one(".block-chart__data table")
    assert table.caption.get_text(" ", strip=True) == "Figures for Output per hour (Output per hour (£))"
    assert [th.text for th in table.select("thead th[scope=col]")] == ["Year", "Wales", "Scotland"]
    assert [th.text for th in table.select("tbody th[scope=row]")] == ["2021", "2022", "2023"]
    assert [td.text for td in table.select("tbody tr")[1].select("td")] == ["\N{MINUS SIGN}2.0", "34.00"]
    assert not html.select("[style]")


def test_renders_a_line_chart_and_a_single_series_without_legend():
    html = render(chart_value(data="Year,Wales\n2022,1\n2023,2", chart_type="line"))

    assert len(html.select("svg polyline.block-chart__line")) == 1
    assert len(html.select("svg path.block-chart__marker")) == 2
    assert not html.select("svg rect")
    assert not html.select(".block-chart__legend")


def test_a_page_draws_long_labelled_bars_on_their_side_with_every_label_in_full(client, soup, home_page):
    csv = regional_csv(("Output per hour (UK = 100)", REGIONAL_OUTPUT))
    StandardPageFactory(parent=home_page, slug="regions", body=[("chart", chart_value(data=csv, y_axis_label="£"))])

    figure = soup(client.get("/regions/")).select_one("main figure.block-chart")
    svg = figure.svg

    assert "block-chart__svg--horizontal" in svg["class"]
    labels = svg.select("text.block-chart__category")
    assert [label.get_text(" ") for label in labels] == REGIONS
    assert [tspan.text for tspan in labels[2].select("tspan")] == ["Yorkshire, Humber", "and North East"]
    assert not svg.select("[transform]")  # nothing to tilt one's head for
    widths = [float(bar["width"]) for bar in svg.select("rect.block-chart__bar")]
    assert [width / value for width, value in zip(widths, REGIONAL_OUTPUT, strict=True)] == pytest.approx(
        [widths[0] / REGIONAL_OUTPUT[0]] * 9, abs=0.001
    )
    longest = svg.select("rect.block-chart__bar")[widths.index(max(widths))]
    assert longest.title.text == "Output per hour (UK = 100), London and the South: 128"
    assert [th.text for th in figure.select(".block-chart__data tbody th")] == REGIONS


def test_each_chart_has_its_own_ids():
    ids = [render(chart_value()).svg["aria-labelledby"] for _ in range(2)]

    assert ids[0] != ids[1]


@pytest.mark.parametrize("data", ["", "not, a, chart\nat all", "Year,Wales\n2022,n/a"])
def test_stored_data_that_is_not_a_chart_renders_nothing(data):
    assert render(chart_value(data=data)).get_text(strip=True) == ""


def test_an_unknown_stored_chart_type_draws_bars():
    assert render(chart_value(chart_type="pie")).select("rect.block-chart__bar")


# ---- Editing -------------------------------------------------------------------------------------------------------


def edit_form(page, chart):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("chart", chart)]),
            "action-publish": "publish",
        }
    )


def test_editor_sees_bad_csv_as_a_form_error_and_the_page_is_unchanged(admin_client, home_page):
    page = StandardPageFactory(parent=home_page, slug="figures")

    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, chart_value(data="Year,Wales,Scotland\n2022,1,2\n2023,3"))
    )

    assert response.status_code == HTTPStatus.OK
    assert "Row 3 has 2 cells, but the header row has 3." in response.content.decode()
    page.refresh_from_db()
    assert [block.block_type for block in page.body] == ["rich_text"]


def test_editor_publishes_a_chart_that_visitors_see(admin_client, home_page, client, soup):
    page = StandardPageFactory(parent=home_page, slug="figures")

    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, chart_value(chart_type="line")))

    assert response.status_code == HTTPStatus.FOUND
    assert StandardPage.objects.get(pk=page.pk).body[0].block_type == "chart"
    chart = soup(client.get("/figures/")).select_one("main figure.block-chart")
    assert chart.select_one("svg[role=img] title").text == "Output per hour"
    assert len(chart.select("svg[role=img] polyline.block-chart__line")) == 2
    assert [th.text for th in chart.select("tbody th")] == ["2021", "2022", "2023"]
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == HTTPStatus.OK
