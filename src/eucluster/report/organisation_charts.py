"""Charts of the organisations chapter: label comparison, leading organisations, case studies,
fees and membership.

Each builder takes the frames that the :mod:`eucluster.documents` modules return and gives the
finished chart, so the chapter only glues it. The generic pieces (difference dots, stacked
shares, presence grids) come from :mod:`eucluster.report.charts`; what is specific to these
documents (the colours of the labels and verdicts, the panels and their titles) lives here.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from eucluster.report import charts
from eucluster.report.print_legibility import wrapped_label_expr

#: The excellence labels in the colours of their metals.
LABEL_COLOURS = {"gold": "#B8860B", "silver": "#7F7F7F", "bronze": "#A0522D"}
#: Member types, in the order of :data:`eucluster.documents.leading_organisations.MEMBER_TYPES`.
MEMBER_COLOURS = {"large firms": "#0072B2", "SMEs": "#E69F00", "research": "#009E73"}
#: What a gold-silver comparison supports, from strongest to weakest evidence.
VERDICT_COLOURS = {
    "different, also after correction": "#D55E00",
    "different at face value only": "#E69F00",
    "large but not significant": "#0072B2",
    "no evidence either way": "#777777",
}
SERVICE_KIND_TITLES = {"general": "General services", "digitalisation": "Digitalisation services"}


def gold_silver_difference_chart(
    comparison: pd.DataFrame, *, confidence: float
) -> alt.TopLevelMixin:
    """Gold minus silver share per service with its Newcombe interval, one panel per kind of
    service, coloured by verdict, over the band of the minimum detectable difference, with the
    Annex 1 difference as an open ring (``comparison`` from
    :func:`eucluster.documents.gold_silver_services.compare_services_by_label`)."""
    panels = []
    for kind, title in SERVICE_KIND_TITLES.items():
        rows = comparison[comparison["kind"] == kind]
        panel = charts.difference_dots(
            rows,
            y="service_short",
            x="difference",
            low="diff_low",
            high="diff_high",
            colour="verdict",
            colours=VERDICT_COLOURS,
            band="detectable",
            alternative="annex_difference",
            x_title=f"gold share minus silver share ({confidence:.0%} Newcombe interval)",
            y_sort=rows.sort_values("difference", ascending=False)["service_short"].tolist(),
            label_limit=0,  # no service name is cut short: long ones wrap instead
        )
        panels.append(panel.properties(title=title, width=300, height=alt.Step(28)))
    chart = alt.vconcat(*panels).resolve_scale(x="shared")
    label_expr = wrapped_label_expr(comparison["service_short"].unique(), width=40)
    return chart.configure_legend(orient="bottom", columns=2, labelLimit=0).configure_axisY(
        labelExpr=label_expr
    )


def leading_profiles_chart(
    table: pd.DataFrame, composition: pd.DataFrame, order: list[str]
) -> alt.TopLevelMixin:
    """One row per leading organisation, ordered by ``order``: member mix, number of members
    (log scale) and services split into general and digital (frames from
    :func:`eucluster.documents.leading_organisations.leading_organisations`)."""
    mix_panel = charts.stacked_shares(
        composition,
        y="card",
        share="count",
        part="member_type",
        parts=MEMBER_COLOURS,
        title="member mix",
        y_sort=order,
        width=150,
    )
    size_panel = (
        alt.Chart(table)
        .mark_bar(color="#555555")
        .encode(
            y=alt.Y("card:N", sort=order, axis=None),
            x=alt.X("members:Q", title="members (log scale)", scale=alt.Scale(type="log")),
            x2=alt.datum(10),
            tooltip=["name", "members"],
        )
        .properties(width=110, height=alt.Step(26))
    )
    services = table.melt(
        id_vars=["card"],
        value_vars=["services_general", "services_digital"],
        var_name="service_type",
        value_name="services",
    ).replace({"services_general": "general", "services_digital": "digital"})
    service_panel = (
        alt.Chart(services)
        .mark_bar()
        .encode(
            y=alt.Y("card:N", sort=order, axis=None),
            x=alt.X("services:Q", stack="zero", title="services offered"),
            color=alt.Color(
                "service_type:N",
                title=None,
                scale=alt.Scale(domain=["general", "digital"], range=["#56B4E9", "#CC79A7"]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["card", "service_type", "services"],
        )
        .properties(width=110, height=alt.Step(26))
    )
    # Names with country and label wrap onto two lines, so the three panels fit the page.
    return (
        alt.hconcat(mix_panel.properties(height=alt.Step(26)), size_panel, service_panel, spacing=8)
        .resolve_scale(color="independent")
        .configure_axisY(labelExpr=wrapped_label_expr(table["card"], width=24))
    )


def case_coverage_chart(
    coverage: pd.DataFrame,
    funding: pd.DataFrame,
    case_order: list[str],
    *,
    dimensions: list[str],
    sources: list[str],
) -> alt.TopLevelMixin:
    """Two grids, one above the other (side by side they are too wide to print legibly), one
    row per case profile: the dimensions it describes and the funding sources it names (blank
    where it says nothing about money)."""
    described = charts.presence_grid(
        coverage,
        x="dimension",
        y="short_name",
        value="described",
        title="described in the profile",
        x_sort=dimensions,
        y_sort=case_order,
    )
    named = charts.presence_grid(
        funding,
        x="source",
        y="short_name",
        value="named",
        title="funding source named",
        x_sort=sources,
        y_sort=case_order,
    )
    return alt.vconcat(
        described.properties(title="Dimensions described"),
        named.properties(title="Funding sources named"),
    ).resolve_scale(color="independent")


def membership_fee_chart(fees: pd.DataFrame) -> alt.TopLevelMixin:
    """Yearly fees in euro on a log scale, printed amounts dark and converted ones light."""
    chart = (
        alt.Chart(fees)
        .mark_bar()
        .encode(
            y=alt.Y("row:N", title=None, sort=fees["row"].tolist(), axis=alt.Axis(labelLimit=320)),
            x=alt.X(
                "fee_eur:Q",
                title="yearly fee, EUR (log scale)",
                scale=alt.Scale(type="log", domainMin=50),
            ),
            x2=alt.datum(50),
            color=alt.Color(
                "basis:N",
                title=None,
                scale=alt.Scale(
                    domain=["printed", "converted at the printed rate"],
                    range=["#0072B2", "#56B4E9"],
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["row", alt.Tooltip("fee_eur:Q", format=",.0f"), "basis"],
        )
        .properties(width=320, height=alt.Step(16))
    )
    return chart.configure_axisY(labelLimit=320)


def membership_chart(
    mix: pd.DataFrame,
    size_classes: pd.DataFrame,
    gold_large: pd.DataFrame,
    *,
    gold_size: int,
    unstated_class: str,
) -> alt.TopLevelMixin:
    """Member mix of all platform organisations beside the leading ten; below, the size
    classes (the unstated one pale) and the gold organisations by large member firms (frames
    from :func:`eucluster.documents.cluster_membership.cluster_membership`)."""
    mix_panel = charts.stacked_shares(
        mix,
        y="group",
        share="share",
        part="member_type",
        parts=MEMBER_COLOURS,
        title="share of members",
        width=280,
    )
    size_panel = (
        alt.Chart(size_classes)
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X("class:N", sort=None, title="members", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("share:Q", title="% of cluster organisations"),
            opacity=alt.condition(
                alt.datum["class"] == unstated_class, alt.value(0.35), alt.value(1.0)
            ),
            tooltip=["class", "share"],
        )
        .properties(width=200, height=150, title="Size of ECCP cluster organisations")
    )
    gold_panel = (
        alt.Chart(gold_large)
        .mark_bar(color=LABEL_COLOURS["gold"])
        .encode(
            x=alt.X("class:N", sort=None, title="large member firms", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("organisations:Q", title="gold organisations"),
            tooltip=["class", "organisations"],
        )
        .properties(
            width=150, height=150, title=f"Large firms in the {gold_size} gold organisations"
        )
    )
    return alt.vconcat(
        mix_panel.properties(title="Member mix"), alt.hconcat(size_panel, gold_panel)
    )
