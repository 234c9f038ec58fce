"""One look for every chart, rendered without a network.

Altair's default renderer loads Vega from a CDN, which leaves charts blank offline and in the
PDF. Here every chart is turned into SVG (for the HTML book) and PNG (for LaTeX) by
vl-convert inside the kernel, so both outputs carry the picture itself. Charts that should stay
interactive in the HTML (the maps) go through :func:`interactive`, whose JavaScript comes from
the vl-convert bundle that :mod:`eucluster.build.sphinx_ext` copies into the book's own ``_static``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import altair as alt
import vl_convert as vlc

from eucluster.report import downloads

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


def _mimebundle(spec: dict, **_: Any) -> dict[str, Any]:
    """Render a Vega-Lite spec to SVG and PNG, the two formats the HTML and LaTeX builds use,
    and carry the chart's data for its CSV file (:mod:`eucluster.report.downloads`)."""
    svg = vlc.vegalite_to_svg(spec)
    png = vlc.vegalite_to_png(spec, scale=PNG_SCALE)
    return {
        "image/svg+xml": svg,
        "image/png": base64.b64encode(png).decode("ascii"),
        downloads.DATA_MIME: downloads.chart_payload(spec),
    }


def use_theme() -> None:
    """Register and enable the book's theme and offline renderer (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(theme)
    alt.renderers.register(RENDERER_NAME, _mimebundle)
    alt.renderers.enable(RENDERER_NAME)
    alt.data_transformers.disable_max_rows()


class InteractiveChart:
    """A chart shown as a live Vega view in HTML and as a PNG in LaTeX.

    The HTML part only calls ``vegaEmbed``, which the book serves from its own ``_static``
    folder (see :mod:`eucluster.build.sphinx_ext`), so no request leaves the reader's machine.
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
        return {
            "text/html": html,
            "image/png": bundle["image/png"],
            downloads.DATA_MIME: bundle[downloads.DATA_MIME],
        }


def interactive(chart: alt.TopLevelMixin, element_id: str) -> InteractiveChart:
    """Wrap ``chart`` so that the HTML book keeps its tooltips and the PDF gets a picture."""
    return InteractiveChart(chart, element_id)


def choropleth(
    shapes,
    *,
    value: str,
    value_title: str = "",
    label: str = "name",
    scheme: str = "blues",
    bounds: tuple[float, float, float, float] = (-25.0, 34.0, 45.0, 72.0),
    width: int = 520,
):
    """Regions coloured by ``value``; regions without a value are drawn in light grey.

    ``shapes`` is a GeoDataFrame in EPSG:4326. Rings are turned clockwise, the orientation
    Vega's spherical projection expects (GeoJSON files run them the other way, which Vega reads
    as "the whole globe minus the region"), and shapes outside ``bounds`` (lon/lat; by default
    mainland Europe and the islands near it) are left out so that the map is not mostly ocean.
    """
    from shapely.geometry import box
    from shapely.geometry.polygon import orient

    def clockwise(geometry):
        parts = getattr(geometry, "geoms", [geometry])
        turned = [orient(part, sign=-1.0) for part in parts]
        return turned[0] if len(turned) == 1 else type(geometry)(turned)

    inside = shapes[shapes.geometry.intersects(box(*bounds))].copy()
    inside["geometry"] = inside.geometry.intersection(box(*bounds)).map(clockwise)
    features = json.loads(inside.to_json())["features"]
    base = alt.Chart(alt.Data(values=features)).project(
        type="azimuthalEqualArea", rotate=[-10, -52, 0]
    )
    empty = base.mark_geoshape(fill="#e5e5e5", stroke="white", strokeWidth=0.3)
    filled = (
        base.mark_geoshape(stroke="white", strokeWidth=0.3)
        .encode(
            color=alt.Color(
                f"properties.{value}:Q", title=value_title or value, scale=alt.Scale(scheme=scheme)
            ),
            tooltip=[
                alt.Tooltip(f"properties.{label}:N", title="region"),
                alt.Tooltip(f"properties.{value}:Q", title=value_title or value),
            ],
        )
        .transform_filter(f"isValid(datum.properties.{value})")
    )
    return (empty + filled).properties(width=width, height=width)


def _clip_for_vega(shapes, bounds: tuple[float, float, float, float]) -> list[dict]:
    """GeoJSON features of ``shapes`` clipped to ``bounds``, rounded to 0.01 degree, with rings
    turned clockwise (the orientation Vega's spherical projection expects)."""
    from shapely import set_precision
    from shapely.geometry import box
    from shapely.geometry.polygon import orient

    def clockwise(geometry):
        parts = getattr(geometry, "geoms", [geometry])
        turned = [orient(part, sign=-1.0) for part in parts if part.area > 0]
        return turned[0] if len(turned) == 1 else type(geometry)(turned)

    inside = shapes[shapes.geometry.intersects(box(*bounds))].copy()
    clipped = set_precision(inside.geometry.intersection(box(*bounds)).values, 0.01)
    inside["geometry"] = [clockwise(g) for g in clipped]
    inside = inside[~inside.geometry.is_empty]
    return json.loads(inside.to_json())["features"]


def category_map(
    shapes,
    *,
    category: str,
    colours: dict[str, str],
    tooltip: list,
    background=None,
    bounds: tuple[float, float, float, float] = (-25.0, 34.0, 45.0, 72.0),
    width: int = 520,
    title: str = "",
):
    """Regions coloured by a categorical column, with ``tooltip`` (Altair tooltip fields on
    ``properties.<column>``); ``background`` (a GeoDataFrame, e.g. neighbouring countries) is
    drawn in light grey underneath. Shapes are clipped to ``bounds`` as in :func:`choropleth`
    and coordinates rounded to 0.01 degree to keep the page small."""
    order = list(colours)
    projection = {"type": "azimuthalEqualArea", "rotate": [-10, -52, 0]}
    regions = (
        alt.Chart(alt.Data(values=_clip_for_vega(shapes, bounds)))
        .project(**projection)
        .mark_geoshape(stroke="white", strokeWidth=0.3)
        .encode(
            color=alt.Color(
                f"properties.{category}:N",
                title=title or category,
                scale=alt.Scale(domain=order, range=[colours[c] for c in order]),
                legend=alt.Legend(orient="top-left"),
            ),
            tooltip=tooltip,
        )
    )
    if background is not None:
        grey = (
            alt.Chart(alt.Data(values=_clip_for_vega(background, bounds)))
            .project(**projection)
            .mark_geoshape(fill="#e5e5e5", stroke="white", strokeWidth=0.3)
        )
        regions = grey + regions
    return regions.properties(width=width, height=width)


def heatmap(
    frame,
    *,
    x: str,
    y: str,
    value: str,
    column: str | None = None,
    title: str = "",
    value_title: str = "",
    scheme: str = "blues",
    domain: tuple[float, float] | None = None,
    y_sort=None,
    x_sort=None,
    cell: int = 26,
):
    """Annotated heatmap: a coloured cell per (x, y) with its value printed inside.

    Printing the numbers keeps the chart readable in a grey-scale PDF and lets a reader check
    it against the source table.
    """
    scale = alt.Scale(scheme=scheme, domain=list(domain)) if domain else alt.Scale(scheme=scheme)
    base = alt.Chart(frame).encode(
        x=alt.X(f"{x}:N", title=None, sort=x_sort, axis=alt.Axis(labelAngle=-30, labelLimit=200)),
        y=alt.Y(f"{y}:N", title=None, sort=y_sort, axis=alt.Axis(labelLimit=220)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{value}:Q", title=value_title or value, scale=scale),
        tooltip=[y, x, alt.Tooltip(f"{value}:Q", format=".0f")],
    )
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text(f"{value}:Q", format=".0f"),
        color=alt.condition(
            alt.datum[value] > (domain[1] if domain else 100) * 0.55,
            alt.value("white"),
            alt.value("#222222"),
        ),
    )
    layered = (cells + text).properties(width=alt.Step(cell * 2), height=alt.Step(cell * 0.8))
    if column:
        layered = layered.facet(column=alt.Column(f"{column}:N", title=None))
    return layered.properties(title=title) if title else layered


def interval_dots(
    frame,
    *,
    y: str,
    x: str,
    low: str,
    high: str,
    colour: str,
    colours: dict[str, str] | None = None,
    x_title: str = "",
    y_sort=None,
    x_format: str = ".0%",
):
    """Points with horizontal interval bars, one row per category, offset by ``colour``."""
    colour_scale = (
        alt.Scale(domain=list(colours), range=list(colours.values())) if colours else alt.Scale()
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{y}:N", title=None, sort=y_sort, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset(f"{colour}:N", sort=list(colours) if colours else None),
        color=alt.Color(f"{colour}:N", title=None, scale=colour_scale),
    )
    bars = base.mark_rule(strokeWidth=1.5).encode(
        x=alt.X(f"{low}:Q", title=x_title, axis=alt.Axis(format=x_format)), x2=f"{high}:Q"
    )
    dots = base.mark_point(filled=True, size=45).encode(
        x=f"{x}:Q",
        tooltip=[y, colour, alt.Tooltip(f"{x}:Q", format=x_format)],
    )
    return (bars + dots).properties(width=360, height=alt.Step(26))


def difference_dots(
    frame,
    *,
    y: str,
    x: str,
    low: str,
    high: str,
    colour: str,
    colours: dict[str, str],
    x_title: str = "",
    y_sort=None,
    band: str | None = None,
    alternative: str | None = None,
    label_limit: int = 300,
):
    """Differences with their intervals around a zero line; ``band`` shades ± a threshold.

    Used for gold-minus-silver shares: the zero rule is the "no difference" reference, the
    grey band the smallest difference the group sizes could detect, and ``alternative`` an
    open ring for the same difference computed from a second source. ``label_limit`` is the
    widest row label in pixels before it is cut with an ellipsis (0: never cut).
    """
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{y}:N", title=None, sort=y_sort, axis=alt.Axis(labelLimit=label_limit))
    )
    layers = []
    if band:
        layers.append(
            base.mark_bar(color="#eeeeee", height=14)
            .encode(x=alt.X(f"neg_{band}:Q"), x2=f"{band}:Q")
            .transform_calculate(**{f"neg_{band}": f"-datum['{band}']"})
        )
    layers.append(alt.Chart(frame).mark_rule(color="#777777").encode(x=alt.datum(0)))
    colour_enc = alt.Color(
        f"{colour}:N",
        title=None,
        scale=alt.Scale(domain=list(colours), range=list(colours.values())),
    )
    layers.append(
        base.mark_rule(strokeWidth=1.5).encode(
            x=alt.X(f"{low}:Q", title=x_title, axis=alt.Axis(format="+.0%")),
            x2=f"{high}:Q",
            color=colour_enc,
        )
    )
    layers.append(
        base.mark_point(filled=True, size=55).encode(
            x=f"{x}:Q", color=colour_enc, tooltip=[y, alt.Tooltip(f"{x}:Q", format="+.0%")]
        )
    )
    if alternative:
        layers.append(
            base.mark_point(filled=False, size=70, color="#000000").encode(x=f"{alternative}:Q")
        )
    return alt.layer(*layers).properties(width=380, height=alt.Step(22))


def stacked_shares(
    frame,
    *,
    y: str,
    share: str,
    part: str,
    parts: dict[str, str],
    title: str = "",
    y_sort=None,
    width: int = 260,
    text: str | None = None,
):
    """Horizontal 100 % bars: the parts of each row, coloured by ``parts`` in its order."""
    order = {name: i for i, name in enumerate(parts)}
    data = frame.assign(_order=frame[part].map(order))
    base = alt.Chart(data).encode(
        y=alt.Y(f"{y}:N", title=None, sort=y_sort, axis=alt.Axis(labelLimit=300)),
        x=alt.X(f"{share}:Q", stack="normalize", title=title, axis=alt.Axis(format=".0%")),
        order=alt.Order("_order:Q"),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            f"{part}:N",
            title=None,
            scale=alt.Scale(domain=list(parts), range=list(parts.values())),
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[y, part, alt.Tooltip(f"{share}:Q", format=".0%")],
    )
    return bars.properties(width=width, height=alt.Step(20))


def presence_grid(frame, *, x: str, y: str, value: str, title: str = "", x_sort=None, y_sort=None):
    """A grid of filled (True), open (False) and blank (missing) cells: who has what."""
    shown = frame.assign(_state=frame[value].map({True: "yes", False: "no"}).fillna("not stated"))
    return (
        alt.Chart(shown)
        .mark_square(size=170)
        .encode(
            x=alt.X(
                f"{x}:N", title=None, sort=x_sort, axis=alt.Axis(labelAngle=-35, labelLimit=160)
            ),
            y=alt.Y(f"{y}:N", title=None, sort=y_sort, axis=alt.Axis(labelLimit=220)),
            color=alt.Color(
                "_state:N",
                title=title or None,
                scale=alt.Scale(
                    domain=["yes", "no", "not stated"], range=["#0072B2", "#d9d9d9", "#ffffff"]
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            stroke=alt.value("#999999"),
            tooltip=[y, x, alt.Tooltip("_state:N", title=value)],
        )
        .properties(width=alt.Step(34), height=alt.Step(20))
    )
