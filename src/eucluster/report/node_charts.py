"""The charts of the nodes and ecosystems chapters, built from the book's shared builders.

Each function takes the frame a :mod:`eucluster.measures.node_findings` or
:mod:`eucluster.measures.ecosystem_findings` section returns and gives the chart the chapter
glues, so the chapters hold the argument and this module the chart specifications (scales,
colours, sort orders) that a reader of the chapter does not need to see.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from eucluster.geo import regions
from eucluster.geo.regions import EU27
from eucluster.measures.node_tables import KIND_NAMES, NODE_TYPE_NAMES
from eucluster.report import charts

#: One colour per node kind, the same in every chart of both chapters.
KIND_COLOURS = {"Regional-relevant": "#009E73", "Industry-relevant": "#CC79A7"}
PANELS = {"published_pct": "published", "recomputed_pct": "recomputed", "difference": "difference"}


def node_maps(counts: pd.DataFrame) -> alt.HConcatChart:
    """One choropleth per node kind of the number of nodes per region; ``counts`` is indexed
    by NUTS 2021 code (:func:`eucluster.measures.node_tables.to_nuts2021`), regions without a
    count are grey."""
    shapes = regions.boundaries(2).rename(columns={"name_latn": "name"})
    shapes = shapes[shapes["country"].isin(EU27)][["geo", "name", "geometry"]]
    return alt.hconcat(
        *[
            charts.choropleth(
                shapes.merge(counts[[kind]], left_on="geo", right_index=True, how="left"),
                value=kind,
                value_title="nodes",
                width=300,
            ).properties(title=f"{name} nodes")
            for kind, name in KIND_NAMES.items()
        ]
    ).resolve_scale(color="independent")


def ecosystem_table_heatmaps(tables: pd.DataFrame) -> dict[str, alt.HConcatChart]:
    """For each published table (2 and 3), heatmaps of the published and recomputed shares of
    regions with a node and of their difference, keyed by the glue name
    (``fig-ecosystems-table2``). The difference scale is symmetric and shared by both tables,
    so the same colour means the same gap in both."""
    long = tables.melt(
        id_vars=["node_type", "table", "ecosystem_id", "ecosystem", "group"],
        value_vars=list(PANELS),
        var_name="panel",
        value_name="pct",
    ).assign(
        label=lambda d: d["ecosystem_id"] + " " + d["ecosystem"],
        panel=lambda d: d["panel"].map(PANELS),
    )
    limit = float(np.ceil(tables["difference"].abs().max() / 10) * 10)
    result = {}
    for node_type in NODE_TYPE_NAMES.values():
        part = long[long["node_type"] == node_type]
        shares = part[part["panel"] != "difference"]
        chart = alt.hconcat(
            charts.heatmap(
                shares,
                x="group",
                y="label",
                value="pct",
                column="panel",
                value_title="% regions",
                domain=(0, 100),
                x_sort=["weak", "non-weak"],
                cell=22,
            ),
            charts.heatmap(
                part[part["panel"] == "difference"],
                x="group",
                y="label",
                value="pct",
                value_title="difference",
                scheme="redblue",
                domain=(-limit, limit),
                x_sort=["weak", "non-weak"],
                title="recomputed - published",
                cell=22,
            ),
        ).resolve_scale(color="independent")
        result[f"fig-ecosystems-{part['table'].iloc[0].lower().replace(' ', '')}"] = chart
    return result


def threshold_gap_heatmap(gaps: pd.DataFrame, lq_values, share_values) -> alt.FacetChart:
    """The weak minus non-weak gap in percent of the non-weak mean for every pair of
    thresholds (:func:`eucluster.measures.weak_gap.threshold_grid`), one panel per node kind,
    blue where weak regions have more nodes."""
    frame = gaps.assign(
        kind=lambda d: d["node_kind"].map(KIND_NAMES),
        lq=lambda d: d["lq_threshold"].map("LQ > {:g}".format),
        share=lambda d: d["share_threshold"].map("share > {:.1%}".format),
        gap_pct=lambda d: d["gap_pct"].replace([np.inf, -np.inf], np.nan),
    )
    limit = float(np.ceil(frame["gap_pct"].abs().max() / 10) * 10)
    return charts.heatmap(
        frame,
        x="share",
        y="lq",
        value="gap_pct",
        column="kind",
        scheme="redblue",
        domain=(-limit, limit),
        value_title="gap, % of non-weak mean",
        cell=24,
        y_sort=[f"LQ > {value:g}" for value in lq_values],
        x_sort=[f"share > {value:.1%}" for value in share_values],
    )


def variant_intervals(gaps: pd.DataFrame, order) -> alt.LayerChart:
    """The gap with its bootstrap interval for each variant
    (:func:`eucluster.measures.weak_gap.variant_gaps`), in ``order``, with a line at zero."""
    chart = charts.interval_dots(
        gaps.assign(kind=gaps["node_kind"].map(KIND_NAMES)),
        y="variant",
        x="gap",
        low="gap_low",
        high="gap_high",
        colour="kind",
        colours=KIND_COLOURS,
        x_format=".1f",
        x_title="weak minus non-weak nodes per region",
        y_sort=list(order),
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#777777").encode(x="zero:Q")
    return (chart + zero).properties(height=alt.Step(15))


#: Colours of the two sets of frames in :func:`frame_means`.
FRAME_SET_COLOURS = ("#0072B2", "#BBBBBB")


def frame_means(long: pd.DataFrame, marks: pd.DataFrame) -> alt.LayerChart:
    """The four Table 1 means of every frame as ticks, one row per mean and one band per set of
    frames (:func:`eucluster.measures.frame_table1.chart_frame`), with the published value
    and the default NUTS 2 value marked (``marks``: ``mean, value, mark``)."""
    names = {
        f"{kind}.{group}": f"{name}, {group.replace('_', '-')}"
        for kind, name in KIND_NAMES.items()
        for group in ("weak", "non_weak")
    }
    order = list(names.values())
    sets = list(dict.fromkeys(long["frames"]))
    y = alt.Y("mean:N", title=None, sort=order, axis=alt.Axis(labelLimit=220))
    ticks = (
        alt.Chart(long.assign(mean=long["mean"].map(names)))
        .mark_tick(thickness=1.5, opacity=0.5, size=14)
        .encode(
            x=alt.X("value:Q", title="mean nodes per region"),
            y=y,
            yOffset=alt.YOffset("frames:N", sort=sets),
            color=alt.Color(
                "frames:N",
                title="frames",
                sort=sets,
                scale=alt.Scale(domain=sets, range=list(FRAME_SET_COLOURS)),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
        )
    )
    marked = list(dict.fromkeys(marks["mark"]))
    points = (
        alt.Chart(marks.assign(mean=marks["mean"].map(names)))
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            x="value:Q",
            y=y,
            shape=alt.Shape(
                "mark:N",
                title=None,
                sort=marked,
                scale=alt.Scale(domain=marked, range=["diamond", "square"]),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            fill=alt.value("#000000"),
            stroke=alt.value("#000000"),
            tooltip=["mark", "mean", alt.Tooltip("value:Q", format=".1f")],
        )
    )
    return (
        (ticks + points)
        .properties(width=460, height=alt.Step(36))
        .resolve_scale(color="independent", shape="independent")
    )
