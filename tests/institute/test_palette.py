"""Every text colour pair in the palette reaches 7:1 (WCAG AAA), so no template's colour choice can fail."""

import re

from django.conf import settings

import pytest

STYLESHEET = settings.BASE_DIR / "institute/static/institute/css/site.css"

TEXT_PAIRS = [
    ("text", "bg"),
    ("text", "surface"),
    ("text-muted", "bg"),
    ("text-muted", "surface"),
    ("link", "bg"),
    ("link", "surface"),
    ("link-hover", "bg"),
    ("primary-text", "primary"),
    ("primary-text", "primary-hover"),
    ("announcement-text", "announcement-bg"),
    ("header-text", "header-bg"),
    ("footer-text", "footer-bg"),
    ("focus-text", "focus"),
    ("error", "bg"),
]
NON_TEXT_PAIRS = [("border", "bg"), ("focus-ring", "bg"), ("focus-ring", "header-bg"), ("focus-ring", "footer-bg")]


def palette():
    root = re.search(r":root\s*{(.*?)}", STYLESHEET.read_text(), re.S).group(1)
    return dict(re.findall(r"--color-([\w-]+):\s*#([0-9a-fA-F]{6})\s*;", root))


def luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(hex_colour[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula():
    assert contrast("000000", "ffffff") == pytest.approx(21)
    assert contrast("777777", "ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_text_reaches_aaa_contrast(foreground, background):
    colours = palette()
    assert contrast(colours[foreground], colours[background]) >= 7


@pytest.mark.parametrize(("foreground", "background"), NON_TEXT_PAIRS)
def test_borders_and_focus_rings_are_visible(foreground, background):
    colours = palette()
    assert contrast(colours[foreground], colours[background]) >= 3


def test_colours_are_only_defined_in_the_palette():
    outside_root = re.sub(r":root\s*{.*?}", "", STYLESHEET.read_text(), count=1, flags=re.S)
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", outside_root)
