"""What the nodes chapter states, computed once and handed over with its definitions.

``book/nodes.py`` asks whether weak regions have fewer specialisation nodes than the others
when the ECCP paper's Table 1 is recomputed from Eurostat. Each function here answers one
section of that argument: it returns the key-figure records the section's prose cites
(:class:`~eucluster.key_figures.Figure`, with unit, definition or source and display
format) and, where the section shows a table, the table with the reader's column names. The
chapter publishes the records in one call and keeps the question, the prose and the pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from scipy import stats

from eucluster import data
from eucluster.geo import weakness
from eucluster.key_figures import Claim, Figure, computed, quoted
from eucluster.measures import node_claims, weak_gap
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import (
    KIND_NAMES,
    NodeComparison,
    NodeParameters,
    compute_nodes,
    countries,
    group_means,
    table1,
    top_divisions,
)

#: How the chapter names each choice of region totals.
DENOMINATOR_TEXT = {
    "sbs": "business-economy employment (sum over the divisions)",
    "lfs": "total employment from the Labour Force Survey",
}
#: The paper's scope, as its text states it (statement ids of ``text_figures``).
PAPER_DIVISIONS, PAPER_REGIONS = "000.nodes.nace_sectors", "000.eccp.regions_total"


@dataclass(frozen=True)
class Section:
    """The key figures one section of the chapter cites and the table it shows."""

    figures: list[Figure | Claim]
    table: pd.DataFrame = field(default_factory=pd.DataFrame)


def setting(comparison: NodeComparison) -> list[Figure | Claim]:
    """The rule's thresholds (and whether they are the paper's, whose values are the
    defaults of :class:`~eucluster.measures.node_tables.NodeParameters`), the paper's scope
    (quoted from its text) and the data of this run: year, divisions, regions, countries,
    denominator and benchmark."""
    chosen = comparison.run.parameters
    employment = comparison.run.employment
    paper = data.load("text_figures").set_index("statement_id")["value"]
    return [
        computed(
            "nodes.rule.lq_threshold",
            chosen.lq_threshold,
            unit="",
            definition="location-quotient threshold (parameter)",
            fmt="{:.2f}",
        ),
        computed(
            "nodes.rule.regional_share",
            chosen.regional_share,
            unit="of regional employment",
            definition="regional-relevance threshold (parameter)",
            fmt="{:.1%}",
        ),
        computed(
            "nodes.rule.industry_share",
            chosen.industry_share,
            unit="of EU sector employment",
            definition="industry-relevance threshold (parameter)",
            fmt="{:.1%}",
        ),
        quoted(
            "nodes.paper.divisions",
            int(paper[PAPER_DIVISIONS]),
            unit="divisions",
            table="text_figures",
            fmt="{:d}",
        ),
        quoted(
            "nodes.paper.regions",
            int(paper[PAPER_REGIONS]),
            unit="regions",
            table="text_figures",
            fmt="{:d}",
        ),
        computed("nodes.data.year", chosen.year, unit="", definition="year (parameter)", fmt="{}"),
        computed(
            "nodes.data.divisions",
            employment.shape[1],
            unit="divisions",
            definition="NACE divisions in sbs_r_nuts06_r2 for the year",
            fmt="{:d}",
        ),
        computed(
            "nodes.data.regions",
            employment.shape[0],
            unit="regions",
            definition="EU-27 regions of the chosen NUTS level with at least one published "
            "division",
            fmt="{:d}",
        ),
        computed(
            "nodes.data.countries",
            len(set(countries(employment.index))),
            unit="countries",
            definition="EU-27 countries with regional data for the year",
            fmt="{:d}",
        ),
        computed(
            "nodes.data.denominator",
            DENOMINATOR_TEXT[chosen.denominator],
            unit="",
            definition="region totals of the LQ and the regional share (parameter)",
        ),
        computed(
            "nodes.data.benchmark",
            chosen.benchmark.replace("EU", "EU-"),
            unit="",
            definition="countries whose regions form the benchmark (parameter)",
        ),
        *node_claims.threshold_claims(chosen.thresholds, NodeParameters().thresholds),
    ]


def unpublished_cells(comparison: NodeComparison) -> Section:
    """How many cells Eurostat leaves out, how the run treats them, and the nodes under both
    treatments (a table: node kind x exclude, bound, cells that change)."""
    matrix, chosen = comparison.run.matrix, comparison.run.parameters
    status = matrix.status_counts()
    report = sp.suppression_sensitivity(matrix, **chosen.thresholds)
    figures = [
        computed(
            "nodes.cells.total",
            int(matrix.employment.size),
            unit="cells",
            definition="regions x divisions",
            fmt="{:,d}",
        ),
        *[
            computed(
                f"nodes.cells.{name}",
                int(status[name]),
                unit="cells",
                definition=f"cells without a value, status {name} (flag c = confidential)",
                fmt="{:,d}",
            )
            for name in ("confidential", "missing")
        ],
        computed(
            "nodes.cells.empty_regions",
            len(matrix.empty_regions),
            unit="region codes",
            definition="codes with no published division in the year",
            fmt="{:d}",
        ),
        computed(
            "nodes.cells.estimated_under_bound",
            report.cells_estimated_under_bound,
            unit="cells",
            definition="unpublished cells with a positive section residual",
            fmt="{:,d}",
        ),
        computed("nodes.cells.choice", chosen.suppressed, unit="", definition="parameter"),
    ]
    table = pd.DataFrame(
        {
            "Node kind": list(KIND_NAMES.values()),
            "Nodes, exclude": [report.regional_nodes_exclude, report.industry_nodes_exclude],
            "Nodes, bound": [report.regional_nodes_bound, report.industry_nodes_bound],
            "Cells that change": [report.regional_nodes_changed, report.industry_nodes_changed],
        }
    )
    return Section(figures, table)


def nodes_per_region(comparison: NodeComparison) -> list[Figure | Claim]:
    """The median region's number of nodes of each kind, how many regions have none, and
    whether industry-relevant nodes gather in large regions (rank correlation with the
    region's employment, summed over the divisions)."""
    counts = comparison.run.counts
    figures = [
        computed(
            f"nodes.count.{kind.split('_')[0]}_median",
            float(counts[kind].median()),
            unit="nodes",
            definition=f"median number of {kind.replace('_', '-')} nodes per region",
            fmt="{:.0f}",
        )
        for kind in sp.NODE_KINDS
    ]
    figures += [
        computed(
            f"nodes.count.{kind.split('_')[0]}_zero",
            int((counts[kind] == 0).sum()),
            unit="regions",
            definition=f"regions without a {kind.replace('_', '-')} node",
            fmt="{:d}",
        )
        for kind in sp.NODE_KINDS
    ]
    size = comparison.run.employment.sum(axis=1).reindex(counts.index)
    rho, p_value = stats.spearmanr(size, counts["industry_relevant"])
    figures.append(node_claims.size_correlation_claim(float(rho), float(p_value)))
    return figures


def top_sectors(comparison: NodeComparison, n: int = 10) -> Section:
    """The ``n`` divisions that are an industry-relevant node in the most classified regions,
    and the first of them as key figures."""
    top = top_divisions(comparison.run.found, comparison.classified, "industry_relevant", n=n)
    figures = [
        computed("nodes.top.division", top.loc[0, "division"], unit="", definition="NACE code"),
        computed("nodes.top.label", top.loc[0, "label"], unit="", definition="NACE Rev. 2 title"),
        computed(
            "nodes.top.regions",
            int(top.loc[0, "regions"]),
            unit="regions",
            definition="classified regions where the division is an industry-relevant node",
            fmt="{:d}",
        ),
        node_claims.first_place_claim(top),
    ]
    table = top.rename(
        columns={
            "division": "Division",
            "label": "Title",
            "regions": "Regions",
            "weak": "Weak",
            "non_weak": "Non-weak",
        }
    )
    return Section(figures, table)


@dataclass(frozen=True)
class Table1Section(Section):
    """Table 1 recomputed: the comparison frame (:func:`~eucluster.measures.node_tables.table1`)
    and the tests of the gap (:func:`~eucluster.measures.weak_gap.table1_tests`) beside the
    figures and the shown table, so the chapter can assert on them."""

    recomputed: pd.DataFrame = field(default_factory=pd.DataFrame)
    tests: pd.DataFrame = field(default_factory=pd.DataFrame)


def table1_section(comparison: NodeComparison) -> Table1Section:
    """The groups, the recomputed and published means of Table 1, and the weak minus non-weak
    difference with its bootstrap interval and two p-values."""
    counts, chosen = comparison.run.counts, comparison.run.parameters
    recomputed = table1(counts, comparison.weak)
    tests = weak_gap.table1_tests(counts, comparison.weak, chosen)
    figures = _group_figures(comparison, recomputed)
    for kind in sp.NODE_KINDS:
        figures += _mean_figures(kind, recomputed) + _test_figures(kind, tests.loc[kind], chosen)
    figures += [
        computed(
            "nodes.test.level",
            float(tests["level"].iloc[0]),
            unit="",
            definition="interval level",
            fmt="{:.0%}",
        ),
        computed(
            "nodes.test.n_bootstrap",
            chosen.n_bootstrap,
            unit="resamples",
            definition="bootstrap resamples (parameter)",
            fmt="{:,d}",
        ),
    ]
    shown = pd.DataFrame(
        {
            "Nodes per region": list(KIND_NAMES.values()),
            "Weak, published": recomputed["published_weak"].to_numpy(),
            "Weak, recomputed": recomputed["weak"].to_numpy(),
            "Non-weak, published": recomputed["published_non_weak"].to_numpy(),
            "Non-weak, recomputed": recomputed["non_weak"].to_numpy(),
            "Weak - non-weak (interval)": [
                f"{row.difference:+.1f} ({row.ci_low:+.1f} to {row.ci_high:+.1f})"
                for row in tests.itertuples()
            ],
        }
    )
    figures += node_claims.table1_claims(recomputed, tests)
    paper = data.load("text_figures").set_index("statement_id")["value"]
    figures += node_claims.level_claims(
        divisions=comparison.run.employment.shape[1],
        paper_divisions=int(paper[PAPER_DIVISIONS]),
        regions=comparison.run.employment.shape[0],
        paper_regions=int(paper[PAPER_REGIONS]),
        denominator=chosen.denominator,
    )
    return Table1Section(figures, shown, recomputed, tests)


def other_denominator(comparison: NodeComparison) -> list[Figure | Claim]:
    """The group means of both node kinds with the other denominator (the Labour Force
    Survey's total employment when the run divides by the business economy, and the
    reverse), and whether weak regions have fewer nodes of each kind under it."""
    chosen = comparison.run.parameters
    other = "lfs" if chosen.denominator == "sbs" else "sbs"
    run = compute_nodes(comparison.sbs, chosen.replace(denominator=other))
    means = group_means(run.counts[list(sp.NODE_KINDS)], comparison.weak)
    figures: list[Figure | Claim] = [
        computed(
            "nodes.other_denominator.name",
            DENOMINATOR_TEXT[other],
            unit="",
            definition="the denominator this run does not use",
        )
    ]
    figures += [
        computed(
            f"nodes.other_denominator.{kind}.{group}",
            means.loc[kind, group],
            unit="nodes per region",
            definition=f"mean {kind.replace('_', '-')} nodes with the {other.upper()} "
            f"denominator, {group.replace('_', '-')} regions",
        )
        for kind in sp.NODE_KINDS
        for group in ("weak", "non_weak")
    ]
    return figures + node_claims.other_denominator_claims(means, DENOMINATOR_TEXT[other])


def _group_figures(comparison: NodeComparison, recomputed: pd.DataFrame) -> list[Figure]:
    figures = [
        computed(
            "nodes.groups.threshold",
            weakness.LESS_DEVELOPED_BELOW / 100,
            unit="of EU-27 GDP per head",
            definition="upper bound of GDP per head (PPS) of less developed regions, 2021-2027",
            fmt="{:.0%}",
        )
    ]
    figures += [
        computed(
            f"nodes.groups.{group}",
            int(recomputed[f"n_{group}"].iloc[0]),
            unit="regions",
            definition=f"{group.replace('_', '-')} regions with employment data",
            fmt="{:d}",
        )
        for group in ("weak", "non_weak")
    ]
    figures.append(
        computed(
            "nodes.groups.unclassified",
            len(comparison.unclassified),
            unit="regions",
            definition="regions without a weak/non-weak label",
            fmt="{:d}",
        )
    )
    return figures


def _mean_figures(kind: str, recomputed: pd.DataFrame) -> list[Figure]:
    figures = []
    for group in ("weak", "non_weak"):
        figures.append(
            computed(
                f"table1.{kind}_nodes.{group}",
                recomputed.loc[kind, group],
                unit="nodes per region",
                definition=f"mean {kind.replace('_', '-')} nodes, {group.replace('_', '-')} "
                "regions",
            )
        )
        figures.append(
            quoted(
                f"nodes.published.{kind}.{group}",
                recomputed.loc[kind, f"published_{group}"],
                unit="nodes per region",
                table="eccp_table1",
            )
        )
    return figures


def _test_figures(kind: str, row: pd.Series, chosen: NodeParameters) -> list[Figure]:
    figures = [
        computed(
            f"nodes.test.{kind}.{name}",
            row[name],
            unit="nodes per region",
            definition=f"weak minus non-weak mean ({name}; bootstrap, seed {chosen.seed})",
            fmt="{:+.1f}",
        )
        for name in ("difference", "ci_low", "ci_high")
    ]
    figures += [
        computed(
            f"nodes.test.{kind}.{name}",
            row[name],
            unit="",
            definition=f"two-sided p-value ({name})",
            fmt="{:.3f}" if row[name] >= 0.001 else "{:.0e}",
        )
        for name in ("welch_p", "mann_whitney_p")
    ]
    return figures


def organisation_rows() -> pd.DataFrame:
    """The rows of the published Table 1 on active cluster organisations, which no public
    source lets the project recompute (organisations have no location in the data)."""
    paper = data.load("eccp_table1")
    rows = paper[paper["indicator"].str.contains("Cluster Organisations")]
    return rows.rename(
        columns={"indicator": "Average per region", "weak": "Weak", "non_weak": "Non-weak"}
    )
