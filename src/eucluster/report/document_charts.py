"""Charts of the chapters that read the documents themselves (documents, recommendations).

Each builder takes the tidy frame a domain function returns and lays out the panels of one
figure, so that the chapter only glues the chart it gets. The shared building blocks
(:func:`eucluster.report.charts.heatmap`, :func:`eucluster.report.charts.interval_dots`) stay
in :mod:`eucluster.report.charts`; what lives here is the arrangement specific to one figure.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from eucluster.report import charts
from eucluster.report.print_legibility import wrapped, wrapped_label_expr

#: Column headings of the ECCP ecosystem heatmaps: what each published percentage is a share of.
ECOSYSTEM_MEASURES = {
    "regions_pct": "% of regions with node",
    "nodes_with_co_pct": "% of nodes with org.",
}
#: The excellence labels in the colours of the medals, so the legend needs no reading.
LABEL_COLOURS = {"gold": "#B8860B", "silver": "#7F7F7F", "bronze": "#A0522D"}


def _compact_heatmap(panel: alt.LayerChart, headings: dict[str, list[str]]) -> alt.LayerChart:
    """A :func:`charts.heatmap` panel with level column headings on several lines
    (``headings``) and low rows: slanted headings and tall cells take height, and height is
    what the PDF shrinks a tall figure by, text included."""
    label_expr = f"({json.dumps(headings)})[datum.label] || datum.label"
    axis = alt.Axis(labelAngle=0, labelLimit=0, labelExpr=label_expr, labelPadding=4)
    for layer in panel.layer:
        layer.encoding.x.axis = axis
    return panel.properties(width=alt.Step(76), height=alt.Step(17))


def ecosystem_heatmaps(ecosystem_tables: pd.DataFrame) -> alt.VConcatChart:
    """ECCP Tables 2 and 3 as two heatmaps on one colour scale, regional-relevant on top.

    ``ecosystem_tables`` is :func:`eucluster.data.eccp_ecosystem_tables`. One shared
    scale lets a reader compare a percentage in one table with one in the other.
    """
    column_order = [
        f"{group}: {measure}"
        for group in ("weak", "non-weak")
        for measure in ECOSYSTEM_MEASURES.values()
    ]
    heat = ecosystem_tables.assign(
        panel=lambda d: d["node_type"].str.capitalize() + " nodes (" + d["table"] + ")",
        column=lambda d: d["group"] + ": " + d["measure"].map(ECOSYSTEM_MEASURES),
        label=lambda d: d["ecosystem_id"] + " " + d["ecosystem"],
    )
    headings = {
        f"{group}: {measure}": [f"{group}:", *wrapped(measure, 12)]
        for group in ("weak", "non-weak")
        for measure in ECOSYSTEM_MEASURES.values()
    }
    panels = [
        _compact_heatmap(
            charts.heatmap(
                heat[heat["panel"] == panel],
                x="column",
                y="label",
                value="published_pct",
                value_title="%",
                domain=(0, 100),
                title=panel,
                x_sort=column_order,
            ),
            headings,
        )
        for panel in sorted(heat["panel"].unique(), reverse=True)
    ]
    return alt.vconcat(*panels, spacing=12).resolve_scale(color="shared")


def service_share_intervals(services: pd.DataFrame) -> alt.VConcatChart:
    """Share of each label group offering a service, with its interval, one panel per table.

    ``services`` is :func:`eucluster.documents.published_tables.service_shares`. Services are
    ordered by the gold share, so the two panels read from the most to the least common. The
    three label groups of a service sit close together and long service names wrap onto two
    lines, so that the figure is about as tall as it is wide and prints at a readable size.
    """
    gold = services[services["label"] == "gold"]
    order = gold.sort_values("share", ascending=False)["service"].tolist()
    label_expr = wrapped_label_expr(services["service"].unique(), width=40)
    kinds = list(services["kind"].unique())
    panels = [
        charts.interval_dots(
            services[services["kind"] == kind],
            y="service",
            x="share",
            low="ci_low",
            high="ci_high",
            colour="label",
            colours=LABEL_COLOURS,
            # One axis title, under the last panel: the panels share the scale.
            x_title="share of organisations offering the service (95 % Wilson interval)"
            if kind == kinds[-1]
            else "",
            y_sort=order,
        ).properties(title=kind, width=300, height=alt.Step(7.5))
        for kind in kinds
    ]
    return (
        alt.vconcat(*panels, spacing=10)
        .resolve_scale(x="shared")
        .configure_axisY(labelExpr=label_expr, labelLimit=0)
        .configure_legend(orient="top")
    )


def theme_heatmaps(
    matrix: pd.DataFrame, *, theme_order: list[str], group_order: list[str]
) -> alt.VConcatChart:
    """Themes against groups of recommendation items: primary theme on top, any mention below.

    ``matrix`` is :func:`eucluster.documents.recommendations.theme_matrix`; both panels show
    percentages of the group's items on one shared scale, so a long list does not outweigh a
    short one and the two panels compare directly.
    """
    shown = matrix.assign(
        primary_pct=100 * matrix["primary_share"],
        any_pct=100 * matrix["any_share"],
        theme_short=matrix["theme_id"].str.capitalize(),
    )
    panels = [
        charts.heatmap(
            shown,
            x="group",
            y="theme_short",
            value=column,
            value_title="% of the group's items",
            domain=(0, 100),
            title=title,
            x_sort=group_order,
            y_sort=theme_order,
            cell=22,
        )
        for column, title in [("primary_pct", "Primary theme"), ("any_pct", "Any mention")]
    ]
    return alt.vconcat(*panels).resolve_scale(color="shared")
