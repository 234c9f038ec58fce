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
from eucluster.audit.places import reader_place
from eucluster.key_figures import Claim, Figure, claim, computed

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
    """The headline figures as bullet lines of a box, the figures behind them, the computed
    cluster share of structural funds for innovation, and the claims the chapter reads into
    them (:func:`headline_claims`)."""

    lines: list[str]
    figures: list[Figure]
    esif_cluster_share: float
    claims: list[Claim]

    def markdown(self) -> str:
        """The box as a MyST admonition, with the note on the two Panorama editions (the
        sentence of the claim ``recommendations.landscape.editions_differ`` that holds)."""
        editions = next(c for c in self.claims if c.id.endswith(".editions_differ"))
        note = editions.if_true if editions.holds else editions.if_false
        return (
            ":::{admonition} Key figures: clusters in Europe\n:class: tip\n\n"
            + "\n".join(self.lines)
            + f"\n\n{note}\n:::\n"
        )


def reader_source(document: str, section: str, lines: str) -> str:
    """Where a reader of the published ``document`` finds a figure: its numbered section (or
    paragraph of the one-page 003) and the box it sits in, if any. The digitised ``lines``
    of the text conversion stay in the data for the provenance tests; readers do not have
    that conversion."""
    place = reader_place(f"lines {lines}", document)
    box = section.split(" > ")[-1]
    return f"doc. {document}, {place}" + (
        f", {box.split('. ')[0]}" if box.startswith("Box ") else ""
    )


def landscape_table() -> pd.DataFrame:
    """Every headline figure as printed, with the document and the place it is quoted from."""
    landscape = data.load("landscape_figures")
    shown = landscape.assign(
        where=[
            reader_source(row.document, row.section, row.lines) for row in landscape.itertuples()
        ]
    )
    return shown[["description", "value", "unit", "where"]].rename(
        columns={"description": "Figure", "value": "Value", "unit": "Unit", "where": "Source"}
    )


def headline_box(chosen: list[tuple[str, str, str]] = HEADLINE_FIGURES) -> HeadlineBox:
    """The chosen headline figures, each quoted with document and section (the paragraph too
    in the one-page 003), plus the ESIF cluster share computed from two of them.

    Ids are ``recommendations.landscape.<figure_id>.doc<document>``: the same quantity quoted
    by both documents stays two figures, because the two editions disagree.
    """
    rows = data.load("landscape_figures").set_index(["figure_id", "document"])
    lines, figures = [], []
    for figure_id, document, fmt in chosen:
        row = rows.loc[(figure_id, document)]
        where = f"document {document}, {row['section'].split(' > ')[-1]}"
        place = reader_place(f"lines {row['lines']}", document)
        where += f", {place}" if place.startswith("paragraph") else ""
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
    return HeadlineBox(lines, figures, float(cluster_share), headline_claims(rows["value"]))


#: Below this share of innovation-related structural funds, cluster support is "a small slice".
SMALL_SLICE = 0.05


def headline_claims(values: pd.Series) -> list[Claim]:
    """What the chapter reads into the headline figures (``values`` indexed by ``figure_id,
    document``): the two Panorama editions differ, cluster firms are more productive, and the
    cluster share of structural funds is small. Numbers as formatted in the box."""
    jobs_001 = values[("panorama.employment.share_pct", "001")]
    jobs_003 = values[("panorama.employment.share_pct", "003")]
    clusters_001 = values[("panorama.clusters.count", "001")]
    clusters_003 = values[("panorama.clusters.count", "003")]
    premium = values[("panorama.productivity_premium.cluster_firms_pct", "001")]
    share = (
        values[("esif.cluster_support.earmarked", "003")]
        / values[("esif.innovation_investment.total", "003")]
    )
    jobs = f"{jobs_001:.1f} % in document 001, {jobs_003:.0f} % in document 003"
    return [
        claim(
            "recommendations.landscape.editions_differ",
            bool(jobs_001 != jobs_003 and clusters_001 != clusters_003),
            definition="Documents 001 and 003 print different cluster counts and different "
            "cluster shares of employment.",
            if_true="Documents 001 and 003 quote different editions of the European Cluster "
            "Panorama: their counts of clusters and shares of employment differ for that reason.",
            if_false="Documents 001 and 003 quote different editions of the European Cluster "
            f"Panorama, yet print {'the same' if jobs_001 == jobs_003 else 'different'} shares "
            f"of employment and {'the same' if clusters_001 == clusters_003 else 'different'} "
            "counts of clusters.",
        ),
        claim(
            "recommendations.landscape.jobs_shares_differ",
            bool(jobs_001 != jobs_003),
            definition="The cluster shares of European employment printed in documents 001 and "
            "003 differ.",
            if_true="that documents 001 and 003 disagree on the share of European jobs in "
            f"clusters ({jobs})",
            if_false="that documents 001 and 003 agree on the share of European jobs in "
            f"clusters ({jobs})",
        ),
        claim(
            "recommendations.landscape.productivity_premium",
            bool(premium > 0),
            definition="The productivity premium of cluster firms (document 001) is positive.",
            if_true=f"firms in them are more productive ({premium:.0f} % above average)",
            if_false=f"firms in them are not more productive than others ({premium:+.0f} %)",
        ),
        claim(
            "recommendations.landscape.esif_share_small",
            bool(share < SMALL_SLICE),
            definition="ESIF money earmarked for clusters is below "
            f"{SMALL_SLICE:.0%} of innovation-related ESIF investment (document 003).",
            if_true="yet the money set aside for cluster support was a small slice of the "
            f"structural funds for innovation ({share:.1%})",
            if_false="and the money set aside for cluster support was a sizeable part of the "
            f"structural funds for innovation ({share:.1%})",
        ),
    ]
