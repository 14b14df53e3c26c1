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
# or more there; site.css caps the SVG's width, so the text stays under 18px on wider screens. A chart with more
# categories than fit side by side at a line's height each is made wider instead of leaving labels out.
WIDTH = 320
PLOT_HEIGHT = 200
# Chart text is 14 units (see site.css); this is a generous average width of one character at that size.
CHAR_WIDTH = 8
LINE_HEIGHT = 16
RIGHT_MARGIN = 12
# Labels under vertical bars wrap onto at most this many lines; bars whose labels need more, or would have to be
# turned to fit, are drawn horizontally, each label in full on the left of its row.
MAX_LABEL_LINES = 3
# A horizontal chart's labels wrap at this many characters (unless one word is longer), about half its width.
LABEL_CHARACTERS = 18
# Beside labels with a word too long for LABEL_CHARACTERS, the chart grows wider to keep at least this for its bars.
MIN_PLOT_WIDTH = 120
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
class Label:
    x: float
    y: float  # of the first line; each further line is a line's height lower
    lines: tuple[str, ...]
    angle: int = 0  # -90: turned to read upwards, ending at x, y

    @property
    def text(self):
        return " ".join(self.lines)

    @property
    def positioned_lines(self):
        return [(_round(self.y + index * LINE_HEIGHT), line) for index, line in enumerate(self.lines)]


@dataclass(frozen=True)
class Tick:
    """A value's grid line across the plot, from x1, y1 to x2, y2, and its label (None where labels would crowd)."""

    x1: float
    y1: float
    x2: float
    y2: float
    label: Label | None
    strong: bool  # the zero line and the plot's edge at the lowest value are drawn solid


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
    orientation: str  # "vertical": categories along the bottom; "horizontal": a row per category, bars growing right
    width: float
    height: float
    plot: Rect
    ticks: list[Tick]
    y_axis_label: Label | None  # what the values are, above the plot
    category_labels: list[Label]
    series: list[SeriesGeometry]
    data: ChartData


@dataclass(frozen=True)
class ValueScale:
    """The round values marked on the value axis, which runs from the first to the last."""

    values: list[float]
    labels: list[str]

    @classmethod
    def covering(cls, data, kind):
        values = [value for series in data.series for value in series.values]
        low, high = min(values), max(values)
        if kind == "bar":  # bars grow from zero, so zero must be on the axis
            low, high = min(low, 0), max(high, 0)
        values, decimals = nice_ticks(low, high)
        return cls(values, [format_number(value, decimals) for value in values])

    @property
    def label_width(self):
        return max(len(label) for label in self.labels) * CHAR_WIDTH

    def share(self, value):
        """How far along the axis `value` lies, from 0 at the first value to 1 at the last."""
        return (value - self.values[0]) / (self.values[-1] - self.values[0])

    def is_strong(self, index):
        return index == 0 or self.values[index] == 0


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
    """Everything the template draws for `data` as a "bar" or "line" chart, in viewBox units.

    Categories go along the bottom, each label wrapped at spaces under its place. Where a word is too long for its
    place, a line chart turns every label to read upwards. A bar chart, there or where a label would need more than
    MAX_LABEL_LINES lines, lies on its side instead: one row per category, each label in full on its left.
    """
    scale = ValueScale.covering(data, kind)
    left = scale.label_width + 10
    width = max(WIDTH, left + len(data.labels) * LINE_HEIGHT + RIGHT_MARGIN)
    plot = Rect(left, _top(y_axis_label), width - left - RIGHT_MARGIN, PLOT_HEIGHT)
    slot = plot.width / len(data.labels)
    label_lines = _wrapped(data.labels, int(slot / CHAR_WIDTH) - 1)
    if kind == "bar" and (label_lines is None or max(len(lines) for lines in label_lines) > MAX_LABEL_LINES):
        return _horizontal_bar_geometry(data, scale, y_axis_label)
    return _vertical_geometry(data, kind, scale, y_axis_label, plot, label_lines)


def _vertical_geometry(data, kind, scale, y_axis_label, plot, label_lines):
    """Categories side by side along the bottom under vertical bars or a line; `label_lines` None turns labels."""
    width = plot.right + RIGHT_MARGIN
    slot = plot.width / len(data.labels)
    centres = [plot.x + (index + 0.5) * slot for index in range(len(data.labels))]

    def y_of(value):
        return _round(plot.bottom - scale.share(value) * plot.height)

    ticks = [
        Tick(plot.x, y_of(value), plot.right, y_of(value), Label(plot.x - 8, y_of(value), (text,)), scale.is_strong(i))
        for i, (value, text) in enumerate(zip(scale.values, scale.labels, strict=True))
    ]
    if label_lines is None:
        category_labels = [
            Label(_round(centre), plot.bottom + 8, (text,), angle=-90)
            for centre, text in zip(centres, data.labels, strict=True)
        ]
        bottom = max(len(text) for text in data.labels) * CHAR_WIDTH + 12
    else:
        category_labels = []
        for centre, lines in zip(centres, label_lines, strict=True):
            # Centred under its slot, but moved in where it would stick out of the viewBox at either end.
            half = max(len(text) for text in lines) * CHAR_WIDTH / 2
            x = _round(min(max(centre, half), width - half))
            category_labels.append(Label(x, plot.bottom + LINE_HEIGHT + 2, tuple(lines)))
        bottom = LINE_HEIGHT * max(len(lines) for lines in label_lines) + 12

    zero = y_of(0)  # where bars start (a line chart has none)
    drawn = []
    for number, series in enumerate(data.series, start=1):
        titles = _titles(series, data)
        if kind == "bar":
            bars = [
                Bar(x, min(y_of(value), zero), thickness, _round(abs(zero - y_of(value))), title=title)
                for (x, thickness), value, title in zip(
                    _bar_bands(centres, slot, number, len(data.series)), series.values, titles, strict=True
                )
            ]
            drawn.append(_series_geometry(number, series, bars=bars))
        else:
            points = " ".join(f"{_num(x)},{_num(y_of(value))}" for x, value in zip(centres, series.values, strict=True))
            # Points are at least a line's height apart (see WIDTH), so their markers never blur together.
            markers = [
                Marker(_marker(MARKER_SHAPES[number - 1], x, y_of(value), MARKER_SIZE), title)
                for x, value, title in zip(centres, series.values, titles, strict=True)
            ]
            drawn.append(_series_geometry(number, series, points=points, markers=markers))
    return ChartGeometry(
        kind=kind,
        orientation="vertical",
        width=width,
        height=plot.bottom + bottom,
        plot=plot,
        ticks=ticks,
        y_axis_label=_y_axis_label(y_axis_label),
        category_labels=category_labels,
        series=drawn,
        data=data,
    )


def _horizontal_bar_geometry(data, scale, y_axis_label):
    """A row per category, its label on the left and its bars growing right from zero; values along the top."""
    longest_word = max(len(word) for label in data.labels for word in label.split())
    characters = max(longest_word, min(max(len(label) for label in data.labels), LABEL_CHARACTERS))
    label_lines = _wrapped(data.labels, characters)
    left = characters * CHAR_WIDTH + 8
    # The last value's label is centred on the plot's right edge, so half of it lies beyond.
    right_margin = max(RIGHT_MARGIN, scale.label_width / 2)
    width = max(WIDTH, left + MIN_PLOT_WIDTH + right_margin)
    # A row holds its label's lines, and gives each bar of its group at least 12 units (see _bar_bands).
    slot = max(max(len(lines) for lines in label_lines) * LINE_HEIGHT + 8, 24, 15 * len(data.series))
    plot = Rect(left, _top(y_axis_label) + 8, width - left - right_margin, slot * len(data.labels))
    centres = [plot.y + (index + 0.5) * slot for index in range(len(data.labels))]

    def x_of(value):
        return _round(plot.x + scale.share(value) * plot.width)

    # Value labels sit side by side, so where they would touch only every second (or third...) one is shown,
    # counted from zero.
    spacing = plot.width / (len(scale.values) - 1)
    every = math.ceil((scale.label_width + 4) / spacing)
    zero_index = scale.values.index(0)
    ticks = [
        Tick(
            x_of(value),
            plot.y,
            x_of(value),
            plot.bottom,
            Label(x_of(value), plot.y - 8, (text,)) if (index - zero_index) % every == 0 else None,
            scale.is_strong(index),
        )
        for index, (value, text) in enumerate(zip(scale.values, scale.labels, strict=True))
    ]
    # Each label's lines are centred on its row (the stylesheet centres each line on its y).
    category_labels = [
        Label(plot.x - 8, _round(centre - (len(lines) - 1) * LINE_HEIGHT / 2), tuple(lines))
        for centre, lines in zip(centres, label_lines, strict=True)
    ]
    zero = x_of(0)
    drawn = []
    for number, series in enumerate(data.series, start=1):
        bars = [
            Bar(min(x_of(value), zero), y, _round(abs(x_of(value) - zero)), thickness, title=title)
            for (y, thickness), value, title in zip(
                _bar_bands(centres, slot, number, len(data.series)), series.values, _titles(series, data), strict=True
            )
        ]
        drawn.append(_series_geometry(number, series, bars=bars))
    return ChartGeometry(
        kind="bar",
        orientation="horizontal",
        width=width,
        height=plot.bottom + 4,
        plot=plot,
        ticks=ticks,
        y_axis_label=_y_axis_label(y_axis_label),
        category_labels=category_labels,
        series=drawn,
        data=data,
    )


def _top(y_axis_label):
    """Where the plot starts: below the label saying what the values are, if there is one."""
    return 2 * LINE_HEIGHT if y_axis_label else LINE_HEIGHT


def _y_axis_label(text):
    return Label(0, LINE_HEIGHT - 2, (text,)) if text else None


def _wrapped(labels, characters):
    """Each label wrapped at spaces into lines of up to `characters`, or None if a word is longer than that.

    Lines break only at spaces, so a comma stays with the word before it ("Yorkshire," never ends up alone on the
    next line as ",").
    """
    if max(len(word) for label in labels for word in label.split()) > characters:
        return None
    return [textwrap.wrap(label, characters, break_on_hyphens=False) for label in labels]


def _titles(series, data):
    return [f"{series.name}, {label}: {value}" for label, value in zip(data.labels, series.formatted(), strict=True)]


def _bar_bands(centres, slot, number, count):
    """Where the bar of series `number` (of `count`) lies across each category's slot: its start and thickness.

    A category's bars stand side by side in the middle of its slot, series 1 first.
    """
    group = slot * (0.6 if count == 1 else 0.8)
    thickness = group / count
    gap = min(2, thickness / 4) if count > 1 else 0
    return [
        (_round(centre - group / 2 + (number - 1) * thickness + gap / 2), _round(thickness - gap)) for centre in centres
    ]


def _series_geometry(number, series, bars=(), points="", markers=()):
    hatch_kind = BAR_HATCHES[number - 1]
    swatch_bar = Rect(4, 1, 24, 14)
    return SeriesGeometry(
        number=number,
        name=series.name,
        bars=list(bars),
        hatch="".join(_hatch(hatch_kind, bar) for bar in bars),
        points=points,
        markers=list(markers),
        swatch=Swatch(
            bar=swatch_bar,
            hatch=_hatch(hatch_kind, swatch_bar),
            line="0,8 32,8",
            marker=_marker(MARKER_SHAPES[number - 1], 16, 8, MARKER_SIZE),
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
