"""Cluster strength for every year of the regional SBS file: the panel behind the fixed-effects,
long-difference and growth designs.

The cross-section averages employment over 2008-2010 and then applies the rules once; the
panel applies the same rules (:func:`eucluster.measures.strength.measures`) to each year's
matrix separately, so that strength varies over time within a region. The matrices come from
:func:`eucluster.measures.sbs_employment.eu_regions_years`: EU-27 NUTS 2 (2021) regions,
unpublished cells filled as ``suppressed`` says, recoded side by side in few passes.

**Absent, not filled.** A region without published data in a year (Croatia before 2014, France
before 2010, the countries missing from the 2015 extraction) has no row for that year. The
report (:class:`PanelReport`, also in ``frame.attrs["report"]``) counts the rows of the full
grid (every region seen in any year x every year), the rows kept and the rows dropped by
reason: the whole country is absent that year, or only the region is.

**Averaging order.** The mean of the annual measures over 2008-2010 is not the measure of the
2008-2010 mean matrix: the rules are thresholds (a cell that is a node in two of three years
counts two thirds of its employment share in the mean of annual measures, but fully or not
at all in the measure of the mean), and a region absent in a year is averaged over fewer
years in both, but with different weights on the other regions' benchmark. The two agree
exactly when every year's matrix is the same (tested). On the real data (all divisions,
``suppressed="bound"``, 237 regions) the mean of the 2008-2010 annual measures correlates with
the measure of the 2008-2010 mean matrix at 0.93 (node count) to 0.96 (CMP share), and single
regions differ by up to 0.17 in a share: a design that compares the two must say which it uses.

**Coverage** (2017 extraction, EU-27 NUTS 2021): 241 regions x 8 years = 1,928 rows; 1,739
kept; 189 dropped because the whole country is absent that year: Croatia 2008-2013, France
2008-2009, Luxembourg 2008, Ireland 2013, and 11 countries in 2015 (this extraction holds 2015
for 16 countries only; France is back in 2014). No region is absent while its country is there.
Building the whole panel with local units takes about 25 s on two busy cores,
most of it the NUTS recoding (five recoding passes instead of sixteen).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from eucluster import parameters
from eucluster.measures import sbs_employment, strength
from eucluster.measures.traded import DEFAULT_GINI_THRESHOLD, traded_divisions

#: The years of the regional SBS file (``sbs_r_nuts06_r2``, 2017 extraction).
PANEL_YEARS = tuple(range(2008, 2016))
#: Reasons a (region, year) row of the grid has no strength.
COUNTRY_ABSENT = "country not in the SBS file that year"
REGION_ABSENT = "region not published that year"


@dataclass(frozen=True)
class PanelReport:
    """What the panel holds: ``rows_in`` = every region seen in any year x every year;
    ``rows_kept``; ``rows_dropped`` by reason; ``dropped``: the (geo, year, reason) rows;
    ``seconds``: the time to build the panel (matrices and measures)."""

    rows_in: int
    rows_kept: int
    rows_dropped: dict[str, int]
    dropped: pd.DataFrame
    seconds: float = 0.0
    local_unit_cells_missing: int = 0
    countries_by_year: dict[int, int] = field(default_factory=dict)


def coverage(
    matrices: dict[int, pd.DataFrame], seconds: float = 0.0, local_unit_cells_missing: int = 0
) -> PanelReport:
    """The report of a panel built from ``matrices`` (year -> region x division matrix)."""
    years = sorted(matrices)
    regions = sorted(set().union(*(m.index for m in matrices.values())))
    rows = []
    for year in years:
        present = set(matrices[year].index)
        countries = {geo[:2] for geo in present}
        for geo in regions:
            if geo not in present:
                reason = REGION_ABSENT if geo[:2] in countries else COUNTRY_ABSENT
                rows.append((geo, year, reason))
    dropped = pd.DataFrame(rows, columns=["geo", "year", "reason"])
    counts = dropped["reason"].value_counts().to_dict()
    rows_in = len(regions) * len(years)
    return PanelReport(
        rows_in=rows_in,
        rows_kept=rows_in - len(dropped),
        rows_dropped={
            reason: int(counts.get(reason, 0)) for reason in (COUNTRY_ABSENT, REGION_ABSENT)
        },
        dropped=dropped,
        seconds=seconds,
        local_unit_cells_missing=local_unit_cells_missing,
        countries_by_year={year: len({geo[:2] for geo in matrices[year].index}) for year in years},
    )


def strength_from_matrices(
    matrices: dict[int, pd.DataFrame],
    local_units: dict[int, pd.DataFrame] | None = None,
    **rule,
) -> pd.DataFrame:
    """:func:`eucluster.measures.strength.measures` on each year's matrix, stacked into one
    frame indexed by (``geo``, ``year``). ``local_units`` (year -> counts) add the
    establishment-floor measure; a cell without a count (a region or division not published
    in the local-units table) gets zero establishments and so never passes the floor."""
    frames = []
    for year in sorted(matrices):
        matrix = matrices[year]
        establishments = None
        if local_units is not None:
            establishments = (
                local_units[year].reindex(index=matrix.index, columns=matrix.columns).fillna(0.0)
            )
        table = strength.measures(matrix, establishments=establishments, **rule)
        table["year"] = year
        frames.append(table.reset_index())
    return pd.concat(frames, ignore_index=True).set_index(["geo", "year"]).sort_index()


def validate_panel_years(years: Iterable[int]) -> tuple[int, ...]:
    """Years of the SBS file (2008-2015), checked with :mod:`eucluster.parameters`."""
    return parameters.years(list(years), "years", PANEL_YEARS[0], PANEL_YEARS[-1])


def annual_strength(
    *,
    measure: str | Sequence[str] | None = None,
    scope: str = "traded",
    suppressed: str = "bound",
    lq_threshold: float = 1.5,
    share_threshold: float = 0.01,
    star_lq: float = 2.0,
    benchmark_quantile: float = 0.75,
    establishment_floor: float | None = strength.DEFAULT_ESTABLISHMENT_FLOOR,
    years: Iterable[int] = range(2008, 2016),
    gini_threshold: float = DEFAULT_GINI_THRESHOLD,
) -> pd.DataFrame:
    """Cluster strength of every EU-27 NUTS 2 (2021) region in every SBS year it is published.

    One row per (``geo``, ``year``); one column per measure of
    :data:`eucluster.measures.strength.MEASURES` plus ``benchmark_floor_share`` (the CMP rule
    with the establishment floor at the ``establishment_floor`` percentile of local units,
    V11210; ``None`` leaves the column out), or only the ``measure`` column(s) asked for.
    ``scope="traded"`` counts traded divisions only (the default rule of
    :mod:`eucluster.measures.traded` with ``gini_threshold``, classified once on 2008-2010, so
    that the classification does not move with the year); ``"all"`` every division. The other
    arguments are those of :func:`eucluster.measures.strength.measures`.

    ``frame.attrs["report"]`` holds the :class:`PanelReport` (rows in, kept, dropped by
    reason, seconds): absent region-years are never filled.
    """
    started = time.perf_counter()
    years = validate_panel_years(years)
    scope = parameters.choice(scope, "scope", strength.SCOPES)
    suppressed = parameters.suppressed(suppressed)
    columns = _measure_columns(measure, establishment_floor)
    indicators = [sbs_employment.PERSONS_EMPLOYED]
    if establishment_floor is not None:
        establishment_floor = parameters.fraction(establishment_floor, "establishment_floor")
        indicators.append(sbs_employment.LOCAL_UNITS)
    loaded = sbs_employment.eu_regions_years(years, suppressed, tuple(indicators))
    matrices = {year: loaded[(sbs_employment.PERSONS_EMPLOYED, year)] for year in years}
    local_units, missing = None, 0
    if establishment_floor is not None:
        local_units = {year: loaded[(sbs_employment.LOCAL_UNITS, year)] for year in years}
        missing = sum(
            int(local_units[y].reindex(index=m.index, columns=m.columns).isna().to_numpy().sum())
            for y, m in matrices.items()
        )
    traded = traded_divisions(gini_threshold=gini_threshold) if scope == "traded" else None
    panel = strength_from_matrices(
        matrices,
        local_units,
        lq_threshold=lq_threshold,
        share_threshold=share_threshold,
        star_lq=star_lq,
        benchmark_quantile=benchmark_quantile,
        establishment_floor=(
            strength.DEFAULT_ESTABLISHMENT_FLOOR
            if establishment_floor is None
            else establishment_floor
        ),
        scope=scope,
        traded=traded,
    )[columns]
    panel.attrs["report"] = coverage(matrices, time.perf_counter() - started, missing)
    return panel


def _measure_columns(
    measure: str | Sequence[str] | None, establishment_floor: float | None
) -> list[str]:
    available = list(strength.MEASURES)
    if establishment_floor is not None:
        available += list(strength.FLOOR_MEASURES)
    if measure is None:
        return available
    wanted = [measure] if isinstance(measure, str) else list(measure)
    for name in wanted:
        parameters.choice(name, "measure", available)
    return wanted
