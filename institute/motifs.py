"""Generated motifs: a small drawing per slug that tells one research theme (or the institute) from another.

A motif is a pattern (stripes, dots, waves, a grid, chevrons, rings, columns or crosses) at a density and in one of
the palette's tones, all picked from a hash of the slug: the same slug always gets the same motif, on every
machine, and no image file is stored. Motifs are decorative: the SVG is hidden from assistive technology, and the
colours are classes (site.css, "Identity"), so they come from the palette and follow forced-colours mode.
"""

import functools
import hashlib
import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 160, 90
TONES = 4  # .motif--tone-1 … .motif--tone-4 in site.css
SPACINGS = (12, 16, 20)


def _stripes(spacing):
    return [
        f'<line x1="{x}" y1="{HEIGHT}" x2="{x + HEIGHT}" y2="0"/>' for x in range(-HEIGHT, WIDTH + spacing, spacing)
    ]


def _dots(spacing):
    radius = spacing / 4
    return [
        f'<circle class="motif__fill" cx="{x + (spacing / 2 if row % 2 else 0)}" cy="{y}" r="{radius}"/>'
        for row, y in enumerate(range(spacing // 2, HEIGHT + spacing, spacing))
        for x in range(0, WIDTH + spacing, spacing)
    ]


def _waves(spacing):
    half = spacing * 2
    paths = []
    for y in range(spacing // 2, HEIGHT + spacing, spacing):
        curve = " ".join(f"q {half / 2} {-spacing / 2} {half} 0 t {half} 0" for _ in range(WIDTH // (2 * half) + 2))
        paths.append(f'<path d="M -{half} {y} {curve}"/>')
    return paths


def _grid(spacing):
    return [f'<line x1="{x}" y1="0" x2="{x}" y2="{HEIGHT}"/>' for x in range(spacing // 2, WIDTH, spacing)] + [
        f'<line x1="0" y1="{y}" x2="{WIDTH}" y2="{y}"/>' for y in range(spacing // 2, HEIGHT, spacing)
    ]


def _chevrons(spacing):
    rows = []
    for y in range(0, HEIGHT + spacing, spacing):
        points = " ".join(
            f"{x},{y + (spacing / 2 if step % 2 else 0)}" for step, x in enumerate(range(0, WIDTH + spacing, spacing))
        )
        rows.append(f'<polyline points="{points}"/>')
    return rows


def _rings(spacing):
    reach = math.hypot(WIDTH, HEIGHT)
    return [f'<circle cx="0" cy="{HEIGHT}" r="{r}"/>' for r in range(spacing, int(reach) + spacing, spacing)]


def _columns(spacing):
    """Rising columns, each a little taller than the last: the one motif that hints at a chart."""
    count = WIDTH // spacing
    return [
        f'<rect class="motif__fill" x="{i * spacing + spacing / 4}" y="{HEIGHT - height}" '
        f'width="{spacing / 2}" height="{height}"/>'
        for i in range(count)
        for height in [round(HEIGHT * (0.2 + 0.7 * (i + 1) / count))]
    ]


def _crosses(spacing):
    arm = spacing / 4
    return [
        f'<path d="M {x - arm} {y} h {2 * arm} M {x} {y - arm} v {2 * arm}"/>'
        for y in range(spacing // 2, HEIGHT + spacing, spacing)
        for x in range(spacing // 2, WIDTH + spacing, spacing)
    ]


PATTERNS = (_stripes, _dots, _waves, _grid, _chevrons, _rings, _columns, _crosses)


@functools.lru_cache(maxsize=256)
def motif_svg(slug):
    """The motif for `slug` as inline SVG markup, scaled to fill its box."""
    digest = hashlib.sha256(slug.encode()).digest()
    pattern = PATTERNS[digest[0] % len(PATTERNS)]
    spacing = SPACINGS[digest[1] % len(SPACINGS)]
    tone = digest[2] % TONES + 1
    shapes = mark_safe("".join(pattern(spacing)))  # noqa: S308  # nosec B308, B703 (numbers only, no input)
    return format_html(
        '<svg class="motif motif--tone-{} motif--{}" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid slice" '
        'aria-hidden="true" focusable="false"><rect class="motif__ground" width="100%" height="100%"/>'
        '<g class="motif__ink">{}</g></svg>',
        tone,
        pattern.__name__.strip("_"),
        WIDTH,
        HEIGHT,
        shapes,
    )
