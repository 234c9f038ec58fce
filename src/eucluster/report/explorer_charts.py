"""The region explorer: one Vega-Lite view whose every panel follows one region parameter.

The parameter is bound to a drop-down list of all regions (a browser's list can be searched by
typing the code or name), and every panel filters the book's result tables
(:mod:`eucluster.report.explorer_data`) by it in the reader's browser, so the page works
offline and without a server. The same spec rendered with the parameter at one region is the
PDF's worked example.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from eucluster.report import charts
from eucluster.report.explorer_data import Explorer

WIDTH = 560
SELECTED = "#D55E00"
NEIGHBOUR = "#E69F00"
#: Longest division title shown on an axis; the full title is in the tooltip.
TITLE_CHARACTERS = 42


def _short(title: object) -> str:
    text = str(title)
    return text if len(text) <= TITLE_CHARACTERS else text[: TITLE_CHARACTERS - 1] + "…"


def region_parameter(explorer: Explorer, region: str) -> alt.Parameter:
    """The region drop-down: codes as values, "code name" as the labels a reader searches."""
    regions = explorer.regions
    return alt.param(
        name="region",
        value=region,
        bind=alt.binding_select(
            options=list(regions.index),
            labels=list(regions["label"]),
            name="Region: ",
        ),
    )


def _regions_data(explorer: Explorer) -> pd.DataFrame:
    out = explorer.regions.reset_index()
    for column in ("regional_nodes", "industry_nodes"):
        out[column] = out[column].astype("Float64")
    return out


def headline(explorer: Explorer, region: alt.Parameter) -> alt.Chart:
    """Three lines of text: the region, its latest category, its nodes and residual."""
    data = _regions_data(explorer)
    base = alt.Chart(data).transform_filter(alt.datum.geo == region)
    lines = base.transform_calculate(
        line1="datum.geo + ' ' + datum.name + ' (' + datum.country + ')'",
        line2="'GDP per head ' + format(datum.gdp_pps_pct_eu27, '.0f') + ' % of the EU-27 in '"
        " + datum.latest_year + ': ' + datum.category",
        line3="isValid(datum.regional_nodes) ? datum.regional_nodes + ' regional-relevant and '"
        " + datum.industry_nodes + ' industry-relevant nodes (2014)'"
        " : 'no node data: borders redrawn since the NUTS 2013 statistics'",
        line4="isValid(datum.residual) ? 'main regression: residual ' + format(datum.residual,"
        " '+.2f') + ' log points, rank ' + datum.residual_rank + ' from the top'"
        " : 'not in the regression sample'",
    )
    texts = [
        lines.mark_text(align="left", fontSize=size, fontWeight=weight, dy=offset).encode(
            x=alt.value(0), text=f"{name}:N"
        )
        for name, size, weight, offset in [
            ("line1", 16, "bold", -30),
            ("line2", 13, "normal", -8),
            ("line3", 13, "normal", 12),
            ("line4", 13, "normal", 32),
        ]
    ]
    return alt.layer(*texts).properties(width=WIDTH, height=80)


def gdp_history(explorer: Explorer, region: alt.Parameter) -> alt.LayerChart:
    """GDP per head as % of the EU-27 by year, points coloured by the year's category, with
    the 75 % and 100 % lines of the cohesion-policy rule."""
    colours = charts.CATEGORY_COLOURS
    base = alt.Chart(explorer.years).transform_filter(alt.datum.geo == region)
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=list(range(2000, 2030, 4))))
    y = alt.Y("gdp_pps_pct_eu27:Q", title="GDP per head, % of EU-27 (PPS)")
    line = base.mark_line(color="#777777").encode(x=x, y=y)
    points = base.mark_point(filled=True, size=70).encode(
        x=x,
        y=y,
        color=alt.Color(
            "category:N",
            title="Category",
            scale=alt.Scale(domain=list(colours), range=list(colours.values())),
            legend=alt.Legend(orient="top", labelFontSize=12, titleFontSize=12),
        ),
        tooltip=["year:O", "gdp_pps_pct_eu27:Q", "category:N"],
    )
    thresholds = (
        alt.Chart(pd.DataFrame({"level": [75, 100]}))
        .mark_rule(strokeDash=[4, 3], color="#999999")
        .encode(y="level:Q")
    )
    return alt.layer(thresholds, line, points).properties(width=WIDTH, height=200)


def node_bars(explorer: Explorer, region: alt.Parameter) -> alt.Chart:
    """The region's specialisation nodes: location quotient by division, coloured by kind,
    with the ecosystems each division feeds as text."""
    data = explorer.nodes.assign(short=explorer.nodes["title"].map(_short))
    data["label"] = data["division"] + " " + data["short"]
    base = alt.Chart(data).transform_filter(alt.datum.geo == region)
    y = alt.Y("label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320, labelFontSize=11))
    bars = base.mark_bar().encode(
        x=alt.X(
            "lq:Q",
            title="Location quotient (log scale, from the EU-27 level 1)",
            scale=alt.Scale(type="log"),
        ),
        x2=alt.datum(1),
        y=y,
        color=alt.Color(
            "kind:N",
            title="Node",
            scale=alt.Scale(
                domain=["regional-relevant", "industry-relevant", "both"],
                range=["#56B4E9", "#E69F00", "#009E73"],
            ),
            legend=alt.Legend(orient="top", labelFontSize=12, titleFontSize=12),
        ),
        tooltip=["division:N", "title:N", "kind:N", "lq:Q", "ecosystems:N"],
    )
    return bars.properties(width=WIDTH - 340, height=alt.Step(16))


def regression_place(explorer: Explorer, region: alt.Parameter) -> alt.LayerChart:
    """All regions' strength against log GDP per head, the selected region and its nearest
    neighbours highlighted (the regression chapter's spatial weights)."""
    data = _regions_data(explorer).dropna(subset=["residual"])
    x = alt.X("strength:Q", title=f"Cluster strength ({explorer.strength_measure})")
    y = alt.Y("log_gdp:Q", title="log GDP per head (PPS)", scale=alt.Scale(zero=False))
    everyone = (
        alt.Chart(data)
        .mark_circle(size=25, color="#bbbbbb")
        .encode(x=x, y=y, tooltip=["label:N", "residual:Q"])
    )
    neighbours = (
        alt.Chart(explorer.neighbours)
        .transform_filter(alt.datum.geo == region)
        .transform_lookup(
            lookup="neighbour",
            from_=alt.LookupData(data, "geo", ["strength", "log_gdp", "label"]),
        )
        .mark_circle(size=70, color=NEIGHBOUR)
        .encode(x=x, y=y, tooltip=["label:N"])
    )
    chosen = (
        alt.Chart(data)
        .transform_filter(alt.datum.geo == region)
        .mark_circle(size=140, color=SELECTED)
        .encode(x=x, y=y, tooltip=["label:N", "residual:Q"])
    )
    return alt.layer(everyone, neighbours, chosen).properties(width=WIDTH, height=240)


def explorer_chart(explorer: Explorer, region: str) -> alt.VConcatChart:
    """The whole explorer, every panel following the drop-down's region."""
    parameter = region_parameter(explorer, region)
    panels = [
        headline(explorer, parameter),
        gdp_history(explorer, parameter),
        node_bars(explorer, parameter),
        regression_place(explorer, parameter),
    ]
    return (
        alt.vconcat(*panels, spacing=24)
        .add_params(parameter)
        .resolve_scale(color="independent")
        .configure_axis(labelFontSize=12, titleFontSize=12)
    )
