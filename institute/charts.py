"""Charts drawn on the server: CSV text read into series, and the geometry of an SVG bar or line chart.

The template only loops over what `chart_geometry` returns and prints it, so every decision about
positions, scales and labels is made (and tested) here.
"""

import csv
import io
import math
import re
import textwrap
from dataclasses import dataclass

MAX_ROWS = 60
MAX_SERIES = 6
# Beyond this, labels on the value axis would crowd out the plot (and float precision runs out).
MAX_VALUE = 1e15
NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")


class ChartDataError(ValueError):
    """CSV that cannot become a chart; the message tells the editor what to fix and where."""


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]
    decimals: int = 0  # the most decimal places typed in the column, so "2.50" is shown as it was typed

    def formatted(self):
        return [format_number(value, self.decimals) for value in self.values]


@dataclass(frozen=True)
class ChartData:
    labels: list[str]
    series: list[Series]
    label_heading: str = ""  # the header of the label column, e.g. "Year"

    @property
    def rows(self):
        """Each label with its series' values, formatted for the data table."""
        columns = [series.formatted() for series in self.series]
        return [(label, [column[index] for column in columns]) for index, label in enumerate(self.labels)]


def format_number(value, decimals=0):
    if value == 0:
        value = 0.0  # never print "-0"
    # A true minus sign: a hyphen reads as a dash, and some screen readers skip it.
    return f"{value:,.{decimals}f}".replace("-", "\N{MINUS SIGN}")


def parse_chart_csv(text):
    """Read CSV (or cells pasted from a spreadsheet, which arrive tab-separated) into a ChartData.

    The first row holds the headers, the first column the labels and every further column one series
    of plain numbers. Rows are numbered as the editor sees them, the header being row 1.
    """
    text = text or ""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter="\t" if "\t" in first_line else ",", strict=True)
    rows = []
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            if any(cells):
                rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise ChartDataError(
            f"Row {reader.line_num} could not be read ({error}): check its quotation marks."
        ) from error

    if not rows:
        raise ChartDataError("Enter the data: a header row, then one row per category.")
    (_, header), data_rows = rows[0], rows[1:]
    if len(header) < 2:
        raise ChartDataError(
            "The header row needs at least two columns separated by commas: one for the labels, then one per series."
        )
    if len(header) - 1 > MAX_SERIES:
        raise ChartDataError(
            f"A chart can show at most {MAX_SERIES} series (value columns); this has {len(header) - 1}."
        )
    for column, name in enumerate(header[1:], start=2):
        if not name:
            raise ChartDataError(f"Column {column} of the header row is empty: give every series a name.")
    if not data_rows:
        raise ChartDataError("Add at least one data row below the header row.")
    if len(data_rows) > MAX_ROWS:
        raise ChartDataError(f"A chart can show at most {MAX_ROWS} data rows; this has {len(data_rows)}.")

    labels = []
    columns = [[] for _ in header[1:]]
    for row, cells in data_rows:
        if len(cells) != len(header):
            hint = " Write numbers without thousands separators: 1234, not 1,234." if len(cells) > len(header) else ""
            raise ChartDataError(f"Row {row} has {len(cells)} cells, but the header row has {len(header)}.{hint}")
        label, *values = cells
        if not label:
            raise ChartDataError(f"Row {row} has no label in its first column.")
        labels.append(label)
        for column, name, cell in zip(columns, header[1:], values, strict=True):
            column.append(_parse_cell(cell, row, name))

    series = [
        Series(name, [value for value, _ in column], max(decimals for _, decimals in column))
        for name, column in zip(header[1:], columns, strict=True)
    ]
    return ChartData(labels, series, header[0])


def _parse_cell(cell, row, column):
    """The cell's value and how many decimal places it was written with."""
    where = f'Row {row}, column "{column}"'
    if not cell:
        raise ChartDataError(f"{where} is empty: every value needs a number.")
    if not NUMBER.fullmatch(cell):
        raise ChartDataError(
            f'{where}: "{cell}" is not a number. Use plain numbers such as 1234.5 or -2, without commas or units.'
        )
    value = float(cell)
    if abs(value) >= MAX_VALUE:
        raise ChartDataError(f"{where}: {cell} is too large for a chart. Use a bigger unit, such as millions.")
    return value, len(cell.partition(".")[2])


# ---- Geometry ----------------------------------------------------------------------------------------------------

# The viewBox is as wide as a phone's column, about 340px at 375px, so that its text of 14 units is drawn at 14px
# or more there; site.css caps the SVG's width, so the text stays under about 18px on wider screens. A chart with
# more categories than fit side by side at a line's height each is made wider instead of leaving labels out.
WIDTH = 320
PLOT_HEIGHT = 200
# Chart text is 14 units (see site.css); this is a generous average width of one character at that size.
CHAR_WIDTH = 8
LINE_HEIGHT = 16
RIGHT_MARGIN = 12
MARKER_SIZE = 4.5
HATCH_SPACING = 6
# What tells the series apart besides colour: hatching for bars, the marker's shape for lines (the stylesheet adds
# colours and dash patterns). Series 1 is solid and series 3 hollow, so they need no hatching.
BAR_HATCHES = ["", "rising", "", "falling", "cross", "horizontal"]
MARKER_SHAPES = ["circle", "square", "triangle", "diamond", "triangle-down", "plus"]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self):
        return self.x + self.width

    @property
    def bottom(self):
        return self.y + self.height


@dataclass(frozen=True)
class Bar(Rect):
    title: str = ""  # shown as a tooltip, e.g. "Wales, 2023: 31.2"


@dataclass(frozen=True)
class Marker:
    d: str
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str
    strong: bool  # the zero line and the bottom of the plot are drawn solid


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    angle: int = 0  # -90: turned to read upwards, ending at x, y


@dataclass(frozen=True)
class Swatch:
    """A series' sample in the legend, drawn in a 32 by 16 box."""

    bar: Rect
    hatch: str
    line: str
    marker: str


@dataclass(frozen=True)
class SeriesGeometry:
    number: int  # from 1; picks the series' colour and dash pattern in the stylesheet
    name: str
    bars: list[Bar]
    hatch: str  # path data hatching all of the series' bars
    points: str  # polyline points
    markers: list[Marker]
    swatch: Swatch


@dataclass(frozen=True)
class ChartGeometry:
    kind: str  # "bar" or "line"
    width: int
    height: int
    plot: Rect
    ticks: list[Tick]
    tick_label_x: float  # where the value labels end, left of the plot
    y_axis_label: Label | None
    x_labels: list[Label]
    series: list[SeriesGeometry]
    data: ChartData


def nice_ticks(low, high):
    """4 to 6 round tick values covering low..high, and how many decimals their labels need."""
    if high - low < 1e-9:  # one value, or differences too small to draw: show the axis from 0 to the value
        low, high = min(low, 0), max(high, 0)
        if high - low < 1e-9:  # all zero, or as good as
            high = low + 1
    exponent = math.floor(math.log10((high - low) / 5))
    for mantissa, power in [(1, 0), (2, 0), (2.5, 0), (5, 0), (1, 1), (2, 1)]:
        step = mantissa * 10 ** (exponent + power)
        # Rounded first, so that float noise such as 1.1 / 0.1 == 11.000000000000002 adds no tick.
        first, last = math.floor(round(low / step, 9)), math.ceil(round(high / step, 9))
        if last - first <= 5:
            break
    decimals = max(0, -(exponent + power) + (1 if mantissa == 2.5 else 0))
    return [index * step for index in range(first, last + 1)], decimals


def chart_geometry(data, kind, y_axis_label=""):
    """Everything the template draws for `data` as a "bar" or "line" chart, in viewBox units."""
    values = [value for series in data.series for value in series.values]
    low, high = min(values), max(values)
    if kind == "bar":  # bars grow from zero, so zero must be on the axis
        low, high = min(low, 0), max(high, 0)
    tick_values, decimals = nice_ticks(low, high)
    tick_labels = [format_number(value, decimals) for value in tick_values]

    left = max(len(label) for label in tick_labels) * CHAR_WIDTH + 10
    top = 2 * LINE_HEIGHT if y_axis_label else LINE_HEIGHT
    width = max(WIDTH, left + len(data.labels) * LINE_HEIGHT + RIGHT_MARGIN)
    slot = (width - left - RIGHT_MARGIN) / len(data.labels)
    x_label_lines, turned = _x_label_lines(data.labels, slot)
    if turned:
        bottom = max(len(label) for label in data.labels) * CHAR_WIDTH + 12
    else:
        bottom = LINE_HEIGHT * max(len(lines) for lines in x_label_lines) + 12
    plot = Rect(left, top, width - left - RIGHT_MARGIN, PLOT_HEIGHT)

    def y_of(value):
        share = (value - tick_values[0]) / (tick_values[-1] - tick_values[0])
        return _round(plot.bottom - share * plot.height)

    ticks = [
        Tick(y_of(value), label, strong=value == 0 or index == 0)
        for index, (value, label) in enumerate(zip(tick_values, tick_labels, strict=True))
    ]
    x_labels = []
    for index, lines in enumerate(x_label_lines):
        centre = plot.x + (index + 0.5) * slot
        if turned:
            x_labels += [Label(_round(centre), plot.bottom + 8, text, angle=-90) for text in lines]
            continue
        # Centred under its slot, but moved in where it would stick out of the viewBox at either end.
        half = max(len(text) for text in lines) * CHAR_WIDTH / 2
        x = _round(min(max(centre, half), width - half))
        x_labels += [Label(x, plot.bottom + LINE_HEIGHT * (line + 1) + 2, text) for line, text in enumerate(lines)]
    series = [
        _series_geometry(number, series, data, kind, slot, plot, y_of)
        for number, series in enumerate(data.series, start=1)
    ]
    return ChartGeometry(
        kind=kind,
        width=width,
        height=plot.bottom + bottom,
        plot=plot,
        ticks=ticks,
        tick_label_x=plot.x - 8,
        y_axis_label=Label(0, LINE_HEIGHT - 2, y_axis_label) if y_axis_label else None,
        x_labels=x_labels,
        series=series,
        data=data,
    )


def _x_label_lines(labels, slot):
    """Every label in full under the axis, and whether the labels are turned to read upwards.

    Labels wrap at spaces onto as many lines as they need while their longest word fits across a slot (so
    "Yorkshire, Humber" breaks after its comma); otherwise each is one line turned upright, a line's height wide.
    """
    characters = int(slot / CHAR_WIDTH) - 1
    if max(len(word) for label in labels for word in label.split()) <= characters:
        return [textwrap.wrap(label, characters) for label in labels], False
    return [[label] for label in labels], True


def _series_geometry(number, series, data, kind, slot, plot, y_of):
    titles = [f"{series.name}, {label}: {value}" for label, value in zip(data.labels, series.formatted(), strict=True)]
    centres = [plot.x + (index + 0.5) * slot for index in range(len(data.labels))]
    hatch_kind = BAR_HATCHES[number - 1]
    shape = MARKER_SHAPES[number - 1]
    bars, markers, points = [], [], ""
    if kind == "bar":
        count = len(data.series)
        group = slot * (0.6 if count == 1 else 0.8)
        width = group / count
        gap = min(2, width / 4) if count > 1 else 0
        zero = y_of(0)
        for centre, value, title in zip(centres, series.values, titles, strict=True):
            x = centre - group / 2 + (number - 1) * width + gap / 2
            y = y_of(value)
            bars.append(Bar(_round(x), min(y, zero), _round(width - gap), _round(abs(zero - y)), title=title))
    else:
        points = " ".join(f"{_num(x)},{_num(y_of(value))}" for x, value in zip(centres, series.values, strict=True))
        # Points are at least a line's height apart (see WIDTH), so their markers never blur together.
        markers = [
            Marker(_marker(shape, x, y_of(value), MARKER_SIZE), title)
            for x, value, title in zip(centres, series.values, titles, strict=True)
        ]
    swatch_bar = Rect(4, 1, 24, 14)
    return SeriesGeometry(
        number=number,
        name=series.name,
        bars=bars,
        hatch="".join(_hatch(hatch_kind, bar) for bar in bars),
        points=points,
        markers=markers,
        swatch=Swatch(
            bar=swatch_bar,
            hatch=_hatch(hatch_kind, swatch_bar),
            line="0,8 32,8",
            marker=_marker(shape, 16, 8, MARKER_SIZE),
        ),
    )


def _hatch(kind, rect):
    """Path data for hatching `rect`: lines rising or falling at 45 degrees, both (cross), or horizontal."""
    x0, y0, x1, y1 = rect.x, rect.y, rect.right, rect.bottom
    segments = []
    if kind in {"rising", "cross"}:  # lines x + y = c, drawn bottom left to top right
        for c in _steps(x0 + y0, x1 + y1):
            start, end = max(x0, c - y1), min(x1, c - y0)
            segments.append((start, c - start, end, c - end))
    if kind in {"falling", "cross"}:  # lines x - y = c
        for c in _steps(x0 - y1, x1 - y0):
            start, end = max(x0, c + y0), min(x1, c + y1)
            segments.append((start, start - c, end, end - c))
    if kind == "horizontal":
        segments = [(x0, y, x1, y) for y in _steps(y0, y1)]
    return "".join(f"M{_num(ax)} {_num(ay)}L{_num(bx)} {_num(by)}" for ax, ay, bx, by in segments)


def _steps(start, stop):
    """Multiples of the hatch spacing strictly between start and stop, so neighbouring bars' hatching lines up."""
    first = math.floor(start / HATCH_SPACING) + 1
    return [index * HATCH_SPACING for index in range(first, math.ceil(stop / HATCH_SPACING))]


def _marker(shape, x, y, size):
    """Path data for a marker of `shape` centred on x, y."""
    if shape == "circle":
        return f"M{_num(x - size)} {_num(y)}a{size} {size} 0 1 0 {2 * size} 0a{size} {size} 0 1 0 {-2 * size} 0Z"
    half = size * 0.85  # a square looks bigger than a circle of the same width
    third = size / 3
    corners = {
        "square": [(-half, -half), (half, -half), (half, half), (-half, half)],
        "triangle": [(0, -size * 1.15), (size, size * 0.75), (-size, size * 0.75)],
        "diamond": [(0, -size * 1.2), (size, 0), (0, size * 1.2), (-size, 0)],
        "triangle-down": [(0, size * 1.15), (size, -size * 0.75), (-size, -size * 0.75)],
        "plus": [
            (-third, -size),
            (third, -size),
            (third, -third),
            (size, -third),
            (size, third),
            (third, third),
            (third, size),
            (-third, size),
            (-third, third),
            (-size, third),
            (-size, -third),
            (-third, -third),
        ],
    }[shape]
    return "M" + "L".join(f"{_num(x + dx)} {_num(y + dy)}" for dx, dy in corners) + "Z"


def _round(value):
    return round(value, 2)


def _num(value):
    """A coordinate for path data: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
