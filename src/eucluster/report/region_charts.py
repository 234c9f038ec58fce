"""Charts of the regions chapter: the map of cohesion categories, the spread of regions around
the thresholds, the mixed NUTS 1 / NUTS 2 sets and the regions that change category.

Each builder takes the table a function of :mod:`eucluster.geo.weakness_evidence` returns, so
the chapter only glues the chart. Shared pieces (the theme, :func:`charts.category_map`, the
category colours) stay in :mod:`eucluster.report.charts`.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from eucluster.geo import regions, weakness
from eucluster.key_figures import Figure, computed
from eucluster.report import charts

#: lon/lat extent of the map: mainland Europe, Cyprus, Iceland.
MAP_BOUNDS = (-25.0, 34.0, 35.0, 72.0)


def _category_colour(legend: alt.Legend) -> alt.Color:
    colours = charts.CATEGORY_COLOURS
    return alt.Color(
        "category:N",
        title=None,
        scale=alt.Scale(domain=list(colours), range=list(colours.values())),
        legend=legend,
    )


@dataclass(frozen=True)
class RegionMap:
    """The category map, the study regions it leaves out, and the figure that counts them."""

    chart: charts.InteractiveChart
    shapes: pd.DataFrame
    outside: pd.DataFrame
    figures: list[Figure]


def category_map(
    labels: pd.DataFrame, bounds: tuple[float, float, float, float] = MAP_BOUNDS, title: str = ""
) -> RegionMap:
    """The study regions coloured by category (``labels`` from :func:`weakness.classify`),
    countries outside the EU-27 in grey; regions wholly outside ``bounds`` are counted, not
    drawn (the outermost regions would make the map mostly ocean)."""
    shapes = regions.boundaries(2).merge(
        labels.reset_index()[["geo", "name", "gdp_pps_pct_eu27", "category"]]
    )
    shapes["category"] = shapes["category"].astype("str")
    shapes["gdp"] = shapes["gdp_pps_pct_eu27"].round(0)
    shapes = shapes[["geo", "name", "gdp", "category", "geometry"]]
    outside = regions.outside_map(shapes, bounds)
    neighbours = regions.boundaries(0)
    neighbours = neighbours[~neighbours["country"].isin(regions.EU27)][["geo", "geometry"]]
    chart = charts.category_map(
        shapes,
        background=neighbours,
        category="category",
        colours=charts.CATEGORY_COLOURS,
        bounds=bounds,
        title=title,
        tooltip=[
            alt.Tooltip("properties.name:N", title="region"),
            alt.Tooltip("properties.geo:N", title="code"),
            alt.Tooltip("properties.gdp:Q", title="GDP per head, % of EU-27"),
            alt.Tooltip("properties.category:N", title="category"),
        ],
    )
    figures = [
        computed(
            "regions.map.outside.count",
            len(outside),
            unit="NUTS 2 regions",
            definition="study regions wholly outside the map extent (outermost regions)",
            fmt="{:d}",
        ),
        Figure(
            "regions.map.outside.names",
            ", ".join(sorted(outside["name"])) if len(outside) else "none",
            "",
            definition="names of the study regions wholly outside the map extent",
        ),
    ]
    return RegionMap(charts.interactive(chart, "regions-map"), shapes, outside, figures)


def distribution(labels: pd.DataFrame, period: tuple[int, int]) -> alt.LayerChart:
    """Histogram of GDP per head (bins of 5 points) coloured by category, with the 75 and 100
    thresholds as dashed rules."""
    bars = (
        alt.Chart(labels.reset_index())
        .mark_bar()
        .encode(
            x=alt.X(
                "gdp_pps_pct_eu27:Q",
                bin=alt.Bin(step=5),
                title=f"GDP per head in PPS, % of EU-27 average ({period[0]}-{period[1]})",
            ),
            y=alt.Y("count():Q", title="regions"),
            color=_category_colour(alt.Legend(orient="top-right")),
        )
    )
    thresholds = [weakness.LESS_DEVELOPED_BELOW, weakness.MORE_DEVELOPED_FROM]
    rules = (
        alt.Chart(pd.DataFrame({"x": thresholds}))
        .mark_rule(strokeDash=[4, 3], color="#444444")
        .encode(x="x:Q")
    )
    return (bars + rules).properties(width=520)


def mixed_sets(mixes: pd.DataFrame, total: int) -> alt.Chart:
    """Number of country-by-country choices per number of weak regions; the bar of the
    paper's count (``paper``) in the weak-region colour."""
    return (
        alt.Chart(mixes)
        .mark_bar(size=8)
        .encode(
            x=alt.X("weak:Q", title=f"weak regions among the {total}", scale=alt.Scale(zero=False)),
            y=alt.Y("combinations:Q", title="country-by-country choices"),
            color=alt.condition(
                "datum.paper", alt.value(charts.GROUP_COLOURS["weak"]), alt.value("#9aa5b1")
            ),
            tooltip=["weak", "combinations"],
        )
        .properties(width=520, height=220)
    )


def category_changes(changes: pd.DataFrame) -> alt.Chart:
    """One row per region that changes category, one cell per year (blank: no value)."""
    years = [c for c in changes.columns if c.isdigit()]
    long = changes.reset_index().melt(
        id_vars=["geo", "name"], value_vars=years, var_name="year", value_name="category"
    )
    long = long[long["category"] != ""]
    long["region"] = long["name"].str.slice(0, 28) + " (" + long["geo"] + ")"
    return (
        alt.Chart(long)
        .mark_rect(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("region:N", title=None, sort=alt.SortField("region")),
            color=_category_colour(alt.Legend(orient="top")),
            tooltip=["region", "year", "category"],
        )
        .properties(width=alt.Step(34), height=alt.Step(11))
    )
