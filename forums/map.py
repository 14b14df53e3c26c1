"""The UK as the regions a forum may cover, drawn two ways by templates/components/forum_map.html.

The forums map makes each forum's region a link, labelled with the forum's name beside the land; a forum's
locator shows the whole UK muted with that forum's region highlighted. Both use the outlines below, in one
coordinate space: hand-simplified, in an equirectangular projection, neighbouring regions sharing exactly the
same border points so that they meet without gaps. Outlines are straight lines only ("M x y x y … Z"), so their
numbers are points in pairs.
"""

import math
import re
import textwrap
from dataclasses import dataclass
from typing import NamedTuple

LEFT, RIGHT = "left", "right"


class Point(NamedTuple):
    x: float
    y: float


@dataclass(frozen=True)
class Region:
    name: str
    outline: str  # SVG path data
    # A label sits beside the land on `label_side`, its leader line ending at `label_point`: chosen so that the
    # line crosses only the sea and the region itself.
    label_point: Point
    label_side: str


REGIONS = {
    # Scotland, with Skye, the Western Isles, Mull, Islay, Jura, Arran, Orkney and Shetland
    "scotland": Region(
        "Scotland",
        outline=(
            "M169.5 328.4 154.7 328.4 153.1 333.8 146.9 335.4 139.2 339.2 129.9 334.3 128.3 344.6 114.4 334.3 "
            "114.1 346.7 106 335.9 104.8 326.8 109.8 321.9 121.2 301.9 120 297.6 115.3 292.7 113.8 284.1 "
            "115.3 275.5 123.7 277.1 112.9 270.6 112.2 276 110.4 280.9 103.6 282.5 107.3 266.8 97.4 278.7 "
            "96.8 281.4 98.9 285.7 91.2 304.6 85 311.1 87.5 300.3 88.7 286.8 88.1 278.7 92.1 269 94.9 250.6 "
            "98.9 243.6 86.5 244.7 72 234.4 83.4 231.2 82.5 224.7 84.1 219.3 88.1 213.9 89.6 208.5 83.4 195 "
            "91.2 189.6 86.5 180.4 84.7 172.9 95.8 172.3 105.1 170.7 96.8 162.6 102 157.2 98.3 151.3 105.1 "
            "146.4 108.2 139.9 109.8 131.8 127.7 137.2 140.7 134.5 155.6 132.9 160.2 129.1 170.8 130.7 169.2 "
            "141.5 151.6 159.4 141.4 166.9 139.8 171.8 147.9 172.9 139.8 182.6 133.9 192.3 156.5 181.5 163 "
            "180.4 186.6 183.1 202.7 182 208.3 186.4 209.5 192.3 196.5 221.5 188.1 235.5 184.7 243.1 175.7 "
            "247.9 167.1 249.5 177.3 251.2 178.2 254.9 184.7 258.2 177.3 263 159.3 270.6 150 270.6 159.3 "
            "273.8 166.1 274.4 170.2 276 180.4 270.1 198.7 278.2 201.4 283.6 196.5 291.7 192.5 293.3 196.5 "
            "301.9 187.8 308.4 181 318.1 171.7 325.1Z "
            "M87.1 204.7 81.9 206.3 78.8 216.6 75.7 211.2 69.5 208.5 54.3 196.6 60.2 192.3 59.3 186.9 69.5 "
            "181.5 72.6 185.8 73.2 197.2 78.8 200.4Z "
            "M70.7 137.2 67.9 154.5 66.4 162.6 55.6 174.5 46.3 179.9 46.3 173.4 47.8 152.9 54 149.1Z "
            "M43.2 182.6 32.3 185.8 33.9 203.1 30.8 222 37 220.4 41 208.5 43.2 192.3Z "
            "M88.1 249 76.6 239.8 69.5 240.9 66.4 257.1 78.8 257.1 83.4 254.4Z "
            "M75.7 278.7 74.1 293.3 63.3 290.6 64.8 281.4 69.5 277.1Z "
            "M88.1 265.2 82.5 281.4 77.9 280.9 85 267.9Z "
            "M103.6 288.4 106.7 300.3 100.5 303 98 294.9Z "
            "M160.9 104.8 177.9 108.6 181 116.7 171.7 122.1 160.9 116.7Z "
            "M225.3 65.4 229 49.2 230.6 33 222.8 24.9 218.2 33 212 43.8 222.8 49.2Z "
            "M233.7 30.3 239.8 13 235.2 13 229 30.3Z"
        ),
        label_point=Point(165, 225),
        label_side=RIGHT,
    ),
    # Northern Ireland; the inner ring is Lough Neagh, cut out by fill-rule: evenodd
    "northern-ireland": Region(
        "Northern Ireland",
        outline=(
            "M46.3 321.9 49.4 317 58.7 316 63 314.3 71.4 316.5 74.1 315.4 76.6 317 77.2 323 85 334.9 88.1 "
            "336.5 87.5 340.8 81.3 347.8 89 345.7 93.3 346.7 95.8 363.5 92.7 361.3 91.2 367.3 83.4 367.8 82.5 "
            "370.5 78.8 378.1 71 378.6 68.6 375.9 64.8 379.7 60.2 377.5 55.6 370.5 52.5 365.1 48.7 359.7 41.6 "
            "365.1 37 373.2 33.9 375.9 27.7 370.5 19.9 370.5 20.9 365.1 11.6 355.9 13.7 355.4 22.1 351.6 29.2 "
            "347.8 29.2 343.5 33.3 336.5 37 328.4 40.1 324.6 46.3 321.9Z "
            "M64.8 342.4 59.6 347.8 60.8 354.3 66.4 357 71 354.3 69.5 346.2Z"
        ),
        label_point=Point(45, 348),
        label_side=LEFT,
    ),
    # North West England: Cumbria, Lancashire, Merseyside, Greater Manchester, Cheshire
    "north-west": Region(
        "North West England",
        outline=(
            "M173.3 424 168.6 419.1 165.5 414.2 170.5 411.5 176.4 416.4 169.2 405.6 171.7 400.2 176.4 395.9 "
            "170.8 393.7 170.2 391 171.4 385.6 175.7 377.5 177.3 370.5 173.3 372.1 164 378.6 163.3 370.5 "
            "158.7 362.4 151.9 353.8 159.3 334.3 165.5 330 169.5 328.4 171.7 325.1 181 318.1 192.5 343.5 "
            "194.9 351.6 193.4 360.8 185.6 369.4 185.6 377 191.8 384 207.3 408.3 202.1 419.1 202.7 424.5 "
            "196.5 429.9 191.8 436.4 185.6 438 180.1 436.4 174.8 429.9Z"
        ),
        label_point=Point(182, 390),
        label_side=LEFT,
    ),
    # Yorkshire and the Humber plus North East England, one region
    "yorkshire-humber-and-north-east": Region(
        "Yorkshire and the Humber, and North East England",
        outline=(
            "M201.4 283.6 211.7 294.4 218.2 320.3 222.2 332.2 229 347.3 245.7 354.8 252.2 366.2 262.5 374.8 "
            "258.7 377 259.4 386.2 265.9 395.9 268.3 402.9 261.5 398.6 254.4 395.9 246 397 253.8 399.1 262.5 "
            "404 265.6 407.2 261.5 409.4 255.3 411 247.6 411 242.9 408.3 238.3 411 233.7 411 229 416.4 224.4 "
            "419.1 218.2 419.1 215.1 413.7 207.3 408.3 191.8 384 185.6 377 185.6 369.4 193.4 360.8 194.9 "
            "351.6 192.5 343.5 181 318.1 187.8 308.4 196.5 301.9 192.5 293.3 196.5 291.7Z"
        ),
        label_point=Point(205, 320),
        label_side=RIGHT,
    ),
    # Wales, with Anglesey
    "wales": Region(
        "Wales",
        outline=(
            "M181.9 509.8 172.6 513.6 166.4 518.5 163.3 522.2 154.4 521.7 150 517.4 146.9 512 142.9 510.4 "
            "141.4 512.5 130.8 513.1 134.5 507.1 128.3 503.9 119.1 507.1 111.9 510.9 108.2 505.5 102 503.9 "
            "106.7 500.1 100.5 495.8 107.6 487.7 120.3 483.9 129.6 478 138.3 467.2 139.2 450.4 136.7 439.6 "
            "128 441.2 125.2 445 116.9 446.1 124.6 438 131.4 428.8 137 424 146 420.2 145.1 416.9 156.5 418 "
            "161.8 416.4 167.7 421.8 173.3 424 174.8 429.9 180.1 436.4 176.4 439.1 170.2 439.1 168.6 447.2 "
            "170.2 454.2 165.5 465 170.2 470.9 171.7 475.8 168 486.1 171.7 492 181.9 499Z "
            "M139.2 418.6 129.9 412.6 123.4 413.7 119.7 418.6 125.2 424.5 129 426.7 137 421.3Z"
        ),
        label_point=Point(150, 478),
        label_side=LEFT,
    ),
    # East and West Midlands, one region
    "midlands": Region(
        "East and West Midlands",
        outline=(
            "M180.1 436.4 185.6 438 191.8 436.4 196.5 429.9 202.7 424.5 202.1 419.1 207.3 408.3 215.1 413.7 "
            "218.2 419.1 224.4 419.1 229 416.4 233.7 411 238.3 411 242.9 408.3 247.6 411 255.3 411 261.5 "
            "409.4 265.6 407.2 269.3 409.9 272.7 416.9 275.2 427.2 274.8 431 264.6 437.5 263.4 441.8 270.5 "
            "446.1 267.7 450.4 264.6 452.6 252.2 458 249.1 473.1 244.5 480.1 230.6 487.7 224.4 483.9 219.7 "
            "485 215.1 490.4 204.2 485 196.5 489.3 191.8 487.7 187.2 492 181.9 499 171.7 492 168 486.1 171.7 "
            "475.8 170.2 470.9 165.5 465 170.2 454.2 168.6 447.2 170.2 439.1 176.4 439.1Z"
        ),
        label_point=Point(262, 418),
        label_side=RIGHT,
    ),
    # East Anglia, drawn as the East of England: Norfolk, Suffolk, Cambridgeshire, Essex, Hertfordshire, Bedfordshire
    "east-anglia": Region(
        "East of England",
        outline=(
            "M270.5 446.1 277 447.7 279.8 438 295.6 436.9 304.9 439.1 312 444.5 317 450.4 319.1 463.4 313.6 "
            "485 304.3 493.1 304.3 496.9 300.2 500.6 294.1 501.2 291.9 504.4 294.1 509.8 289.4 514.7 282.6 "
            "515.2 276.1 517.9 272.4 517.9 270.8 513.1 266.2 508.2 261.5 506.6 249.1 509.3 244.5 497.4 242.9 "
            "489.3 244.5 480.1 249.1 473.1 252.2 458 264.6 452.6 267.7 450.4Z"
        ),
        label_point=Point(292, 472),
        label_side=RIGHT,
    ),
    # London, the South East and the South West, with the Isle of Wight
    "london-and-the-south": Region(
        "London, the South East and the South West",
        outline=(
            "M272.4 517.9 277 519.5 292.5 520.6 296.2 523.9 307.4 522.2 309.5 523.3 307.1 535.7 301.2 539 "
            "294.7 548.2 282.6 551.4 272.1 557.9 260.3 553 243.9 555.2 240.2 558.4 222.8 551.4 216.6 556.8 "
            "204.2 559.5 201.1 564.9 188.7 564.4 173.6 558.4 164.3 560.6 158.7 564.9 155.3 573 151.9 585.4 "
            "146.9 586 134.5 579.5 121.2 579.5 116 585.4 107.6 589.2 103.6 599.5 93.3 590.8 87.8 593.5 94.9 "
            "586 103.6 580 107.3 574.6 108.8 567.6 117.5 561.1 123.7 552.5 124.3 542.2 133.9 540.6 134.5 533 "
            "137 532 147.5 530.3 157.1 532 167.7 532 171.7 530.9 172.3 524.4 176 519.5 180.4 516.3 188.7 505 "
            "191.5 499 181.9 509.8 181.9 499 187.2 492 191.8 487.7 196.5 489.3 204.2 485 215.1 490.4 219.7 "
            "485 224.4 483.9 230.6 487.7 244.5 480.1 242.9 489.3 244.5 497.4 249.1 509.3 261.5 506.6 266.2 "
            "508.2 270.8 513.1Z "
            "M215.7 561.1 224.4 556.3 231.2 560.6 224.4 566Z"
        ),
        label_point=Point(130, 572),
        label_side=LEFT,
    ),
}


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def union(self, other):
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    @property
    def width(self):
        return round(self.right - self.left, 1)

    @property
    def height(self):
        return round(self.bottom - self.top, 1)

    def view_box(self):
        """The SVG viewBox showing this box with room for the outlines' strokes."""
        return f"{self.left - EDGE:.1f} {self.top - EDGE:.1f} {self.width + 2 * EDGE:.1f} {self.height + 2 * EDGE:.1f}"


def _outline_box(outlines):
    numbers = [float(number) for outline in outlines for number in re.findall(r"-?\d+(?:\.\d+)?", outline)]
    xs, ys = numbers[0::2], numbers[1::2]
    return Box(min(xs), min(ys), max(xs), max(ys))


EDGE = 4  # round the drawing, so that strokes along its edges are not cut off
LAND = _outline_box(region.outline for region in REGIONS.values())

# Labels, in the map's units. With the demo forums' names the map is about 940 units wide; on a 375 px phone it
# is 340 px wide, so 40-unit text is 14.5 px there.
FONT_SIZE = 40
LINE_HEIGHT = 46
LINE_LENGTH = 11  # characters: names wrap between words
CHARACTER_WIDTH = 0.7 * FONT_SIZE  # as wide as the widest bold system fonts, so that no line runs off the drawing
GAP = 16  # between the land and the labels, and between two labels


@dataclass(frozen=True)
class Label:
    """A region's name in lines beside the land, and the leader line from it to the region."""

    lines: list[str]
    side: str
    top: float
    points_to: Point

    @property
    def x(self):
        return round(LAND.left - GAP if self.side == LEFT else LAND.right + GAP, 1)

    @property
    def text_anchor(self):
        return "end" if self.side == LEFT else "start"

    @property
    def bottom(self):
        return self.top + len(self.lines) * LINE_HEIGHT

    @property
    def baseline(self):
        """The first line's baseline: its capitals centred in the line."""
        return round(self.top + LINE_HEIGHT / 2 + 0.35 * FONT_SIZE, 1)

    @property
    def leader_start(self):
        step_out = GAP / 2 if self.side == LEFT else -GAP / 2
        return Point(round(self.x + step_out, 1), round((self.top + self.bottom) / 2, 1))

    @property
    def box(self):
        """Where the label is drawn, as wide as its longest line may be: also the area that takes its clicks, so
        that a tap between its letters or lines follows the link too."""
        width = max(len(line) for line in self.lines) * CHARACTER_WIDTH
        left = self.x - width if self.side == LEFT else self.x
        return Box(round(left, 1), round(self.top, 1), round(left + width, 1), round(self.bottom, 1))


@dataclass(frozen=True)
class DrawnRegion:
    outline: str
    forum: object = None  # the forum page the region links to
    name: str = ""  # the forum's, as its link and label give it
    label: Label | None = None
    highlighted: bool = False


@dataclass(frozen=True)
class Drawing:
    view_box: str
    regions: list[DrawnRegion]
    is_locator: bool = False
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT


def locator(shape):
    """The whole UK muted with the region `shape` highlighted; None for a shape not on the map."""
    if shape not in REGIONS:
        return None
    others = [DrawnRegion(region.outline) for key, region in REGIONS.items() if key != shape]
    # Drawn last, so that no neighbour covers its edge.
    highlighted = DrawnRegion(REGIONS[shape].outline, highlighted=True)
    return Drawing(LAND.view_box(), [*others, highlighted], is_locator=True)


def forums_map(forums, *, labelled):
    """Each forum's region a link to it, with the forum's name beside the land if `labelled`; regions without a
    forum are drawn muted, so the UK is always whole. A forum with no shape is left off: the list names it. None
    when no forum is on the map."""
    on_map = [(forum, REGIONS[forum.map_shape]) for forum in forums if forum.map_shape in REGIONS]
    if not on_map:
        return None
    claimed = {forum.map_shape for forum in forums}
    unclaimed = [DrawnRegion(region.outline) for key, region in REGIONS.items() if key not in claimed]
    names = [forum.region or forum.title for forum, _ in on_map]
    labels = _labels(names, [region for _, region in on_map]) if labelled else [None] * len(on_map)
    links = [
        DrawnRegion(region.outline, forum=forum, name=name, label=label)
        for (forum, region), name, label in zip(on_map, names, labels, strict=True)
    ]
    bounds = LAND
    for label in filter(None, labels):
        bounds = bounds.union(label.box)
    return Drawing(bounds.view_box(), unclaimed + links)


def _labels(names, regions):
    """A label for each name, beside the land on its region's side. Down each side, labels keep the order of the
    points they lead to, each centred on its point unless the label above pushes it down."""
    labels = [None] * len(names)
    for side in (LEFT, RIGHT):
        on_side = sorted(
            (index for index, region in enumerate(regions) if region.label_side == side),
            key=lambda index: regions[index].label_point.y,
        )
        bottom = -math.inf
        for index in on_side:
            lines = textwrap.wrap(names[index], LINE_LENGTH, break_long_words=False, break_on_hyphens=False)
            point = regions[index].label_point
            top = max(point.y - len(lines) * LINE_HEIGHT / 2, bottom + GAP)
            labels[index] = Label(lines, side, top, point)
            bottom = labels[index].bottom
    return labels
