"""Location quotients and the ECCP "specialisation node" rules.

The ECCP discussion paper on structurally weak regions (Franco & Wilson, section "What can ECCP
data tell us about clusters in structurally weak regions?") counts *specialisation nodes*: cells
of a region x NACE 2-digit sector matrix of employment where the region is specialised,
``LQ > 1.5``, and the cell is relevant either

* for the region (**regional-relevant**): the sector's share of regional employment ``> 1 %``;
* for the industry (**industry-relevant**): the region's share of European employment in the
  sector ``> 1 %``.

Both inequalities are strict, as in the paper: a cell with ``LQ == 1.5`` is not a node.

The location quotient of region ``r`` in sector ``s`` is

    LQ_rs = (e_rs / e_r) / (E_s / E)

with ``e_r`` the region's total employment, ``E_s`` the benchmark (e.g. EU) employment in the
sector and ``E`` the benchmark total. By default ``e_r`` is the row sum over the sectors in the
matrix and ``E_s``, ``E`` are the column sums and grand total over the regions in the matrix;
each can be replaced (LFS total employment as ``e_r``, EU-27 rather than EU-28 benchmarks).
Which divisions the regional SBS data cover, which denominator the book uses and why, and how
that compares with the paper's 88 divisions is set out in :mod:`eucluster.measures.node_tables`.

The employment matrix and the treatment of its unpublished cells are in
:mod:`eucluster.measures.sbs_employment`; :func:`suppression_sensitivity` says how much that
treatment matters for the nodes. :func:`nodes` is one whole-array computation; a naive loop
version in ``tests/oracles.py`` checks it in the tests and times it in
``benchmarks/bench_nodes.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from eucluster import parameters
from eucluster.measures.sbs_employment import (
    STATUS_CONFIDENTIAL,
    STATUS_MISSING,
    EmploymentMatrix,
    FilledEmployment,
    complete_matrix,
    fill_suppressed,
    validate_employment,
)

NODE_KINDS = ("regional_relevant", "industry_relevant")


# ---------------------------------------------------------------------------------------------
# Region totals and benchmark
# ---------------------------------------------------------------------------------------------


def checked_region_totals(
    values: pd.DataFrame, region_totals: pd.Series | None = None
) -> pd.Series:
    """``e_r`` of every region of the validated matrix ``values``: the row sums, or ``given``
    (e.g. LFS total employment) checked to cover every region and to hold each region's
    employment in every sector, since a total smaller than one of its parts would give shares
    above 1.

    The location quotients, the strength measures and the ecosystem nodes all take their
    region totals from here, so they divide by the same numbers.
    """
    if region_totals is None:
        return values.sum(axis=1)
    if not isinstance(region_totals, pd.Series):
        raise TypeError("region_totals must be a pandas Series indexed by region")
    missing = values.index.difference(region_totals.index)
    if len(missing):
        raise ValueError(
            f"region_totals has no value for {len(missing)} regions of the matrix, e.g. "
            f"{list(missing[:5])}"
        )
    totals = region_totals.reindex(values.index).astype(float)
    bad = totals[~(totals >= 0) | totals.isna()]
    if len(bad):
        raise ValueError(
            f"region_totals must be >= 0 and not NaN; offending regions: {bad.head(5).to_dict()}"
        )
    short = totals < values.max(axis=1) * (1 - 1e-9)
    if short.any():
        raise ValueError(
            "region_totals is smaller than the employment of one of its sectors for "
            f"{int(short.sum())} regions (e.g. {list(totals.index[short][:5])}): a total must "
            "include each of its parts"
        )
    return totals


def _benchmark_totals(
    values: pd.DataFrame,
    totals: pd.Series,
    region_totals_given: bool,
    benchmark: pd.DataFrame | None,
    benchmark_sector_totals: pd.Series | None,
    benchmark_total: float | None,
) -> tuple[pd.Series, float]:
    if benchmark is not None and benchmark_sector_totals is not None:
        raise ValueError(
            "give either benchmark (a region x sector frame) or benchmark_sector_totals, not both"
        )
    if benchmark is not None:
        reference = validate_employment(benchmark, "benchmark")
        missing = values.columns.difference(reference.columns)
        if len(missing):
            raise ValueError(f"benchmark lacks the sectors {list(missing)}")
        sector_totals = reference[values.columns].sum(axis=0)
        if benchmark_total is None:
            benchmark_total = float(reference.to_numpy().sum())
    elif benchmark_sector_totals is not None:
        if not isinstance(benchmark_sector_totals, pd.Series):
            raise TypeError("benchmark_sector_totals must be a pandas Series indexed by sector")
        missing = values.columns.difference(benchmark_sector_totals.index)
        if len(missing):
            raise ValueError(
                f"benchmark_sector_totals has no value for the sectors {list(missing)}"
            )
        sector_totals = benchmark_sector_totals.reindex(values.columns).astype(float)
        if benchmark_total is None:
            benchmark_total = float(
                totals.sum() if region_totals_given else benchmark_sector_totals.sum()
            )
    else:
        sector_totals = values.sum(axis=0)
        if benchmark_total is None:
            benchmark_total = float(totals.sum())
    if not (sector_totals >= 0).all():
        raise ValueError("benchmark sector totals must be >= 0 and not NaN")
    benchmark_total = float(benchmark_total)
    if not (math.isfinite(benchmark_total) and benchmark_total > 0):
        raise ValueError(f"benchmark_total must be a positive number, got {benchmark_total:g}")
    return sector_totals, benchmark_total


# ---------------------------------------------------------------------------------------------
# Location quotients and nodes
# ---------------------------------------------------------------------------------------------


def location_quotients(
    employment: pd.DataFrame,
    benchmark: pd.DataFrame | None = None,
    *,
    region_totals: pd.Series | None = None,
    benchmark_sector_totals: pd.Series | None = None,
    benchmark_total: float | None = None,
) -> pd.DataFrame:
    """``LQ_rs = (e_rs / e_r) / (E_s / E)`` for every cell, as one array operation.

    ``e_r``: ``region_totals`` if given (e.g. LFS total employment), else row sums.
    ``E_s``, ``E``: from ``benchmark`` (a region x sector frame, e.g. all EU-27 regions) or
    ``benchmark_sector_totals``/``benchmark_total`` if given, else column sums and the sum of
    region totals over the regions in ``employment``. Cells of a region with zero total, or of a
    sector with zero benchmark employment, are NaN.
    """
    values = validate_employment(employment)
    return benchmark_ratios(
        values, region_totals, benchmark, benchmark_sector_totals, benchmark_total
    ).lq


def _ratios(
    values: pd.DataFrame, totals: pd.Series, sector_totals: pd.Series, total: float
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    e = values.to_numpy()
    region = totals.to_numpy()[:, None]
    sector = sector_totals.to_numpy()[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        regional_share = np.where(region > 0, e / region, np.nan)
        industry_share = np.where(sector > 0, e / sector, np.nan)
        benchmark_share = sector / total
        lq = np.where(benchmark_share > 0, regional_share / benchmark_share, np.nan)

    def frame(array: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(array, index=values.index, columns=values.columns)

    return frame(lq), frame(regional_share), frame(industry_share)


class Ratios(NamedTuple):
    """Region totals ``e_r`` and the three region x sector ratios built on them."""

    totals: pd.Series
    lq: pd.DataFrame
    regional_share: pd.DataFrame
    industry_share: pd.DataFrame


def benchmark_ratios(
    values: pd.DataFrame,
    region_totals: pd.Series | None,
    benchmark: pd.DataFrame | None,
    benchmark_sector_totals: pd.Series | None,
    benchmark_total: float | None,
) -> Ratios:
    """Region totals, location quotients and both shares of a validated matrix ``values``.

    The one place where ``e_r``, ``E_s`` and ``E`` are chosen from the optional totals and
    benchmark (rules in :func:`location_quotients`), so that nodes, location quotients and the
    cluster-strength rules of :mod:`eucluster.measures.strength` cannot drift apart on denominators.
    """
    totals = checked_region_totals(values, region_totals)
    sector_totals, total = _benchmark_totals(
        values,
        totals,
        region_totals is not None,
        benchmark,
        benchmark_sector_totals,
        benchmark_total,
    )
    return Ratios(totals, *_ratios(values, totals, sector_totals, total))


@dataclass(frozen=True)
class Nodes:
    """Specialisation nodes and the ratios behind them (all frames: regions x sectors)."""

    lq: pd.DataFrame
    regional_share: pd.DataFrame
    industry_share: pd.DataFrame
    regional_relevant: pd.DataFrame
    industry_relevant: pd.DataFrame
    lq_threshold: float
    regional_share_threshold: float
    industry_share_threshold: float

    def long(self) -> pd.DataFrame:
        """One row per region x sector with the ratios and both node flags."""
        parts = {
            "lq": self.lq,
            "regional_share": self.regional_share,
            "industry_share": self.industry_share,
            "regional_relevant": self.regional_relevant,
            "industry_relevant": self.industry_relevant,
        }
        return pd.concat({k: v.stack() for k, v in parts.items()}, axis=1).reset_index()


def node_rule(lq, share, lq_threshold, share_threshold) -> np.ndarray:
    """The ECCP node rule on arrays: ``LQ > lq_threshold and share > share_threshold``.

    Strict inequalities, as in the paper; NaN ratios compare False, so a region without
    employment or a sector without benchmark employment never has a node. Thresholds broadcast,
    which lets a whole grid of thresholds be evaluated in one comparison.
    """
    lq, share = np.asarray(lq, float), np.asarray(share, float)
    with np.errstate(invalid="ignore"):
        return (lq > lq_threshold) & (share > share_threshold)


def nodes(
    employment: pd.DataFrame | EmploymentMatrix | FilledEmployment,
    lq_threshold: float = 1.5,
    regional_share_threshold: float = 0.01,
    industry_share_threshold: float = 0.01,
    *,
    suppressed: str | None = None,
    region_totals: pd.Series | None = None,
    benchmark: pd.DataFrame | None = None,
    benchmark_sector_totals: pd.Series | None = None,
    benchmark_total: float | None = None,
) -> Nodes:
    """Regional- and industry-relevant specialisation nodes (ECCP rule, strict inequalities):

    * regional-relevant: ``LQ > lq_threshold`` and ``e_rs / e_r > regional_share_threshold``;
    * industry-relevant: ``LQ > lq_threshold`` and ``e_rs / E_s > industry_share_threshold``.

    ``employment`` is a complete DataFrame, a :class:`FilledEmployment`, or an
    :class:`EmploymentMatrix` together with ``suppressed="exclude"|"bound"``. Totals and
    benchmarks as in :func:`location_quotients`.
    """
    lq_threshold = parameters.lq_threshold(lq_threshold)
    regional_share_threshold = parameters.fraction(
        regional_share_threshold, "regional_share_threshold"
    )
    industry_share_threshold = parameters.fraction(
        industry_share_threshold, "industry_share_threshold"
    )
    values = validate_employment(complete_matrix(employment, suppressed))
    _, lq, regional_share, industry_share = benchmark_ratios(
        values, region_totals, benchmark, benchmark_sector_totals, benchmark_total
    )
    regional = node_rule(
        lq.to_numpy(), regional_share.to_numpy(), lq_threshold, regional_share_threshold
    )
    industry = node_rule(
        lq.to_numpy(), industry_share.to_numpy(), lq_threshold, industry_share_threshold
    )
    return Nodes(
        lq=lq,
        regional_share=regional_share,
        industry_share=industry_share,
        regional_relevant=pd.DataFrame(regional, index=values.index, columns=values.columns),
        industry_relevant=pd.DataFrame(industry, index=values.index, columns=values.columns),
        lq_threshold=lq_threshold,
        regional_share_threshold=regional_share_threshold,
        industry_share_threshold=industry_share_threshold,
    )


def node_counts(found: Nodes) -> pd.DataFrame:
    """Per region, the number of regional-relevant and industry-relevant nodes."""
    return pd.DataFrame({kind: getattr(found, kind).sum(axis=1).astype(int) for kind in NODE_KINDS})


# ---------------------------------------------------------------------------------------------
# How much the treatment of unpublished cells matters
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuppressionReport:
    """What ``suppressed="exclude"`` and ``"bound"`` each do to one matrix, and how many node
    flags differ between them (a node gained or lost counts once)."""

    cells: int
    cells_confidential: int
    cells_missing: int
    cells_estimated_under_bound: int
    cells_zero_under_bound: int
    regional_nodes_exclude: int
    regional_nodes_bound: int
    regional_nodes_changed: int
    industry_nodes_exclude: int
    industry_nodes_bound: int
    industry_nodes_changed: int

    def as_series(self) -> pd.Series:
        return pd.Series(self.__dict__, dtype="int64")


def suppression_sensitivity(matrix: EmploymentMatrix, **node_options) -> SuppressionReport:
    """Compute nodes under both treatments of unpublished cells and count the differences.

    ``node_options`` go to :func:`nodes` (thresholds, totals, benchmarks). Every unpublished
    cell is zero under ``"exclude"``; under ``"bound"`` it is estimated where its section total
    is published. Nodes can change in other cells too, because totals change.
    """
    if "suppressed" in node_options:
        raise ValueError("suppression_sensitivity runs both choices; do not pass suppressed")
    counts = matrix.status_counts()
    exclude = fill_suppressed(matrix, "exclude")
    bound = fill_suppressed(matrix, "bound")
    found_exclude = nodes(exclude, **node_options)
    found_bound = nodes(bound, **node_options)

    def changed(kind: str) -> int:
        a = getattr(found_exclude, kind).to_numpy()
        b = getattr(found_bound, kind).to_numpy()
        return int((a != b).sum())

    return SuppressionReport(
        cells=int(matrix.employment.size),
        cells_confidential=int(counts[STATUS_CONFIDENTIAL]),
        cells_missing=int(counts[STATUS_MISSING]),
        cells_estimated_under_bound=bound.cells_estimated,
        cells_zero_under_bound=bound.cells_zero,
        regional_nodes_exclude=int(found_exclude.regional_relevant.to_numpy().sum()),
        regional_nodes_bound=int(found_bound.regional_relevant.to_numpy().sum()),
        regional_nodes_changed=changed("regional_relevant"),
        industry_nodes_exclude=int(found_exclude.industry_relevant.to_numpy().sum()),
        industry_nodes_bound=int(found_bound.industry_relevant.to_numpy().sum()),
        industry_nodes_changed=changed("industry_relevant"),
    )
