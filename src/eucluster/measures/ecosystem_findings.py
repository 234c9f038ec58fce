"""What the ecosystems chapter states, computed once and handed over with its definitions.

``book/ecosystems.py`` recomputes the ECCP paper's Tables 2 and 3 (ecosystem nodes in weak and
non-weak regions) and asks how firm the paper's weak/non-weak gap is when its choices change.
Each function here answers one section of that argument with the key-figure records its prose
cites (:class:`~eucluster.key_figures.Figure`) and the frame its table or chart shows;
the chapter publishes the records in one call and keeps the question, the prose and the
pictures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.key_figures import Figure, computed
from eucluster.measures import ecosystems, node_tables, weak_gap
from eucluster.measures import specialisation as sp
from eucluster.measures.node_findings import Section
from eucluster.measures.node_tables import KIND_NAMES, GridParameters, NodeComparison

#: Where the paper's text gives the mean number of ecosystem nodes per region.
PAPER_MEANS = {
    ("regional_relevant", "weak"): "000.ecosystems.regional_nodes_weak",
    ("regional_relevant", "non_weak"): "000.ecosystems.regional_nodes_nonweak",
    ("industry_relevant", "weak"): "000.ecosystems.industry_nodes_weak",
    ("industry_relevant", "non_weak"): "000.ecosystems.industry_nodes_nonweak",
}


def coverage(comparison: NodeComparison, mapping: pd.DataFrame) -> Section:
    """How many ecosystems the mapping has, how many miss a division in the regional data,
    and the table of mapped, covered and missing divisions per ecosystem (named)."""
    covered = ecosystems.ecosystem_coverage(comparison.run.employment.columns, mapping)
    figures = [
        computed(
            "ecosystems.count",
            len(covered),
            unit="ecosystems",
            definition="rows of the mapping",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.coverage.incomplete",
            int((covered["divisions_missing"] != "").sum()),
            unit="ecosystems",
            definition="ecosystems with a mapped division absent from SBS",
            fmt="{:d}",
        ),
    ]
    names = ecosystems.ecosystem_names()
    table = (
        covered.reset_index()
        .assign(ecosystem=lambda d: d["ecosystem"] + " " + d["ecosystem"].map(names))
        .rename(
            columns={
                "ecosystem": "Ecosystem",
                "divisions_mapped": "Divisions mapped",
                "divisions_covered": "In the regional data",
                "divisions_missing": "Missing",
            }
        )
    )
    return Section(figures, table)


def published_tables(found: sp.Nodes, weak: pd.Series) -> Section:
    """Tables 2 and 3 recomputed beside the published shares (long form, see
    :func:`~eucluster.measures.node_tables.ecosystem_tables`), with the mean absolute
    deviation of each table and the cell that deviates most."""
    tables = node_tables.ecosystem_tables(found, weak)
    figures = [
        computed(
            f"ecosystems.deviation.{kind}",
            float(tables.loc[tables["node_type"] == node_type, "difference"].abs().mean()),
            unit="percentage points",
            definition=f"mean absolute difference, {node_type} table",
        )
        for kind, node_type in node_tables.NODE_TYPE_NAMES.items()
    ]
    largest = tables.loc[tables["difference"].abs().idxmax()]
    for column in ("ecosystem", "group"):
        figures.append(
            computed(
                f"ecosystems.deviation.largest.{column}",
                largest[column],
                unit="",
                definition=f"{column} of the cell with the largest absolute deviation",
            )
        )
    for column in ("published", "recomputed"):
        figures.append(
            computed(
                f"ecosystems.deviation.largest.{column}",
                largest[f"{column}_pct"] / 100,
                unit="of regions",
                definition=f"{column} share with the largest deviation",
                fmt="{:.0%}",
            )
        )
    return Section(figures, tables)


def means_table(found: sp.Nodes, weak: pd.Series) -> pd.DataFrame:
    """Mean number of ecosystem nodes per region by group, published (the paper's text) and
    recomputed."""
    means = node_tables.ecosystem_means(found, weak)
    text = data.load("text_figures").set_index("statement_id")["value"]
    return pd.DataFrame(
        [
            {
                "Nodes per region": KIND_NAMES[kind],
                "Group": group.replace("_", "-"),
                "Published": float(text[statement]),
                "Recomputed": means.loc[kind, group],
            }
            for (kind, group), statement in PAPER_MEANS.items()
        ]
    )


def threshold_sensitivity(comparison: NodeComparison, grid: GridParameters) -> Section:
    """The weak minus non-weak gap over the threshold grid
    (:func:`~eucluster.measures.weak_gap.threshold_grid`; the table), how many threshold pairs
    give weak regions more nodes of each kind, and the smallest LQ threshold at which they
    have more industry-relevant nodes at the run's industry share."""
    gaps = weak_gap.threshold_grid(comparison.run.found, comparison.classified, grid.lq, grid.share)
    positive = gaps[gaps["gap"] > 0]
    figures = [
        computed(
            "ecosystems.grid.points",
            grid.points,
            unit="threshold pairs",
            definition="grid size",
            fmt="{:d}",
        )
    ]
    figures += [
        computed(
            f"ecosystems.grid.{kind.split('_')[0]}_positive",
            int((positive["node_kind"] == kind).sum()),
            unit="threshold pairs",
            definition=f"pairs where weak regions have more {kind.replace('_', '-')} nodes",
            fmt="{:d}",
        )
        for kind in sp.NODE_KINDS
    ]
    flips = positive[
        (positive["node_kind"] == "industry_relevant")
        & np.isclose(positive["share_threshold"], comparison.run.parameters.industry_share)
    ]
    figures.append(
        computed(
            "ecosystems.grid.flip_lq",
            f"{flips['lq_threshold'].min():g}" if len(flips) else "none in the grid",
            unit="",
            definition="smallest grid LQ threshold with a positive industry-relevant gap at the "
            "chapter's industry share",
        )
    )
    return Section(figures, gaps)


@dataclass(frozen=True)
class VariantSection(Section):
    """The gaps of :func:`~eucluster.measures.weak_gap.variant_gaps` (the table) and the
    variant labels in the order the chart lists them."""

    order: tuple[str, ...] = ()


def variant_sensitivity(comparison: NodeComparison) -> VariantSection:
    """The gap under one change at a time (:func:`~eucluster.measures.weak_gap.one_at_a_time`):
    how often each kind's gap keeps its sign, how often the industry-relevant interval
    excludes zero, the range of countries compared, and the means with the other
    denominator."""
    chosen = comparison.run.parameters
    variants = weak_gap.one_at_a_time(chosen)
    gaps = weak_gap.variant_gaps(comparison.sbs, chosen, variants, comparison.weak_nuts2)
    industry = gaps[gaps["node_kind"] == "industry_relevant"]
    figures = [
        computed(
            "ecosystems.variants.count",
            len(industry),
            unit="variants",
            definition="variants compared",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.variants.regional_positive",
            int((gaps.loc[gaps["node_kind"] == "regional_relevant", "gap"] > 0).sum()),
            unit="variants",
            definition="variants with more regional-relevant nodes in weak regions",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.variants.industry_negative",
            int((industry["gap"] < 0).sum()),
            unit="variants",
            definition="variants with fewer industry-relevant nodes in weak regions",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.variants.industry_significant",
            int(((industry["gap_low"] > 0) | (industry["gap_high"] < 0)).sum()),
            unit="variants",
            definition="variants whose bootstrap interval excludes zero",
            fmt="{:d}",
        ),
    ]
    figures += [
        computed(
            f"ecosystems.variants.countries_{name}",
            int(pick(gaps["countries"])),
            unit="countries",
            definition=f"{name} number of countries over the variants",
            fmt="{:d}",
        )
        for name, pick in (("min", min), ("max", max))
    ]
    figures += _other_denominator_figures(gaps, chosen.denominator)
    return VariantSection(figures, gaps, tuple(variants))


def _other_denominator_figures(gaps: pd.DataFrame, denominator: str) -> list[Figure]:
    other = "lfs" if denominator == "sbs" else "sbs"
    rows = gaps[gaps["variant"] == weak_gap.denominator_label(other)]
    return [
        computed(
            f"ecosystems.variants.denominator.{row.node_kind}.{group}",
            getattr(row, group),
            unit="nodes per region",
            definition=f"mean {row.node_kind.replace('_', '-')} nodes with the "
            f"{other.upper()} denominator, {group.replace('_', '-')} regions",
        )
        for row in rows.itertuples()
        for group in ("weak", "non_weak")
    ]
