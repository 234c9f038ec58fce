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

Official statistics do not publish every cell. :func:`employment_matrix` keeps that visible (a
``status`` matrix next to the numbers) and every computation downstream asks how unpublished
cells are treated (``suppressed="exclude"`` or ``"bound"``, see :func:`fill_suppressed`);
:func:`suppression_sensitivity` says how much that choice matters.

:func:`nodes` is the whole-array implementation; :func:`nodes_loop` is a deliberately naive
reference with plain Python loops, kept for the tests and ``benchmarks/bench_nodes.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

#: How unpublished (confidential or missing) cells can be treated.
SUPPRESSED_CHOICES = ("exclude", "bound")
#: Cell status values in :attr:`EmploymentMatrix.status`.
STATUS_OK, STATUS_CONFIDENTIAL, STATUS_MISSING = "ok", "confidential", "missing"
#: Eurostat's indicator code for persons employed in the SBS regional tables.
PERSONS_EMPLOYED = "V16110"

_DIVISION_CODE = re.compile(r"^[A-Z]\d{2}$")
_SECTION_CODE = re.compile(r"^[A-Z]$")
_TIDY_COLUMNS = ("indic_sb", "nace_r2", "geo", "year", "value", "flag")
NODE_KINDS = ("regional_relevant", "industry_relevant")


# ---------------------------------------------------------------------------------------------
# From the tidy SBS frame to a region x division matrix
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmploymentMatrix:
    """Employment by region (rows) and NACE division (columns) for one year and indicator.

    ``employment`` holds the published numbers and NaN where nothing is published; ``status``
    has the same shape and says why a number is absent (``"ok"``, ``"confidential"``,
    ``"missing"``). ``bound_estimate`` is what ``suppressed="bound"`` would put in each
    unpublished cell (NaN where the section total is not published either), computed from *all*
    divisions of the section found in the data, not only the selected ones.
    """

    employment: pd.DataFrame
    status: pd.DataFrame
    bound_estimate: pd.DataFrame
    year: int
    indicator: str
    geo_level: int
    empty_regions: tuple[str, ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return self.employment.shape

    def status_counts(self) -> pd.Series:
        """How many cells are ok, confidential and missing."""
        counts = pd.Series(self.status.to_numpy().ravel()).value_counts()
        return counts.reindex([STATUS_OK, STATUS_CONFIDENTIAL, STATUS_MISSING], fill_value=0)

    def filled(self, suppressed: str) -> FilledEmployment:
        """The matrix with unpublished cells filled as ``suppressed`` says (see
        :func:`fill_suppressed`)."""
        return fill_suppressed(self, suppressed)


def _nuts_level_mask(geo: pd.Series, level: int) -> pd.Series:
    """True for NUTS codes of ``level`` (2 letters + ``level`` characters); EU/EA aggregates and
    extra-regio codes (``DEZ``, ``DEZZ``) are left out."""
    geo = geo.astype("string")
    right_length = geo.str.len() == 2 + level
    aggregate = geo.str.match(r"^(EU|EA)")
    extra_regio = geo.str.slice(2, 3).eq("Z") if level > 0 else pd.Series(False, index=geo.index)
    return (right_length & ~aggregate & ~extra_regio).fillna(False).astype(bool)


def _division_codes(available: Iterable[str], wanted: Iterable[str] | None) -> list[str]:
    """Resolve the ``divisions`` argument: codes such as ``"C29"``, or bare numbers ``"29"``/``29``
    matched to the code that carries them."""
    available = sorted(available)
    if wanted is None:
        return available
    by_number = {code[1:]: code for code in available}
    resolved, unknown = [], []
    for item in wanted:
        text = str(item).strip()
        if text.isdigit():
            text = by_number.get(text.zfill(2), text)
        if text in available:
            resolved.append(text)
        else:
            unknown.append(str(item))
    if unknown:
        raise ValueError(
            f"divisions not found in the data for this year and indicator: {unknown}. "
            f"Available NACE divisions: {', '.join(available)}"
        )
    if len(set(resolved)) != len(resolved):
        raise ValueError(f"divisions lists a division twice: {list(wanted)}")
    return resolved


def employment_matrix(
    tidy: pd.DataFrame,
    year: int,
    indicator: str = PERSONS_EMPLOYED,
    geo_level: int = 2,
    divisions: Iterable[str] | None = None,
    *,
    drop_empty_regions: bool = True,
) -> EmploymentMatrix:
    """Pivot the tidy SBS frame into a region x NACE-division matrix for ``year``.

    ``tidy`` has the columns ``indic_sb, nace_r2, geo, year, value, flag`` (the frame returned by
    ``eucluster.data.load("sbs_r_nuts06_r2")``). Only 2-digit divisions (``C29``) become columns;
    sections (``C``) are used for the ``bound`` estimate, aggregates and 3-digit groups are
    ignored. A cell is ``"confidential"`` when its value is absent and its flag contains ``c``,
    ``"missing"`` when its value is absent otherwise (including rows the file does not have).
    Regions where no division is published at all (e.g. France in 2014-2015 in the 2017 SBS
    vintage) are dropped and listed in ``empty_regions`` unless ``drop_empty_regions=False``.
    """
    missing_columns = [c for c in _TIDY_COLUMNS if c not in tidy.columns]
    if missing_columns:
        raise ValueError(
            f"the SBS frame lacks the columns {missing_columns}; expected the tidy frame of "
            f"eucluster.data.load('sbs_r_nuts06_r2') with columns {list(_TIDY_COLUMNS)}"
        )
    if geo_level not in (0, 1, 2):
        raise ValueError(f"geo_level must be 0, 1 or 2 (NUTS level), got {geo_level!r}")

    rows = tidy[
        (tidy["indic_sb"] == indicator)
        & (pd.to_numeric(tidy["year"], errors="coerce") == int(year))
        & _nuts_level_mask(tidy["geo"], geo_level)
    ]
    if rows.empty:
        years = sorted(
            pd.to_numeric(tidy["year"], errors="coerce").dropna().astype(int).unique().tolist()
        )
        indicators = sorted(tidy["indic_sb"].dropna().astype(str).unique())
        raise ValueError(
            f"no rows for indicator {indicator!r}, year {year}, NUTS level {geo_level}. "
            f"Years in the frame: {years}; indicators: {indicators}"
        )
    nace = rows["nace_r2"].astype(str)
    is_division = nace.str.match(_DIVISION_CODE.pattern)
    is_section = nace.str.match(_SECTION_CODE.pattern)

    def pivot(subset: pd.DataFrame, column: str) -> pd.DataFrame:
        try:
            return subset.pivot(index="geo", columns="nace_r2", values=column)
        except ValueError as error:
            duplicated = subset[subset.duplicated(["geo", "nace_r2"], keep=False)]
            first = duplicated.head(3)[["geo", "nace_r2"]].to_numpy().tolist()
            raise ValueError(
                f"the SBS frame has {len(duplicated)} rows for the same region, NACE code, "
                f"indicator and year (first: {first}); each cell must appear once"
            ) from error

    division_rows = rows[is_division]
    values = pivot(division_rows, "value").astype(float)
    flags = pivot(division_rows, "flag")
    columns = _division_codes(values.columns, divisions)
    sections = pivot(rows[is_section], "value").astype(float)

    regions = values.index.union(sections.index).sort_values()
    values = values.reindex(index=regions)
    flags = flags.reindex(index=regions, columns=values.columns)
    sections = sections.reindex(index=regions)

    estimate_all = _bound_estimate(values, sections)

    values = values[columns]
    flags = flags[columns].fillna("").astype(str)
    published = values.notna()
    confidential = np.char.find(flags.to_numpy().astype(str), "c") >= 0
    status = pd.DataFrame(
        np.where(published, STATUS_OK, np.where(confidential, STATUS_CONFIDENTIAL, STATUS_MISSING)),
        index=values.index,
        columns=values.columns,
    )
    estimate = estimate_all[columns].where(~published)

    empty: tuple[str, ...] = ()
    if drop_empty_regions:
        has_data = published.any(axis=1)
        empty = tuple(regions[~has_data.to_numpy()])
        values, status, estimate = values[has_data], status[has_data], estimate[has_data]

    for frame in (values, status, estimate):
        frame.index.name, frame.columns.name = "geo", "division"
    return EmploymentMatrix(values, status, estimate, int(year), indicator, geo_level, empty)


def _bound_estimate(divisions: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Residual of each section total over its published divisions, split equally among the
    section's unpublished divisions and clipped at zero; NaN where the section total is not
    published. Returned for every cell; only unpublished cells use it."""
    section_of = pd.Series(divisions.columns.str.slice(0, 1), index=divisions.columns)
    published_sum = divisions.fillna(0.0).T.groupby(section_of).sum().T
    unpublished_count = divisions.isna().T.groupby(section_of).sum().T
    totals = sections.reindex(columns=published_sum.columns)
    with np.errstate(divide="ignore", invalid="ignore"):
        residual = (totals - published_sum).clip(lower=0.0) / unpublished_count.replace(0, np.nan)
    estimate = residual.loc[:, section_of.to_numpy()]
    estimate.columns = divisions.columns
    return estimate


# ---------------------------------------------------------------------------------------------
# Confidential and missing cells
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilledEmployment:
    """An employment matrix without gaps, and what filling it did.

    ``cells_unpublished`` cells were confidential or missing; under ``"bound"``,
    ``cells_estimated`` of them received a positive estimate from their section total and
    ``cells_zero`` were set to zero (no section total, or nothing left of it); under
    ``"exclude"`` all of them are zero.
    """

    employment: pd.DataFrame
    suppressed: str
    cells_unpublished: int
    cells_estimated: int
    cells_zero: int


def _check_suppressed(suppressed: object) -> str:
    if suppressed not in SUPPRESSED_CHOICES:
        raise ValueError(
            f"suppressed must be one of {SUPPRESSED_CHOICES}, got {suppressed!r}: 'exclude' "
            "counts confidential and missing cells as zero employment (they cannot become "
            "nodes); 'bound' fills them from the section total of the region"
        )
    return str(suppressed)


def fill_suppressed(matrix: EmploymentMatrix, suppressed: str) -> FilledEmployment:
    """Fill the unpublished cells of ``matrix``.

    * ``"exclude"``: unpublished cells count as zero employment, so they can never be nodes and
      do not add to region or benchmark totals.
    * ``"bound"``: an unpublished cell gets ``(section total of the region - published
      divisions of that section) / number of unpublished divisions of that section``, clipped
      at 0, when the section total is published; otherwise zero, as under ``"exclude"``.
    """
    suppressed = _check_suppressed(suppressed)
    unpublished = matrix.employment.isna()
    if suppressed == "exclude":
        filled = matrix.employment.fillna(0.0)
        estimated = 0
    else:
        estimate = matrix.bound_estimate.where(unpublished)
        filled = matrix.employment.where(~unpublished, estimate).fillna(0.0)
        estimated = int((unpublished & (filled > 0)).to_numpy().sum())
    n_unpublished = int(unpublished.to_numpy().sum())
    return FilledEmployment(filled, suppressed, n_unpublished, estimated, n_unpublished - estimated)


def _as_complete_matrix(employment: object, suppressed: str | None) -> pd.DataFrame:
    """Accept an :class:`EmploymentMatrix` (with an explicit ``suppressed`` choice), a
    :class:`FilledEmployment` or a complete DataFrame."""
    if isinstance(employment, EmploymentMatrix):
        if suppressed is None:
            raise ValueError(
                "this employment matrix has unpublished cells: say how to treat them with "
                f"suppressed={SUPPRESSED_CHOICES[0]!r} or suppressed={SUPPRESSED_CHOICES[1]!r}"
            )
        return fill_suppressed(employment, suppressed).employment
    if isinstance(employment, FilledEmployment):
        return employment.employment
    return employment  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def validate_employment(employment: object, name: str = "employment") -> pd.DataFrame:
    """Check that ``employment`` is a non-empty numeric region x sector DataFrame without
    gaps or negative numbers; return it as float."""
    if not isinstance(employment, pd.DataFrame):
        raise TypeError(
            f"{name} must be a pandas DataFrame (regions as rows, sectors as columns), "
            f"not {type(employment).__name__}"
        )
    if employment.shape[0] == 0 or employment.shape[1] == 0:
        raise ValueError(
            f"{name} is empty ({employment.shape[0]} regions x {employment.shape[1]} sectors): "
            "at least one region and one sector are needed"
        )
    for axis, labels in (("region", employment.index), ("sector", employment.columns)):
        if labels.has_duplicates:
            duplicated = sorted(map(str, labels[labels.duplicated()].unique()))
            raise ValueError(f"{name} has duplicated {axis} labels: {duplicated}")
    non_numeric = [
        c for c in employment.columns if not pd.api.types.is_numeric_dtype(employment[c])
    ]
    if non_numeric:
        raise TypeError(f"{name} must be numeric; these columns are not: {non_numeric[:5]}")
    values = employment.astype(float)
    array = values.to_numpy()
    if np.isnan(array).any():
        where = _first_cells(values, np.isnan(array))
        raise ValueError(
            f"{name} has {int(np.isnan(array).sum())} empty (NaN) cells, e.g. {where}. Say how "
            "unpublished cells are treated: pass the EmploymentMatrix with "
            "suppressed='exclude' or 'bound', or fill them before"
        )
    if np.isinf(array).any():
        where = _first_cells(values, np.isinf(array))
        raise ValueError(f"{name} has infinite values, e.g. {where}")
    if (array < 0).any():
        raise ValueError(
            f"{name} has {int((array < 0).sum())} negative cells, e.g. "
            f"{_first_cells(values, array < 0)}; employment must be zero or positive"
        )
    return values


def _first_cells(frame: pd.DataFrame, mask: np.ndarray, n: int = 3) -> list[tuple]:
    rows, cols = np.nonzero(mask)
    return [
        (frame.index[r], frame.columns[c], float(frame.iat[r, c]))
        for r, c in zip(rows[:n], cols[:n], strict=True)
    ]


def _check_fraction(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    if not 0.0 <= value < 1.0:
        hint = " (it is a fraction: 0.01 means 1 %)" if value >= 1.0 else ""
        raise ValueError(f"{name} must be a fraction in [0, 1){hint}, got {value:g}")
    return value


def _check_lq_threshold(value: object, name: str = "lq_threshold") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    value = float(value)
    if not (math.isfinite(value) and value >= 0.0):
        raise ValueError(f"{name} must be a finite number >= 0 (the paper uses 1.5), got {value:g}")
    return value


def _region_totals(values: pd.DataFrame, region_totals: pd.Series | None) -> pd.Series:
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
    totals = _region_totals(values, region_totals)
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
    lq_threshold = _check_lq_threshold(lq_threshold)
    regional_share_threshold = _check_fraction(regional_share_threshold, "regional_share_threshold")
    industry_share_threshold = _check_fraction(industry_share_threshold, "industry_share_threshold")
    values = validate_employment(_as_complete_matrix(employment, suppressed))
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


def nodes_loop(
    employment: pd.DataFrame,
    lq_threshold: float = 1.5,
    regional_share_threshold: float = 0.01,
    industry_share_threshold: float = 0.01,
    *,
    region_totals: pd.Series | None = None,
    benchmark_sector_totals: pd.Series | None = None,
    benchmark_total: float | None = None,
) -> Nodes:
    """Reference implementation of :func:`nodes` with plain Python loops over regions and
    sectors. Deliberately naive: it exists to check :func:`nodes` and to time it."""
    lq_threshold = _check_lq_threshold(lq_threshold)
    regional_share_threshold = _check_fraction(regional_share_threshold, "regional_share_threshold")
    industry_share_threshold = _check_fraction(industry_share_threshold, "industry_share_threshold")
    values = validate_employment(employment)
    regions = list(values.index)
    sectors = list(values.columns)
    cells = values.to_numpy().tolist()

    if region_totals is None:
        e_r = []
        for row in cells:
            total = 0.0
            for x in row:
                total += x
            e_r.append(total)
    else:
        e_r = [float(region_totals[r]) for r in regions]
    if benchmark_sector_totals is None:
        e_s = []
        for j in range(len(sectors)):
            total = 0.0
            for i in range(len(regions)):
                total += cells[i][j]
            e_s.append(total)
    else:
        e_s = [float(benchmark_sector_totals[s]) for s in sectors]
    if benchmark_total is None:
        if region_totals is not None or benchmark_sector_totals is None:
            grand = 0.0
            for x in e_r:
                grand += x
        else:
            grand = 0.0
            for x in e_s:
                grand += x
    else:
        grand = float(benchmark_total)

    nan = float("nan")
    lq, rs, ind, reg_flag, ind_flag = [], [], [], [], []
    for i in range(len(regions)):
        row_lq, row_rs, row_ind, row_reg, row_indf = [], [], [], [], []
        for j in range(len(sectors)):
            e = cells[i][j]
            regional_share = e / e_r[i] if e_r[i] > 0 else nan
            industry_share = e / e_s[j] if e_s[j] > 0 else nan
            benchmark_share = e_s[j] / grand
            q = regional_share / benchmark_share if benchmark_share > 0 else nan
            specialised = q > lq_threshold
            row_lq.append(q)
            row_rs.append(regional_share)
            row_ind.append(industry_share)
            row_reg.append(bool(specialised and regional_share > regional_share_threshold))
            row_indf.append(bool(specialised and industry_share > industry_share_threshold))
        lq.append(row_lq)
        rs.append(row_rs)
        ind.append(row_ind)
        reg_flag.append(row_reg)
        ind_flag.append(row_indf)

    def frame(rows: list[list]) -> pd.DataFrame:
        return pd.DataFrame(rows, index=values.index, columns=values.columns)

    return Nodes(
        frame(lq),
        frame(rs),
        frame(ind),
        frame(reg_flag),
        frame(ind_flag),
        lq_threshold,
        regional_share_threshold,
        industry_share_threshold,
    )


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
