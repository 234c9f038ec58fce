"""What the ecosystems chapter states, computed once and handed over with its definitions.

``book/ecosystems.py`` recomputes the ECCP paper's Tables 2 and 3 (ecosystem nodes in weak and
non-weak regions) and asks how firm the paper's weak/non-weak gap is when its choices change.
Each function here answers one section of that argument with the key-figure records its prose
cites (:class:`~eucluster.key_figures.Figure`) and the frame its table or chart shows;
the chapter publishes the records in one call and keeps the question, the prose and the
pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.geo import weakness
from eucluster.key_figures import Claim, Figure, computed
from eucluster.measures import (
    ecosystem_claims,
    ecosystem_statements,
    ecosystem_variants,
    ecosystems,
    node_tables,
    weak_gap,
)
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
    figures: list[Figure | Claim] = [
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
    figures += ecosystem_claims.coverage_claims(covered, mapping)
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


def published_tables(found: sp.Nodes, comparison: NodeComparison, mapping: pd.DataFrame) -> Section:
    """Tables 2 and 3 recomputed beside the published shares (long form, see
    :func:`~eucluster.measures.node_tables.ecosystem_tables`), with the mean absolute
    deviation of each table, the cell that deviates most, and which ecosystems come close
    to or lie farthest from the paper (:func:`~eucluster.measures.ecosystem_claims.
    deviation_findings`, which needs the coverage of ``mapping`` by the run's divisions)."""
    tables = node_tables.ecosystem_tables(found, comparison.weak)
    covered = ecosystems.ecosystem_coverage(comparison.run.employment.columns, mapping)
    figures: list[Figure | Claim] = [
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
    figures += ecosystem_claims.deviation_findings(tables, covered)
    return Section(figures, tables)


def means_section(found: sp.Nodes, weak: pd.Series) -> Section:
    """Mean number of ecosystem nodes per region by group, published (the paper's text) and
    recomputed (the table), and whether weak regions have more or fewer of each kind than
    the others, beside the paper's direction (the claims)."""
    means = node_tables.ecosystem_means(found, weak)
    text = data.load("text_figures").set_index("statement_id")["value"]
    published = pd.DataFrame(
        {
            group: {kind: float(text[PAPER_MEANS[kind, group]]) for kind in sp.NODE_KINDS}
            for group in ("weak", "non_weak")
        }
    )
    table = pd.DataFrame(
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
    return Section(ecosystem_claims.means_claims(means, published), table)


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
    figures += ecosystem_claims.grid_claims(gaps, comparison.run.parameters.industry_share)
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
    other = "lfs" if chosen.denominator == "sbs" else "sbs"
    labels = {chosen.denominator: "this chapter", other: weak_gap.denominator_label(other)}
    figures += ecosystem_claims.variant_claims(
        gaps,
        base_label="this chapter",
        denominator_label=labels[other],
        year_labels=[str(year) for year in node_tables.SBS_YEARS],
    )
    published = node_tables.table1(comparison.run.counts, comparison.weak)
    industry = published.loc["industry_relevant"]
    figures += ecosystem_claims.denominator_claims(
        gaps,
        labels=labels,
        published_gap=industry["published_weak"] - industry["published_non_weak"],
    )
    figures += business_share(comparison)
    return VariantSection(figures, gaps, tuple(variants))


def business_share(comparison: NodeComparison) -> list[Figure | Claim]:
    """The business economy's share of survey employment (SBS sum over the divisions divided
    by LFS total employment, both of the run's year and NUTS level), averaged over weak and
    over non-weak regions: where it is lower, the survey denominator lowers the business
    sectors' shares more."""
    chosen = comparison.run.parameters
    business = comparison.run.employment.sum(axis=1)
    survey = node_tables.lfs_employment(chosen.year, chosen.geo_level)
    share = (business / survey.reindex(business.index)).dropna()
    aligned = weakness.classified(share.index, comparison.weak)
    means = {
        "weak": float(share[aligned.index][aligned].mean()),
        "non_weak": float(share[aligned.index][~aligned].mean()),
    }
    figures: list[Figure | Claim] = [
        computed(
            f"ecosystems.denominator.business_share.{group}",
            value,
            unit="of LFS employment",
            definition=f"mean over {group.replace('_', '-')} regions of SBS business-economy "
            "employment / LFS total employment",
            fmt="{:.0%}",
        )
        for group, value in means.items()
    ]
    return figures + [ecosystem_claims.business_share_claim(means["weak"], means["non_weak"])]


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


#: Display formats of the trade and deviation tables of :func:`stricter_mappings`.
TRADE_FORMATS = {
    "Employment (thousands)": "{:,.0f}",
    **{f"{code} share": "{:.0%}" for code in ecosystem_variants.TRADE},
    "Trade share": "{:.0%}",
}
DEVIATION_FORMATS = {
    "Ecosystems": "{:d}",
    **{column: "{:.1f}" for column in ("Table 2", "Table 3", "Both", "Both, common ecosystems")},
}

#: Relative PDF column widths of the deviation table and of the statements table (the
#: statement, six mappings, the outcome), so that LaTeX does not squeeze the prose columns.
DEVIATION_WIDTHS = (14, 30, 13, 9, 9, 8, 15)
STATEMENT_WIDTHS = (30, 9, 9, 10, 12, 9, 10, 11)


@dataclass(frozen=True)
class MappingSection(Section):
    """Tables 2 and 3 under the mapping variants: the trade shares per ecosystem (``table``),
    the deviation of each variant from the paper, the paper's statements under each variant
    and the long tables behind the charts."""

    deviations: pd.DataFrame = field(default_factory=pd.DataFrame)
    statements: pd.DataFrame = field(default_factory=pd.DataFrame)
    tables: pd.DataFrame = field(default_factory=pd.DataFrame)


def stricter_mappings(
    comparison: NodeComparison, mapping: pd.DataFrame, traded: Sequence[str]
) -> MappingSection:
    """How much of each ecosystem is trade under ``mapping``; Tables 2 and 3 under every
    mapping variant (:mod:`~eucluster.measures.ecosystem_variants`, ``traded`` the traded
    divisions), their mean deviations from the paper, and which of the paper's statements
    (:mod:`~eucluster.measures.ecosystem_statements`) survive every variant."""
    shares = ecosystem_variants.trade_shares(comparison.run.employment, mapping)
    tables = ecosystem_variants.variant_tables(comparison, mapping, traded)
    deviations = ecosystem_variants.deviation_table(tables)
    truths = ecosystem_statements.truths(tables)
    figures: list[Figure | Claim] = [
        *ecosystem_variants.trade_figures(shares),
        *ecosystem_variants.trade_claims(shares),
        *ecosystem_variants.traded_figures(traded, comparison.run.employment.columns),
        *ecosystem_variants.deviation_figures(deviations),
        *ecosystem_variants.mapping_claims(deviations, tables),
        *ecosystem_statements.statement_claims(truths),
    ]
    names = ecosystems.ecosystem_names()
    trade = pd.DataFrame(
        {
            "Ecosystem": [f"{code} {names[code]}" for code in shares.index],
            "Employment (thousands)": shares["employment"].to_numpy() / 1000,
            **{f"{code} share": shares[code].to_numpy() for code in ecosystem_variants.TRADE},
            "Trade share": shares["trade"].to_numpy(),
        }
    )
    return MappingSection(
        figures,
        trade,
        deviations=ecosystem_variants.deviation_display(deviations),
        statements=ecosystem_statements.statement_display(truths),
        tables=tables,
    )
