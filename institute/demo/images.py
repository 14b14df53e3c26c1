"""Deterministic, locally drawn demo images: banners, logos and PDFs.

Everything is drawn with Pillow alone and all randomness comes from a
``random.Random`` seeded with the caller's seed string, so the same arguments
always produce byte-identical files.
"""

from __future__ import annotations

import functools
import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

RGB = tuple[int, int, int]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Calm institutional palette: deep blues, teals and greens, plus warm sands.
_DARK: tuple[RGB, ...] = (
    (16, 42, 78),
    (28, 77, 128),
    (18, 96, 110),
    (28, 122, 118),
    (34, 100, 72),
    (64, 128, 92),
)
_WARM: tuple[RGB, ...] = ((214, 186, 142), (196, 148, 102))
_ACCENT: RGB = (255, 219, 160)
_INK: RGB = (28, 34, 46)
_WHITE: RGB = (255, 255, 255)
_RULE: RGB = (200, 204, 210)
_SS = 2  # supersampling factor, because ImageDraw shapes are not anti-aliased
_PAGE = (1240, 1754)  # A4 at 150 dpi
_MARGIN = 130


def _rng(kind: str, seed: str) -> random.Random:
    return random.Random(f"{kind}:{seed}")  # noqa: S311 (deterministic drawing, not security)  # nosec B311


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _gradient(size: tuple[int, int], start: RGB, end: RGB) -> Image.Image:
    """Smooth top-left to bottom-right gradient between two colours."""
    ramp = Image.linear_gradient("L")
    diagonal = ImageChops.add(ramp, ramp.transpose(Image.Transpose.TRANSPOSE), 2.0)
    mask = diagonal.resize(size, Image.Resampling.BICUBIC)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _layer(size: tuple[int, int]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    return overlay, ImageDraw.Draw(overlay)


def _font(size: int) -> Font:
    return ImageFont.load_default(size=max(1, size))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: float) -> list[str]:
    """Greedily wrap ``text`` into lines no wider than ``width`` pixels."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()


def _downsample(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image.convert("RGB").resize(size, Image.Resampling.LANCZOS)


# Each picture is a pure function of its arguments: drawing it once per process is enough, however often
# the demo is loaded (the test suite loads it many times).
@functools.cache
def illustration(title: str, *, seed: str, width: int = 1600, height: int = 900) -> bytes:
    """Abstract data-themed JPEG banner; ``title`` is deliberately not drawn."""
    rng = _rng("illustration", seed)
    size = w, h = width * _SS, height * _SS
    start = rng.choice(_DARK)
    others = [c for c in _DARK if c != start]
    end = rng.choice(_WARM) if rng.random() < 0.35 else rng.choice(others)
    canvas = _gradient(size, start, end).convert("RGBA")

    soft, d = _layer(size)
    for _ in range(rng.randint(3, 6)):
        r, x, y = rng.uniform(0.1, 0.4) * h, rng.uniform(0, w), rng.uniform(0, h)
        if rng.random() < 0.4:
            d.ellipse((x - r, y - r, x + r, y + r), outline=(*_WHITE, 60), width=6)
        else:
            d.ellipse((x - r, y - r, x + r, y + r), fill=(*_WHITE, rng.randint(14, 34)))
    canvas.alpha_composite(soft.filter(ImageFilter.GaussianBlur(4 * _SS)))

    # Pixels drawn on one layer replace earlier ones instead of blending, so
    # the bars hide the grid lines behind them rather than doubling their alpha.
    shapes, d = _layer(size)
    step = h / rng.choice((8, 10, 12))
    for i in range(1, int(w / step) + 1):
        d.line([(i * step, 0), (i * step, h)], fill=(*_WHITE, 16), width=_SS)
    for i in range(1, int(h / step) + 1):
        d.line([(0, i * step), (w, i * step)], fill=(*_WHITE, 16), width=_SS)
    count = rng.randint(6, 11)
    left, pitch = rng.uniform(0.04, 0.54) * w, 0.42 * w / count
    low, high = rng.uniform(0.1, 0.25), rng.uniform(0.5, 0.72)
    for i in range(count):
        rise = low + (high - low) * i / (count - 1) + rng.uniform(-0.05, 0.05)
        x = left + i * pitch
        d.rounded_rectangle(
            (x, h * (1 - rise), x + pitch * 0.62, h + 40),
            radius=pitch * 0.12,
            fill=(*_WHITE, 36 + 40 * i // (count - 1)),
        )
    canvas.alpha_composite(shapes)

    count = rng.randint(7, 11)
    top, bottom = rng.uniform(0.2, 0.4), rng.uniform(0.65, 0.8)
    points = [
        (
            w * (0.04 + 0.92 * i / (count - 1)),
            h * (bottom + (top - bottom) * i / (count - 1) + rng.uniform(-0.06, 0.06)),
        )
        for i in range(count)
    ]
    chart, d = _layer(size)
    d.polygon([*points, (points[-1][0], h), (points[0][0], h)], fill=(*_ACCENT, 24))
    d.line(points, fill=(*_ACCENT, 230), width=5 * _SS, joint="curve")
    r = 8 * _SS
    for x, y in points:
        d.ellipse((x - r, y - r, x + r, y + r), fill=_ACCENT, outline=start, width=6)
    canvas.alpha_composite(chart)
    return _encode(_downsample(canvas, (width, height)), "JPEG", quality=85)


def _initials(short_name: str) -> str:
    words = short_name.split()
    if len(words) == 1 and short_name.isupper():
        return short_name[:5]
    return "".join(w[0] for w in words if w[0].isalnum())[:3].upper() or "?"


@functools.cache
def logo(name: str, short_name: str, *, seed: str, width: int = 600, height: int = 300) -> bytes:
    """PNG wordmark: an emblem with initials on the left, the wrapped name right."""
    rng = _rng("logo", seed)
    w, h = width * _SS, height * _SS
    image = Image.new("RGB", (w, h), _WHITE)
    draw = ImageDraw.Draw(image)
    colour = rng.choice(_DARK)
    pad = round(h * 0.1)
    side = min(h - 2 * pad, round(w * 0.35))
    x0, y0 = pad, (h - side) // 2
    x1, y1 = x0 + side, y0 + side

    shape = rng.choice(("shield", "circle", "square"))
    centre = (x0 + side / 2, y0 + side / 2)
    if shape == "shield":
        mid = y0 + side * 0.55
        steps = [i / 12 for i in range(13)]
        right = [(x1 - side / 2 * t**1.6, mid + (y1 - mid) * t) for t in steps]
        left = [(2 * x0 + side - x, y) for x, y in reversed(right)]
        draw.polygon([(x0, y0), (x1, y0), *right, *left], fill=colour)
        centre = (centre[0], y0 + side * 0.44)  # optical centre sits above the point
    elif shape == "circle":
        draw.ellipse((x0, y0, x1, y1), fill=colour)
    else:
        draw.rounded_rectangle((x0, y0, x1, y1), radius=side * 0.12, fill=colour)

    initials = _initials(short_name)
    size = round(side * 0.42)
    while size > 8 and draw.textlength(initials, font=_font(size)) > side * 0.62:
        size -= 2
    bold = max(1, size // 30)  # the built-in font has no bold face; fake it
    draw.text(
        centre,
        initials,
        font=_font(size),
        fill=_WHITE,
        anchor="mm",
        stroke_width=bold,
        stroke_fill=_WHITE,
    )

    rule_x = x1 + pad
    draw.line([(rule_x, y0 + pad), (rule_x, y1 - pad)], fill=colour, width=2 * _SS)
    text_x = rule_x + pad
    max_w, max_h = w - text_x - pad, h - 2 * pad
    size = round(h * 0.16)
    while True:
        font, line_h = _font(size), size * 1.25
        lines = _wrap(draw, name, font, max_w)
        widest = max((draw.textlength(ln, font=font) for ln in lines), default=0)
        fits = len(lines) <= 3 and len(lines) * line_h <= max_h and widest <= max_w
        if fits or size <= 8:
            break
        size -= 2
    y = (h - len(lines) * line_h + line_h) / 2
    for ln in lines:
        draw.text((text_x, y), ln, font=font, fill=_INK, anchor="lm")
        y += line_h
    return _encode(_downsample(image, (width, height)), "PNG", optimize=True)


@functools.cache
def document_pdf(title: str, paragraphs: tuple[str, ...], *, seed: str) -> bytes:
    """Multi-page A4 PDF with a coloured title band and word-wrapped body text."""
    colour = _rng("document", seed).choice(_DARK)
    title_font, body_font, small_font = _font(60), _font(28), _font(22)
    page_w, page_h = _PAGE
    text_w, line_h, bottom = page_w - 2 * _MARGIN, 46, page_h - _MARGIN - 40
    pages: list[Image.Image] = []

    def new_page() -> tuple[ImageDraw.ImageDraw, int]:
        page = Image.new("RGB", _PAGE, _WHITE)
        draw = ImageDraw.Draw(page)
        if pages:
            band = 80
            draw.rectangle((0, 0, page_w, band), fill=colour)
            draw.text((_MARGIN, band / 2), title, font=small_font, fill=_WHITE, anchor="lm")
        else:
            lines = _wrap(draw, title, title_font, text_w)
            band = 180 + len(lines) * 78
            draw.rectangle((0, 0, page_w, band), fill=colour)
            for i, ln in enumerate(lines):
                draw.text(
                    (_MARGIN, 110 + i * 78),
                    ln,
                    font=title_font,
                    fill=_WHITE,
                    stroke_width=1,
                    stroke_fill=_WHITE,
                )
        draw.rectangle((0, band, page_w, band + 10), fill=_WARM[0])
        pages.append(page)
        return draw, band + 90

    draw, y = new_page()
    for paragraph in paragraphs:
        for ln in _wrap(draw, paragraph, body_font, text_w):
            if y + line_h > bottom:
                draw, y = new_page()
            draw.text((_MARGIN, y), ln, font=body_font, fill=_INK)
            y += line_h
        y += line_h // 2

    for number, page in enumerate(pages, start=1):
        footer = ImageDraw.Draw(page)
        rule_y = page_h - 110
        footer.line([(_MARGIN, rule_y), (page_w - _MARGIN, rule_y)], fill=_RULE)
        footer.text(
            (page_w / 2, page_h - 75),
            f"Page {number} of {len(pages)}",
            font=small_font,
            fill=(110, 116, 128),
            anchor="mm",
        )
    # PdfImagePlugin stamps the current time as CreationDate/ModDate unless
    # those keys are passed; passing None omits them, keeping output stable.
    return _encode(
        pages[0],
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=150.0,
        title=title,
        creationDate=None,
        modDate=None,
    )
