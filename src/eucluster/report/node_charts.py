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
    count are grey. The colour legends sit under the maps, so the pair is about 620 px wide
    and prints its text at 8 pt (beside the maps, at 740 px, 6.7 pt)."""
    shapes = regions.boundaries(2).rename(columns={"name_latn": "name"})
    shapes = shapes[shapes["country"].isin(EU27)][["geo", "name", "geometry"]]
    return (
        alt.hconcat(
            *[
                charts.choropleth(
                    shapes.merge(counts[[kind]], left_on="geo", right_index=True, how="left"),
                    value=kind,
                    value_title="nodes",
                    width=300,
                ).properties(title=f"{name} nodes")
                for kind, name in KIND_NAMES.items()
            ]
        )
        .resolve_scale(color="independent")
        .configure_legend(orient="bottom", direction="horizontal", gradientLength=200)
    )


def ecosystem_table_heatmaps(tables: pd.DataFrame) -> dict[str, alt.FacetChart]:
    """For each published table (2 and 3), one heatmap of the published and recomputed shares
    of regions with a node and of their difference, one panel per group of regions, keyed by
    the glue name (``fig-ecosystems-table2``).

    Published, recomputed and difference sit side by side within the group, so the chart is
    narrow enough (about 500 px) to print its 11 px text at 10 pt; a wider layout of three
    panels printed it at 5 pt. The values are printed in the cells, so the colours (blues for
    shares, red-blue for the difference on a symmetric scale shared by both tables, so the
    same colour means the same gap in both) need no legend."""
    long = tables.melt(
        id_vars=["node_type", "table", "ecosystem_id", "ecosystem", "group"],
        value_vars=list(PANELS),
        var_name="panel",
        value_name="pct",
    ).assign(
        label=lambda d: d["ecosystem_id"] + " " + d["ecosystem"],
        panel=lambda d: d["panel"].map(PANELS),
        group=lambda d: d["group"] + " regions",
    )
    limit = float(np.ceil(tables["difference"].abs().max() / 10) * 10)
    result = {}
    for node_type in NODE_TYPE_NAMES.values():
        part = long[long["node_type"] == node_type]
        base = alt.Chart(part).encode(
            x=alt.X(
                "panel:N",
                title=None,
                sort=list(PANELS.values()),
                axis=alt.Axis(labelAngle=-35, orient="top"),
            ),
            y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=230)),
        )
        shares = base.transform_filter("datum.panel != 'difference'").mark_rect()
        shares = shares.encode(
            color=alt.Color("pct:Q", legend=None, scale=alt.Scale(scheme="blues", domain=[0, 100]))
        )
        gaps = base.transform_filter("datum.panel == 'difference'").mark_rect()
        gaps = gaps.encode(
            color=alt.Color(
                "pct:Q", legend=None, scale=alt.Scale(scheme="redblue", domain=[-limit, limit])
            )
        )
        dark = f"datum.panel == 'difference' ? abs(datum.pct) > {0.55 * limit} : datum.pct > 55"
        text = base.mark_text(fontSize=11).encode(
            text=alt.Text("pct:Q", format=".0f"),
            color=alt.condition(dark, alt.value("white"), alt.value("#222222")),
            tooltip=["label:N", "group:N", "panel:N", alt.Tooltip("pct:Q", format=".0f")],
        )
        chart = (
            alt.layer(shares, gaps, text)
            .resolve_scale(color="independent")
            .properties(width=alt.Step(44), height=alt.Step(18))
            .facet(column=alt.Column("group:N", title=None, sort=["weak regions"]))
        )
        result[f"fig-ecosystems-{part['table'].iloc[0].lower().replace(' ', '')}"] = chart
    return result


def threshold_gap_heatmap(gaps: pd.DataFrame, lq_values, share_values) -> alt.FacetChart:
    """The weak minus non-weak gap in percent of the non-weak mean for every pair of
    thresholds (:func:`eucluster.measures.weak_gap.threshold_grid`), one panel per node kind,
    blue where weak regions have more nodes.

    The gaps are printed in the cells (11 px), so the chart needs no colour legend and stays
    about 450 px wide: its text prints at 7 pt or more (with the shared heatmap's legend and
    10 px cell text it printed at 6.9 pt)."""
    frame = gaps.assign(
        kind=lambda d: d["node_kind"].map(KIND_NAMES),
        lq=lambda d: d["lq_threshold"].map("LQ > {:g}".format),
        share=lambda d: d["share_threshold"].map("share > {:.1%}".format),
        gap_pct=lambda d: d["gap_pct"].replace([np.inf, -np.inf], np.nan),
    )
    limit = float(np.ceil(frame["gap_pct"].abs().max() / 10) * 10)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "share:N",
            title=None,
            sort=[f"share > {value:.1%}" for value in share_values],
            axis=alt.Axis(labelAngle=-30),
        ),
        y=alt.Y("lq:N", title=None, sort=[f"LQ > {value:g}" for value in lq_values]),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "gap_pct:Q", legend=None, scale=alt.Scale(scheme="redblue", domain=[-limit, limit])
        ),
        tooltip=["kind:N", "lq:N", "share:N", alt.Tooltip("gap_pct:Q", format=".0f")],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("gap_pct:Q", format=".0f"),
        color=alt.condition(
            f"abs(datum.gap_pct) > {0.55 * limit}", alt.value("white"), alt.value("#222222")
        ),
    )
    return (
        (cells + text)
        .properties(width=alt.Step(48), height=alt.Step(22))
        .facet(column=alt.Column("kind:N", title=None))
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
