"""One look for every chart, rendered without a network.

Altair's default renderer loads Vega from a CDN, which leaves charts blank offline and in the
PDF. Here every chart is turned into SVG (for the HTML book) and PNG (for LaTeX) by
vl-convert inside the kernel, so both outputs carry the picture itself. Charts that should stay
interactive in the HTML (the maps) go through :func:`interactive`, whose JavaScript comes from
the vl-convert bundle that :mod:`eucluster.sphinx_ext` copies into the book's own ``_static``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import altair as alt
import vl_convert as vlc

THEME_NAME = "eucluster"
RENDERER_NAME = "eucluster"

#: Colour-blind-safe categorical palette (Okabe & Ito 2008), used across the book.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Weak regions are always drawn in the same colour as in every other chart.
GROUP_COLOURS = {"weak": "#D55E00", "non-weak": "#0072B2"}
#: Cohesion-policy categories, ordered from least to most developed.
CATEGORY_COLOURS = {
    "less developed": "#D55E00",
    "transition": "#E69F00",
    "more developed": "#0072B2",
}
FONT = "DejaVu Sans"
PNG_SCALE = 2.0


def theme() -> dict[str, Any]:
    """The Vega-Lite config shared by all charts: quiet axes, one font, one palette."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 420, "continuousHeight": 280},
            "axis": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#e5e5e5",
                "domainColor": "#777777",
                "tickColor": "#777777",
            },
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal"},
            "title": {"fontSize": 13, "anchor": "start", "fontWeight": "normal"},
            "range": {"category": PALETTE},
            "header": {"labelFontSize": 11, "titleFontSize": 12},
        }
    }


def _mimebundle(spec: dict, **_: Any) -> dict[str, str]:
    """Render a Vega-Lite spec to SVG and PNG, the two formats the HTML and LaTeX builds use."""
    svg = vlc.vegalite_to_svg(spec)
    png = vlc.vegalite_to_png(spec, scale=PNG_SCALE)
    return {"image/svg+xml": svg, "image/png": base64.b64encode(png).decode("ascii")}


def use_theme() -> None:
    """Register and enable the book's theme and offline renderer (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(theme)
    alt.renderers.register(RENDERER_NAME, _mimebundle)
    alt.renderers.enable(RENDERER_NAME)
    alt.data_transformers.disable_max_rows()


class InteractiveChart:
    """A chart shown as a live Vega view in HTML and as a PNG in LaTeX.

    The HTML part only calls ``vegaEmbed``, which the book serves from its own ``_static``
    folder (see :mod:`eucluster.sphinx_ext`), so no request leaves the reader's machine.
    """

    def __init__(self, chart: alt.TopLevelMixin, element_id: str):
        self.chart = chart
        self.element_id = element_id

    def _repr_mimebundle_(self, include=None, exclude=None):
        spec = self.chart.to_dict()
        bundle = _mimebundle(spec)
        html = (
            f'<div id="{self.element_id}" class="eucluster-vega"></div>\n'
            f'<script type="text/javascript">\n'
            f'vegaEmbed("#{self.element_id}", {json.dumps(spec)}, '
            f'{{"actions": false, "renderer": "svg"}});\n</script>'
        )
        return {"text/html": html, "image/png": bundle["image/png"]}


def interactive(chart: alt.TopLevelMixin, element_id: str) -> InteractiveChart:
    """Wrap ``chart`` so that the HTML book keeps its tooltips and the PDF gets a picture."""
    return InteractiveChart(chart, element_id)
