"""The regression data set: one row per NUTS 2 (2021) region of the EU-27 with prosperity,
cluster strength and the controls a referee asks for.

Everything enters through the data door (:func:`eucluster.data.load`); this module only
selects, recodes and merges. Sources and their NUTS versions:

* **Prosperity**: GDP per head in PPS, ``nama_10r_2gdp`` (NUTS 2021, 2000-2023).
* **Cluster strength**: SBS persons employed by NACE division, ``sbs_r_nuts06_r2`` (NUTS 2013,
  2008-2015), averaged over the early years (2008-2010 by default), recoded to NUTS 2021.
* **Controls**: measured before or during the strength years, in
  :mod:`eucluster.models.regression_controls`; the share of employment in high-wage divisions
  from SBS wages (``V13320``) here.

NUTS recoding uses the JRC NUTS converter cross-walk with 2021 population weights: a count of
a region that was split is shared among its successors in proportion to their population, a
rate or index is the population-weighted mean of the pieces that form the new region
(:mod:`eucluster.geo.nuts`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from eucluster import parameters
from eucluster.data import derived
from eucluster.geo import weakness
from eucluster.geo.nuts import PULL_2026_VERSIONS, apportioned_regions, is_nuts2, recode
from eucluster.geo.regions import CAPITAL_REGIONS
from eucluster.key_figures import Figure, computed
from eucluster.measures import sbs_employment, strength, strength_panel
from eucluster.measures.traded import traded_divisions
from eucluster.models import regression_controls
from eucluster.models.prosperity_claims import design_claims

WAGES = "V13320"


@functools.lru_cache(maxsize=32)
def load(name: str) -> pd.DataFrame:
    """A tidy frame from the project's data door (kept in memory: callers must not modify
    it)."""
    from eucluster import data

    return data.load(name)


# --------------------------------------------------------------------------- employment


SBS_NUTS_VERSIONS = (2013, 2010, 2006)

#: Years of the SBS file (``sbs_r_nuts06_r2``) that strength can be averaged over.
SBS_YEARS = (2008, 2015)


#: Every SBS year: persons employed are recoded for all of them at once, because the panel
#: design needs them all and the recoding costs about the same for one year or eight.
ALL_SBS_YEARS = tuple(range(2008, 2016))


@functools.lru_cache(maxsize=8)
def annual_employment(
    years: tuple[int, ...] = ALL_SBS_YEARS,
    suppressed: str = "bound",
    indicator: str | None = None,
) -> dict:
    """EU-27 region x NACE division employment (or ``indicator``) of each of ``years`` in
    NUTS 2021 regions, keyed by year, unpublished cells filled as ``suppressed`` says:
    :func:`eucluster.measures.sbs_employment.eu_regions_years`, which recodes the years side by
    side. Cached: the cross-section and the panel share it; callers must not modify it."""
    indicator = indicator or sbs_employment.PERSONS_EMPLOYED
    matrices = sbs_employment.eu_regions_years(years, suppressed, (indicator,))
    return {year: matrix for (_, year), matrix in matrices.items()}


@functools.lru_cache(maxsize=8)
def employment(
    years: Sequence[int] = (2008, 2009, 2010),
    suppressed: str = "bound",
    indicator: str | None = None,
) -> pd.DataFrame:
    """EU-27 region x NACE division employment (or ``indicator``) in NUTS 2021 regions, the
    mean over the ``years`` in which each region is published (France first appears in 2010,
    Luxembourg in 2009), with unpublished cells filled as ``suppressed`` says. Cached: callers
    must not modify it."""
    batch = ALL_SBS_YEARS if indicator is None else tuple(int(year) for year in years)
    annual = annual_employment(batch, suppressed, indicator)
    matrices = [annual[int(year)] for year in years]
    stacked = pd.concat(matrices, keys=range(len(matrices))).fillna(0.0)
    average = stacked.groupby(level=1).mean()
    average.index.name, average.columns.name = "geo", "division"
    return average


#: Which divisions strength counts: the traded ones (default) or all of the business
#: economy (:data:`eucluster.measures.strength.SCOPES`).
SCOPES = {
    "traded": "traded divisions",
    "all": "all divisions of the business economy",
}


def strength_divisions(jobs: pd.DataFrame, scope: str) -> int:
    """How many divisions of ``jobs`` strength counts under ``scope``
    (:func:`eucluster.measures.traded.traded_divisions` under its default rule, as
    :func:`eucluster.measures.strength.measures` uses it)."""
    if parameters.choice(scope, "scope", SCOPES) == "all":
        return len(jobs.columns)
    return len(set(traded_divisions()) & set(jobs.columns))


def annual_strength(*, scope: str = "traded", suppressed: str = "bound", **rules) -> pd.DataFrame:
    """Every strength measure for every region and SBS year (rows ``geo, year``), each year's
    rules applied to that year's matrix: the panel's regressor.
    :func:`eucluster.measures.strength_panel.strength_from_matrices` on the cached matrices of
    :func:`annual_employment`, which the cross-section has already recoded (``annual_strength``
    of that module would recode them again). ``rules``: the thresholds of
    :func:`eucluster.measures.strength.measures`."""
    matrices = annual_employment(ALL_SBS_YEARS, suppressed)
    panel = strength_panel.strength_from_matrices(matrices, scope=scope, **rules)
    return panel.reset_index()


def high_wage_share(
    employment_matrix: pd.DataFrame, years: Sequence[int] = (2008, 2009, 2010), top: float = 1 / 3
) -> pd.Series:
    """Share of each region's employment in the top third of divisions by EU average wages and
    salaries per person employed (SBS ``V13320`` over ``V16110``, EU-27 regions, ``years``)."""
    wages = employment(tuple(years), suppressed="exclude", indicator=WAGES)
    persons = employment(tuple(years), suppressed="exclude")
    regions = wages.index.intersection(persons.index)
    columns = employment_matrix.columns.intersection(wages.columns)
    per_person = wages.loc[regions, columns].sum() / persons.loc[regions, columns].sum()
    per_person = per_person.replace([np.inf, -np.inf], np.nan).dropna()
    cutoff = per_person.quantile(1 - top)
    high = per_person.index[per_person >= cutoff]
    totals = employment_matrix.sum(axis=1)
    share = employment_matrix[high].sum(axis=1) / totals
    return share.rename("high_wage_share")


# --------------------------------------------------------------------------- outcomes


@derived.cached  # recoded year by year (seconds): the regression, explorer and curve share it
def gdp_per_head(unit: str = "pps") -> pd.DataFrame:
    """EU-27 NUTS 2 (2021) GDP per head, wide: regions x years. ``unit="pps"`` PPS per
    inhabitant; ``"eu27"`` % of the EU-27 average."""
    name = {"pps": "nama_10r_2gdp_pps_hab", "eu27": "nama_10r_2gdp_pps_hab_eu27"}[unit]
    gdp = load(name)
    gdp = gdp[is_nuts2(gdp["geo"])]
    wide = gdp.pivot_table(index="geo", columns="year", values="value", aggfunc="first")
    return pd.DataFrame(
        {
            year: recode(wide[year], PULL_2026_VERSIONS, policy="apportion", kind="rate").data
            for year in wide.columns
        }
    )


def eu_gdp_per_head() -> pd.Series:
    """EU-27 (2020 composition) GDP per head in PPS by year."""
    gdp = load("nama_10r_2gdp_pps_hab")
    return gdp[gdp["geo"] == "EU27_2020"].set_index("year")["value"]


def latest_full_year(wide: pd.DataFrame, regions: Sequence[str]) -> int:
    """The latest year in which every one of ``regions`` has a value."""
    table = wide.reindex(list(regions))
    complete = [int(y) for y in table.columns if table[y].notna().all()]
    if not complete:
        raise ValueError("no year has a value for every region")
    return max(complete)


# --------------------------------------------------------------------------- the data set


@derived.cached  # the regression, explorer and curve kernels share it (data.derived)
def analysis_frame(
    *,
    strength_years: Sequence[int] = (2008, 2009, 2010),
    growth_base_year: int = 2009,
    outcome_window: int = 5,
    suppressed: str = "bound",
    scope: str = "traded",
    lq_threshold: float = 1.5,
    share_threshold: float = 0.01,
    star_lq: float = 2.0,
    benchmark_quantile: float = 0.75,
) -> tuple[pd.DataFrame, dict]:
    """One row per EU-27 NUTS 2 (2021) region with SBS employment: outcomes, strength measures
    (raw and standardised, suffix ``_z``), controls, country, capital and weak flags.

    Returns the frame and a dict of the choices it made (``outcome_year`` = the latest year
    with GDP for every region, the averaging window, the countries whose SBS employment starts
    after the first strength year, the rules' thresholds, ...).
    """
    gdp = gdp_per_head("pps")
    jobs = employment(tuple(strength_years), suppressed)
    jobs = jobs.loc[jobs.index.intersection(gdp.index)]
    measures = strength.measures(
        jobs,
        scope=scope,
        lq_threshold=lq_threshold,
        share_threshold=share_threshold,
        star_lq=star_lq,
        benchmark_quantile=benchmark_quantile,
    )
    regions = measures.index
    outcome_year = latest_full_year(gdp, regions)
    window = [y for y in gdp.columns if outcome_year - outcome_window < y <= outcome_year]
    frame = pd.DataFrame(index=pd.Index(regions, name="geo"))
    frame["country"] = frame.index.str.slice(0, 2)
    frame["log_gdp"] = np.log(gdp.loc[regions, outcome_year])
    frame["log_gdp_avg"] = np.log(gdp.loc[regions, window]).mean(axis=1)
    eu = eu_gdp_per_head()
    frame["growth"] = np.log(gdp.loc[regions, outcome_year] / eu[outcome_year]) - np.log(
        gdp.loc[regions, growth_base_year] / eu[growth_base_year]
    )
    frame["log_gdp_base"] = np.log(gdp.loc[regions, growth_base_year])
    frame = frame.join(measures)
    for name in strength.MEASURES:
        values = frame[name]
        frame[f"{name}_z"] = (values - values.mean()) / values.std()
    frame = frame.join(regression_controls.controls(frame.index))
    frame["high_wage_share"] = high_wage_share(jobs, strength_years).reindex(frame.index)
    frame["capital"] = frame.index.isin(list(CAPITAL_REGIONS.values()))
    sbs = load("sbs_r_nuts06_r2")
    published = sbs.loc[
        sbs["year"].isin(list(strength_years)) & sbs["value"].notna() & is_nuts2(sbs["geo"]),
        "geo",
    ].unique()
    frame["apportioned"] = frame.index.isin(sorted(apportioned_regions(published)))
    persons = sbs[
        sbs["indic_sb"].eq(sbs_employment.PERSONS_EMPLOYED)
        & sbs["year"].isin(list(strength_years))
        & sbs["value"].notna()
        & is_nuts2(sbs["geo"])
    ]
    first_years = persons.groupby(persons["geo"].str.slice(0, 2))["year"].min()
    weak = weakness.classify()["weak"]
    frame["weak"] = weak.reindex(frame.index).fillna(False).astype(bool)
    frame["weak_int"] = frame["weak"].astype(float)
    choices = {
        "outcome_year": int(outcome_year),
        "outcome_window": (int(min(window)), int(max(window))),
        "growth_base_year": int(growth_base_year),
        "strength_years": tuple(int(y) for y in strength_years),
        "suppressed": suppressed,
        "scope": scope,
        "strength_divisions": strength_divisions(jobs, scope),
        "all_divisions": len(jobs.columns),
        "regions_with_strength": int(len(measures)),
        "late_countries": {
            str(country): int(year)
            for country, year in first_years.items()
            if year > min(strength_years)
        },
        "lq_threshold": lq_threshold,
        "share_threshold": share_threshold,
        "star_lq": star_lq,
        "benchmark_quantile": benchmark_quantile,
    }
    return frame, choices


#: Baseline controls: human capital, agglomeration, innovation and sector mix, all measured
#: before or during the strength years (:mod:`eucluster.models.regression_controls`).
BASE_CONTROLS = ("tertiary_2008", "log_density_2008", "log_patents", "high_wage_share")

#: The chapter's main specification (arguments of :func:`eucluster.models.estimation.ols`): log GDP
#: per head in the latest full year on the standardised node employment share of 2008-2010,
#: the baseline controls and country fixed effects, errors clustered by country.
MAIN_SPECIFICATION = {
    "outcome": "log_gdp",
    "regressors": ["node_share_z", *BASE_CONTROLS],
    "fixed_effects": "country",
    "label": "Main",
}


# --------------------------------------------------------------------------- chapter parameters

SAMPLES = {
    "eu27": "EU-27 regions",
    "no_capitals": "EU-27 without capital regions",
    "weak": "weak regions only",
}

#: Nearest neighbours a region may have in the spatial weights: at least one, and few enough
#: that the neighbours stay near (20 reaches across most countries).
NEIGHBOUR_RANGE = (1, 20)

#: The node rule's share threshold stays below 20 %: above it hardly any cell is a node.
MAX_SHARE_THRESHOLD = 0.2

#: The benchmark percentile starts at the median: below it "strong" would mean ordinary.
MIN_BENCHMARK_QUANTILE = 0.5


def validate_parameters(
    *,
    strength_measure: str,
    lq_threshold: float,
    share_threshold: float,
    star_lq: float,
    benchmark_quantile: float,
    strength_years: Sequence[int],
    sample: str,
    seed: int,
    k_neighbours: int,
    suppressed: str,
    scope: str = "traded",
) -> None:
    """Refuse chapter parameters that the computation cannot honour, saying what is allowed.

    Each rule is the project's one validator in :mod:`eucluster.parameters`; the problems are
    collected and reported together, so a reviewer who re-runs the chapter with several bad
    values fixes them in one go instead of one failed run each.
    """
    checks = [
        lambda: parameters.choice(strength_measure, "strength_measure", strength.MEASURES),
        lambda: parameters.lq_threshold(lq_threshold),
        lambda: parameters.fraction(share_threshold, "share_threshold", high=MAX_SHARE_THRESHOLD),
        lambda: parameters.lq_threshold(star_lq, "star_lq"),
        lambda: benchmark_percentile(benchmark_quantile),
        lambda: parameters.years(strength_years, "strength_years", *SBS_YEARS),
        lambda: parameters.choice(sample, "sample", SAMPLES),
        lambda: parameters.integer(seed, "seed", 0, 2**32 - 1),
        lambda: parameters.integer(k_neighbours, "k_neighbours", *NEIGHBOUR_RANGE),
        lambda: parameters.suppressed(suppressed),
        lambda: parameters.choice(scope, "scope", SCOPES),
    ]
    parameters.check_all(checks)


def benchmark_percentile(value: object, name: str = "benchmark_quantile") -> float:
    """The US Cluster Mapping percentile of location quotients: a fraction (the project's
    rule) at or above :data:`MIN_BENCHMARK_QUANTILE`."""
    value = parameters.fraction(value, name)
    if value < MIN_BENCHMARK_QUANTILE:
        raise ValueError(
            f"{name} must be at least {MIN_BENCHMARK_QUANTILE:g} (a percentile below the "
            f"median does not mark strength), got {value:g}"
        )
    return value


def select_sample(frame: pd.DataFrame, sample: str) -> pd.DataFrame:
    """The rows of ``frame`` in ``sample`` (a key of :data:`SAMPLES`)."""
    if sample == "eu27":
        return frame
    if sample == "no_capitals":
        return frame[~frame["capital"]]
    if sample == "weak":
        return frame[frame["weak"]]
    raise ValueError(f"sample must be one of {list(SAMPLES)}, got {sample!r}")


# --------------------------------------------------------------------------- key figures


def sample_figures(
    full: pd.DataFrame, frame: pd.DataFrame, choices: dict, strength_measure: str
) -> list[Figure]:
    """What the chapter says about its data: the sample ``frame`` (drawn from ``full``, the
    analysis frame of all regions), the outcome year and window ``choices`` made, the strength
    years, and the spread of the strength measure that one standard deviation stands for."""
    years = choices["strength_years"]
    return [
        computed(
            "regression.sample.regions",
            len(frame),
            unit="NUTS 2 regions",
            definition="EU-27 NUTS 2 (2021) regions with SBS employment in the strength years "
            "and GDP per head in the outcome year, in the chosen sample",
            fmt="{:d}",
        ),
        computed(
            "regression.sample.countries",
            frame["country"].nunique(),
            unit="countries",
            definition="countries of the regions in the sample",
            fmt="{:d}",
        ),
        computed(
            "regression.sample.weak",
            int(frame["weak"].sum()),
            unit="regions",
            definition="weak regions (GDP per head in PPS below 75 % of the EU-27 average, "
            "2015-2017)",
            fmt="{:d}",
        ),
        computed(
            "regression.outcome.year",
            str(choices["outcome_year"]),
            unit="year",
            definition="latest year with GDP per head for every region in the sample",
        ),
        computed(
            "regression.outcome.window_start",
            str(choices["outcome_window"][0]),
            unit="year",
            definition="first year of the five-year outcome average",
        ),
        computed(
            "regression.strength.first_year",
            str(min(years)),
            unit="year",
            definition="first year of SBS employment averaged into cluster strength",
        ),
        computed(
            "regression.strength.last_year",
            str(max(years)),
            unit="year",
            definition="last year of SBS employment averaged into cluster strength",
        ),
        computed(
            "regression.strength.scope_name",
            f"the {choices['strength_divisions']} {SCOPES[choices['scope']]}"
            if choices["scope"] == "traded"
            else f"all {choices['strength_divisions']} divisions of the business economy",
            unit="",
            definition="the divisions strength counts (parameter scope)",
        ),
        *spread_figures(full, strength_measure),
        *design_claims(full, choices, strength_measure),
    ]


def spread_figures(full: pd.DataFrame, strength_measure: str) -> list[Figure]:
    """The standard deviation of a share measure in percentage points (a count has its own
    unit, which :func:`~eucluster.models.prosperity_claims.design_claims` states)."""
    if strength_measure == "node_count":
        return []
    return [
        computed(
            "regression.strength.sd_pp",
            100 * full[strength_measure].std(),
            unit="percentage points",
            definition="standard deviation of the strength measure (share x 100) over all regions",
        )
    ]
