"""Regional employment by NACE division from Eurostat's structural business statistics.

Every node count starts from a region x division matrix of persons employed
(``sbs_r_nuts06_r2``, indicator ``V16110``). Official statistics do not publish every cell:
some are confidential (flag ``c``), others simply missing. :func:`employment_matrix` keeps that
visible (a ``status`` matrix next to the numbers, and for each unpublished cell what its
section total leaves for it), and nothing downstream computes on the matrix before the caller
has said how unpublished cells are treated (:func:`fill_suppressed`, ``suppressed="exclude"``
or ``"bound"``, the rule of :func:`eucluster.parameters.suppressed`): a silent default would
decide how many nodes small regions have.

:func:`validate_employment` is the one check of a complete matrix (numeric, no gaps, no
negative numbers) that the location quotients, the strength measures and the ecosystems all
rely on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import parameters
from eucluster.data import derived
from eucluster.geo.nuts import is_nuts2, recode

#: Cell status values in :attr:`EmploymentMatrix.status`.
STATUS_OK, STATUS_CONFIDENTIAL, STATUS_MISSING = "ok", "confidential", "missing"
#: Eurostat's indicator code for persons employed in the SBS regional tables.
PERSONS_EMPLOYED = "V16110"
#: Eurostat's indicator code for the number of local units (establishments).
LOCAL_UNITS = "V11210"
#: The NUTS versions of the SBS file's region codes, in the order the recoding reads them.
SBS_NUTS_VERSIONS = (2013, 2010, 2006)
#: The years of the regional SBS file.
SBS_YEARS = tuple(range(2008, 2016))

_DIVISION_CODE = re.compile(r"^[A-Z]\d{2}$")
_SECTION_CODE = re.compile(r"^[A-Z]$")
_TIDY_COLUMNS = ("indic_sb", "nace_r2", "geo", "year", "value", "flag")


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


def nuts_level_mask(geo: pd.Series, level: int) -> pd.Series:
    """True for NUTS codes of ``level`` (2 letters + ``level`` characters); EU/EA aggregates and
    extra-regio codes (``DEZ``, ``DEZZ``) are left out.

    Eurostat's regional tables mix countries, regions of every level and aggregates in one
    ``geo`` column; the node tables select the rows of one level with this same rule in the SBS
    and LFS frames, so both count the same regions."""
    codes, uniques = pd.factorize(geo.astype("string"), use_na_sentinel=True)
    # The rule is applied to the distinct codes (a few thousand) and broadcast to the rows (the
    # SBS frame has 1.6 million): the same answer, a fraction of the string work.
    distinct = pd.Series(uniques, dtype="string")
    right_length = distinct.str.len() == 2 + level
    aggregate = distinct.str.match(r"^(EU|EA)")
    extra_regio = (
        distinct.str.slice(2, 3).eq("Z") if level > 0 else pd.Series(False, index=distinct.index)
    )
    keep = (right_length & ~aggregate & ~extra_regio).fillna(False).astype(bool).to_numpy()
    mask = np.zeros(len(codes), dtype=bool)
    present = codes >= 0
    mask[present] = keep[codes[present]]
    return pd.Series(mask, index=geo.index)


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
    geo_level = parameters.integer(geo_level, "geo_level (NUTS level)", 0, 2)

    rows = tidy[
        (tidy["indic_sb"] == indicator)
        & (pd.to_numeric(tidy["year"], errors="coerce") == int(year))
        & nuts_level_mask(tidy["geo"], geo_level)
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


def fill_suppressed(matrix: EmploymentMatrix, suppressed: str) -> FilledEmployment:
    """Fill the unpublished cells of ``matrix``.

    * ``"exclude"``: unpublished cells count as zero employment, so they can never be nodes and
      do not add to region or benchmark totals.
    * ``"bound"``: an unpublished cell gets ``(section total of the region - published
      divisions of that section) / number of unpublished divisions of that section``, clipped
      at 0, when the section total is published; otherwise zero, as under ``"exclude"``.
    """
    suppressed = parameters.suppressed(suppressed)
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


def complete_matrix(employment: object, suppressed: str | None) -> pd.DataFrame:
    """The complete numbers behind ``employment``: an :class:`EmploymentMatrix` filled as
    ``suppressed`` says (which must then be given: there is no default treatment), a
    :class:`FilledEmployment`, or a DataFrame taken as it is (:func:`validate_employment`
    refuses it if it has gaps)."""
    if isinstance(employment, EmploymentMatrix):
        if suppressed is None:
            exclude, bound = parameters.SUPPRESSED_CHOICES
            raise ValueError(
                "this employment matrix has unpublished cells: say how to treat them with "
                f"suppressed={exclude!r} or suppressed={bound!r}"
            )
        return fill_suppressed(employment, suppressed).employment
    if isinstance(employment, FilledEmployment):
        return employment.employment
    return employment  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# EU-27 NUTS 2 (2021) matrices: the path shared by the strength measures, the traded/local
# classification and the regression data set
# ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def sbs_frame() -> pd.DataFrame:
    """The tidy SBS frame ``sbs_r_nuts06_r2`` from the data door (kept in memory: callers must
    not modify it)."""
    from eucluster import data  # lazy: the door only when data are read

    return data.load("sbs_r_nuts06_r2")


@functools.lru_cache(maxsize=64)
@derived.cached
def eu_regions_year(year: int, suppressed: str, indicator: str = PERSONS_EMPLOYED) -> pd.DataFrame:
    """One year's EU-27 region x NACE division matrix of ``indicator`` in NUTS 2021 regions,
    unpublished cells filled as ``suppressed`` says, regions with nothing published left out.

    The SBS file codes regions in the NUTS version in force each year; counts of regions that
    were later split are shared among their successors by population
    (:func:`eucluster.geo.nuts.recode`, ``policy="apportion"``). A region absent in a year
    (Croatia before 2014, France in 2014-2015) is absent from the matrix, not filled. Cached in
    the process and on disk (:mod:`eucluster.data.derived`: the chapters' kernels share it):
    callers must not modify it."""
    suppressed = parameters.suppressed(suppressed)
    matrix = employment_matrix(sbs_indicator_rows(indicator), int(year), indicator=indicator)
    filled = fill_suppressed(matrix, suppressed).employment
    filled = filled[is_nuts2(filled.index.to_series()).to_numpy()]
    recoded = recode(filled, SBS_NUTS_VERSIONS, policy="apportion", column=None).data
    recoded = recoded[recoded.sum(axis=1) > 0]
    recoded.index.name, recoded.columns.name = "geo", "division"
    return recoded


@functools.lru_cache(maxsize=8)
def sbs_indicator_rows(indicator: str = PERSONS_EMPLOYED) -> pd.DataFrame:
    """The SBS frame's NUTS 2 rows of ``indicator``, in the frame's order: filtered once per
    process, so that each year's :func:`employment_matrix` scans a small part of the 1.6
    million rows (it applies the same filters again, so its result is the same as on the whole
    frame). Cached: callers must not modify it."""
    frame = sbs_frame()
    of_indicator = (frame["indic_sb"] == indicator).to_numpy()
    if not of_indicator.any():
        indicators = sorted(frame["indic_sb"].dropna().astype(str).unique())
        raise ValueError(f"no rows for indicator {indicator!r}; indicators: {indicators}")
    return frame[of_indicator & nuts_level_mask(frame["geo"], 2).to_numpy()]


@derived.cached
def eu_regions_years(
    years: Iterable[int], suppressed: str, indicators: Sequence[str] = (PERSONS_EMPLOYED,)
) -> dict[tuple[str, int], pd.DataFrame]:
    """:func:`eu_regions_year` for several years and indicators in few passes, keyed by
    ``(indicator, year)``; each matrix equals what :func:`eu_regions_year` returns (tested).

    The NUTS recoding dominates the time (seconds a call, whatever the number of columns), and
    it is linear in the counts, so matrices are recoded side by side in one wide frame over the
    union of their region codes (absent codes count zero). One thing depends on which codes are
    present: a code whose territory a newer code in the frame covers is *superseded* and not
    read. A matrix none of whose codes is superseded in the union is recoded exactly as alone
    and is taken from it; the others are recoded again, grouped by the superseded codes they
    hold (a matrix alone is exact by definition). Cached on disk
    (:mod:`eucluster.data.derived`): the regression, explorer and curve kernels share it."""
    suppressed = parameters.suppressed(suppressed)
    filled: dict[tuple[str, int], pd.DataFrame] = {}
    for indicator in indicators:
        tidy = sbs_indicator_rows(indicator)
        for year in years:
            matrix = employment_matrix(tidy, int(year), indicator=indicator)
            frame = fill_suppressed(matrix, suppressed).employment
            filled[(indicator, int(year))] = frame[is_nuts2(frame.index.to_series()).to_numpy()]
    result: dict[tuple[str, int], pd.DataFrame] = {}
    _recode_side_by_side(filled, list(filled), result)
    return {key: result[key] for key in filled}


def _recode_side_by_side(
    filled: dict[tuple[str, int], pd.DataFrame],
    keys: list[tuple[str, int]],
    result: dict[tuple[str, int], pd.DataFrame],
    *,
    split_by_codes: bool = False,
) -> None:
    """Recode the matrices ``keys`` of ``filled`` over the union of their codes; keep those
    whose codes are not superseded in the union; the others again, grouped by which superseded
    codes they hold (then, if that makes no progress, by their exact code set)."""
    union = sorted(set().union(*(filled[key].index for key in keys)))
    wide = pd.concat({key: filled[key].reindex(union).fillna(0.0) for key in keys}, axis=1)
    recoded, report = recode(wide, SBS_NUTS_VERSIONS, policy="apportion", column=None)
    recoded = recoded.sort_index(axis=1)
    superseded = set(report.listed("superseded"))
    # Matrices with the same codes as the union are recoded exactly as alone.
    groups: dict[frozenset, list[tuple[str, int]]] = {}
    for key in keys:
        codes = set(filled[key].index)
        exact = len(codes) == len(union) or not superseded & codes
        if exact:
            part = recoded[key].reindex(columns=filled[key].columns)
            part = part[part.sum(axis=1) > 0]
            part.index.name, part.columns.name = "geo", "division"
            result[key] = part
            continue
        signature = frozenset(codes) if split_by_codes else frozenset(superseded & codes)
        groups.setdefault(signature, []).append(key)
    for group in groups.values():
        no_progress = len(group) == len(keys)
        _recode_side_by_side(filled, group, result, split_by_codes=split_by_codes or no_progress)


@functools.lru_cache(maxsize=16)
def eu_regions_mean(
    years: Sequence[int] = (2008, 2009, 2010),
    suppressed: str = "bound",
    indicator: str = PERSONS_EMPLOYED,
) -> pd.DataFrame:
    """The mean of :func:`eu_regions_year` over ``years``, each region averaged over the years
    in which it is published (France first appears in 2010, Luxembourg in 2009); a division
    absent in a year counts as zero that year. Cached: callers must not modify it."""
    years = parameters.years(list(years), "years", SBS_YEARS[0], SBS_YEARS[-1])
    matrices = [eu_regions_year(year, suppressed, indicator) for year in years]
    stacked = pd.concat(matrices, keys=range(len(matrices))).fillna(0.0)
    average = stacked.groupby(level=1).mean()
    average.index.name, average.columns.name = "geo", "division"
    return average


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
