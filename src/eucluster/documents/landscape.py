"""Europe's cluster landscape in the headline figures that documents 001 and 003 quote.

Both documents cite the European Panorama of Clusters and Industrial Change and the
Commission for a few headline numbers (clusters, jobs, productivity premiums, structural-fund
money). The documents chapter shows them all as printed; the recommendations chapter picks the
ones that frame the advice and adds the one ratio the documents leave uncomputed, the cluster
share of innovation-related structural funds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.key_figures import Figure, computed

#: The headline figures the recommendations chapter states: (figure_id, document, format).
HEADLINE_FIGURES = [
    ("panorama.clusters.count", "001", "{:,.0f}"),
    ("panorama.employment.jobs", "001", "{:.1f}"),
    ("panorama.employment.share_pct", "001", "{:.1f}"),
    ("panorama.clusters.count", "003", "{:,.0f}"),
    ("panorama.employment.share_pct", "003", "{:.0f}"),
    ("panorama.wages.share_pct", "003", "{:.0f}"),
    ("panorama.clusters.high_performing", "001", "{:,.0f}"),
    ("panorama.productivity_premium.cluster_firms_pct", "001", "{:.0f}"),
    ("panorama.productivity_premium.high_performing_pct", "001", "{:.0f}"),
    ("eccp.cluster_organisations.count", "001", "{:,.0f}"),
    ("esif.innovation_investment.total", "003", "{:.0f}"),
    ("esif.cluster_support.earmarked", "003", "{:.2f}"),
]


@dataclass(frozen=True)
class HeadlineBox:
    """The headline figures as bullet lines of a box, the figures behind them, and the
    computed cluster share of structural funds for innovation."""

    lines: list[str]
    figures: list[Figure]
    esif_cluster_share: float

    def markdown(self) -> str:
        """The box as a MyST admonition, with the note on the two Panorama editions."""
        return (
            ":::{admonition} Key figures: clusters in Europe\n:class: tip\n\n"
            + "\n".join(self.lines)
            + "\n\nDocuments 001 and 003 quote different editions of the European Cluster "
            "Panorama: their counts of clusters and shares of employment differ for that "
            "reason.\n:::\n"
        )


def landscape_table() -> pd.DataFrame:
    """Every headline figure as printed, with the document and lines it is quoted from."""
    landscape = data.load("landscape_figures")
    shown = landscape.assign(where=lambda d: "doc. " + d["document"] + ", lines " + d["lines"])
    return shown[["description", "value", "unit", "where"]].rename(
        columns={"description": "Figure", "value": "Value", "unit": "Unit", "where": "Source"}
    )


def headline_box(chosen: list[tuple[str, str, str]] = HEADLINE_FIGURES) -> HeadlineBox:
    """The chosen headline figures, each quoted with document, section and line, plus the
    ESIF cluster share computed from two of them.

    Ids are ``recommendations.landscape.<figure_id>.doc<document>``: the same quantity quoted
    by both documents stays two figures, because the two editions disagree.
    """
    rows = data.load("landscape_figures").set_index(["figure_id", "document"])
    lines, figures = [], []
    for figure_id, document, fmt in chosen:
        row = rows.loc[(figure_id, document)]
        where = f"document {document}, {row['section'].split(' > ')[-1]}, line {row['lines']}"
        figures.append(
            Figure(
                f"recommendations.landscape.{figure_id}.doc{document}",
                row["value"],
                row["unit"],
                source=where,
                fmt=fmt,
            )
        )
        lines.append(
            f"- **{fmt.format(row['value'])} {row['unit']}**: {row['description']} ({where})."
        )
    earmarked = rows.loc[("esif.cluster_support.earmarked", "003"), "value"]
    cluster_share = earmarked / rows.loc[("esif.innovation_investment.total", "003"), "value"]
    figures.append(
        computed(
            "recommendations.landscape.esif_cluster_share",
            cluster_share,
            unit="share",
            definition="ESIF money earmarked for clusters and business networks over all "
            "innovation-related ESIF investment, both as printed in document 003.",
            fmt="{:.1%}",
        )
    )
    lines.append(
        f"- **{cluster_share:.1%}** of innovation-related structural-fund investment was "
        "earmarked for cluster support (computed from the two figures above)."
    )
    return HeadlineBox(lines, figures, float(cluster_share))
