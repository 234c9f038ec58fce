"""How large a chart's smallest text is once the PDF has scaled the chart to the page.

Sphinx's LaTeX writer scales every picture down until it fits the text width and at most
0.72 of the text height (``_config.yml`` sets that cap), so a chart's text size in print
depends on its size in pixels: a 900-pixel-wide chart prints its 11-pixel labels at about 5 pt.
:func:`smallest_print_pt` measures a rendered SVG (its size and every ``font-size``) against
the page, so tests can hold every chart to a readable size. No library does this measurement.
"""

from __future__ import annotations

import re

#: Width and highest height a picture may take on the PDF page (A4, the book's class), in cm,
#: measured on the built PDF (a full-width map and a full-height chart).
TEXT_WIDTH_CM = 15.9
MAX_HEIGHT_CM = 17.7
CM_PER_PT = 2.54 / 72.27
#: The smallest text size a reader can comfortably read in print.
READABLE_PT = 7.0

_SIZE = re.compile(r'<svg[^>]*\bwidth="(?P<w>[0-9.]+)"[^>]*\bheight="(?P<h>[0-9.]+)"')
_FONT = re.compile(r'font-size="(?P<px>[0-9.]+)px"')


def print_scale(width_px: float, height_px: float) -> float:
    """Centimetres per pixel once a ``width_px`` x ``height_px`` picture is fitted to the page."""
    return min(TEXT_WIDTH_CM / width_px, MAX_HEIGHT_CM / height_px)


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of a rendered chart, in pixels."""
    match = _SIZE.search(svg)
    if not match:
        raise ValueError("not an SVG with a width and a height")
    return float(match["w"]), float(match["h"])


def font_sizes(svg: str) -> list[float]:
    """Every font size used in the SVG, in pixels."""
    return [float(m["px"]) for m in _FONT.finditer(svg)]


def smallest_print_pt(svg: str) -> float:
    """The smallest text of a rendered chart, in points, as printed in the PDF."""
    sizes = font_sizes(svg)
    if not sizes:
        return float("inf")
    return min(sizes) * print_scale(*svg_size(svg)) / CM_PER_PT


def chart_print_pt(chart) -> float:
    """:func:`smallest_print_pt` of an Altair chart, rendered with vl-convert."""
    import vl_convert as vlc

    return smallest_print_pt(vlc.vegalite_to_svg(chart.to_dict()))


def wrapped(text: str, width: int = 28) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters, at spaces."""
    import textwrap

    return textwrap.wrap(str(text), width=width, break_long_words=False) or [str(text)]


def wrapped_label_expr(values, width: int = 28) -> str:
    """A Vega ``labelExpr`` that prints each long axis label in ``values`` on several lines
    (Vega draws an array of strings as lines), so long names need no ellipsis and the chart
    stays narrow enough to print legibly. Labels that fit on one line are left alone."""
    import json

    lines = {str(v): wrapped(v, width) for v in values if len(str(v)) > width}
    if not lines:
        return "datum.label"
    return f"({json.dumps(lines)})[datum.label] || datum.label"
