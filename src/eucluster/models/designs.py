"""Four designs for one question: does cluster strength go with regional prosperity?

A cross-section of levels (:mod:`eucluster.models.prosperity`) cannot tell "strength makes
regions prosperous" from "prosperous regions host strong clusters", because both are
persistent. The designs here use the annual SBS years (2008-2015) instead:

* **panel**: log GDP per head in year ``t`` on strength in ``t - 1`` with region and
  country-by-year fixed effects (``pyfixest``): only a region's changes relative to its own
  average and to its country's regions that year identify the coefficient;
* **long differences**: the change of strength between the first and the last three SBS
  years against the change of log GDP per head one year later, country fixed effects;
* **growth** (conditional convergence): growth of GDP per head 2015-2023 (and 2008-2023) on
  initial strength and initial log GDP per head, country fixed effects.

Every design is standardised by the same unit (the cross-sectional standard deviation of the
measure in the first strength years), clustered by country and bootstrapped
(:func:`eucluster.models.inference.wild_cluster`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster.models.inference import REPS, wild_cluster

#: The windows of the long difference (strength) and the growth designs.
FIRST_WINDOW = (2008, 2009, 2010)
LAST_WINDOW = (2013, 2014, 2015)
GROWTH_PERIODS = {"growth": (2015, 2023), "growth_long": (2008, 2023)}

LABELS = {
    "main": "Cross-section (levels)",
    "panel": "Panel, region and country-year FE",
    "long_difference": "Long difference",
    "growth": "Growth 2015-2023",
    "growth_long": "Growth 2008-2023",
}


@dataclass(frozen=True)
class DesignEstimate:
    """The strength coefficient of one design on one sample."""

    design: str
    coef: float
    se: float
    wild_p: float
    wild_low: float
    wild_high: float
    observations: int
    regions: pd.Index = field(repr=False)
    complete: pd.Index = field(repr=False)

    @property
    def countries(self) -> int:
        return int(pd.Index(self.regions.str.slice(0, 2)).nunique())


def log_gdp_long(gdp: pd.DataFrame) -> pd.DataFrame:
    """Log GDP per head as ``geo, year, log_gdp`` rows."""
    long = np.log(gdp).stack().rename("log_gdp").reset_index()
    long.columns = ["geo", "year", "log_gdp"]
    long["year"] = long["year"].astype(int)
    return long


def drop_singletons(frame: pd.DataFrame, effects: Sequence[str]) -> pd.DataFrame:
    """Drop, repeatedly, rows that are alone in a level of one of ``effects``: a fixed effect
    fits them exactly and they say nothing about the slope (as ``pyfixest`` does)."""
    while True:
        alone = np.zeros(len(frame), dtype=bool)
        for effect in effects:
            alone |= frame.groupby(effect)[effect].transform("size").to_numpy() == 1
        if not alone.any():
            return frame
        frame = frame[~alone]


def fit_fixed_effects(
    data: pd.DataFrame,
    outcome: str,
    regressors: Sequence[str],
    effects: Sequence[str],
    *,
    design: str,
    seed: int,
    reps: int = REPS,
) -> DesignEstimate:
    """``outcome`` on ``regressors`` (the first is strength) with the fixed ``effects``,
    CRV1 errors by country (``pyfixest.feols``) and the wild cluster bootstrap p-value and
    95 % interval."""
    import pyfixest as pf

    complete = data.dropna(subset=[outcome, *regressors]).copy()
    complete["country"] = complete["geo"].str.slice(0, 2)
    used = drop_singletons(complete, effects)
    names = {name: f"v{position}" for position, name in enumerate([outcome, *regressors])}
    frame = used.rename(columns=names)
    for effect in effects:
        frame[effect] = pd.factorize(used[effect])[0]
    frame["cluster_id"] = pd.factorize(used["country"])[0]
    formula = (
        f"{names[outcome]} ~ "
        + " + ".join(names[name] for name in regressors)
        + (" | " + " + ".join(effects) if effects else "")
    )
    with warnings.catch_warnings():  # pyfixest's own pandas deprecations, not ours
        warnings.simplefilter("ignore", DeprecationWarning)
        fit = pf.feols(formula, data=frame, vcov={"CRV1": "cluster_id"})
    strength = names[regressors[0]]
    wild = wild_cluster(
        used, outcome, regressors, param=regressors[0], effects=effects, reps=reps, seed=seed
    )
    return DesignEstimate(
        design=design,
        coef=float(fit.coef()[strength]),
        se=float(fit.se()[strength]),
        wild_p=wild.pvalue,
        wild_low=wild.low,
        wild_high=wild.high,
        observations=len(used),
        regions=pd.Index(used["geo"].unique(), name="geo"),
        complete=pd.Index(complete["geo"].unique(), name="geo"),
    )


def panel_frame(annual: pd.DataFrame, gdp: pd.DataFrame, measure: str, scale: float):
    """Region-years: log GDP per head in ``t`` with ``measure`` in ``t - 1`` (``annual``:
    ``geo, year`` and the measures), strength divided by ``scale``."""
    lagged = annual[["geo", "year", measure]].assign(year=annual["year"] + 1)
    frame = lagged.merge(log_gdp_long(gdp), on=["geo", "year"])
    frame["strength"] = frame[measure] / scale
    frame["country"] = frame["geo"].str.slice(0, 2)
    frame["country_year"] = frame["country"] + frame["year"].astype(str)
    return frame


def window_mean(annual: pd.DataFrame, measure: str, years: Sequence[int]) -> pd.Series:
    """Mean of ``measure`` by region over the ``years`` it is published in (France has only
    2010 of 2008-2010, Croatia only 2014-2015 of 2013-2015)."""
    rows = annual[annual["year"].isin(list(years))]
    return rows.groupby("geo")[measure].mean()


def long_difference_frame(annual, gdp, measure: str, scale: float) -> pd.DataFrame:
    """Change of strength (last minus first window) and of mean log GDP per head over the
    windows one year later, one row per region with both."""
    later = {window: tuple(year + 1 for year in window) for window in (FIRST_WINDOW, LAST_WINDOW)}
    log_gdp = np.log(gdp)
    frame = pd.DataFrame(
        {
            "strength": (
                window_mean(annual, measure, LAST_WINDOW)
                - window_mean(annual, measure, FIRST_WINDOW)
            )
            / scale,
            "growth": log_gdp[list(later[LAST_WINDOW])].mean(axis=1)
            - log_gdp[list(later[FIRST_WINDOW])].mean(axis=1),
        }
    )
    return frame.dropna().rename_axis("geo").reset_index()


def growth_frame(annual, gdp, measure: str, scale: float, period: tuple[int, int]):
    """Growth of log GDP per head over ``period`` with strength averaged over the SBS window
    at its start (2008-2010 or 2013-2015) and log GDP per head in its first year."""
    start, end = period
    window = FIRST_WINDOW if start <= max(FIRST_WINDOW) else LAST_WINDOW
    log_gdp = np.log(gdp)
    frame = pd.DataFrame(
        {
            "strength": window_mean(annual, measure, window) / scale,
            "growth": log_gdp[end] - log_gdp[start],
            "log_gdp_start": log_gdp[start],
        }
    )
    return frame.dropna().rename_axis("geo").reset_index()


@dataclass(frozen=True)
class Designs:
    """Each design's estimate on its largest sample and on the regions all designs share."""

    largest: dict[str, DesignEstimate]
    common: dict[str, DesignEstimate]
    common_regions: pd.Index = field(repr=False)
    frames: dict[str, pd.DataFrame] = field(repr=False)


def estimate_designs(
    annual: pd.DataFrame,
    gdp: pd.DataFrame,
    main_data: pd.DataFrame,
    controls: Sequence[str],
    *,
    measure: str,
    scale: float,
    seed: int = 0,
) -> Designs:
    """The four designs for ``measure`` (``annual``: strength by region and SBS year; ``gdp``:
    GDP per head, regions x years; ``main_data``: the cross-section's rows, ``strength`` and
    ``controls`` columns, country fixed effects), each on its largest sample and on the
    regions that every design can use."""
    frames = {
        "main": main_data.rename_axis("geo").reset_index(),
        "panel": panel_frame(annual, gdp, measure, scale),
        "long_difference": long_difference_frame(annual, gdp, measure, scale),
        **{
            key: growth_frame(annual, gdp, measure, scale, period)
            for key, period in GROWTH_PERIODS.items()
        },
    }
    for frame in frames.values():
        frame["country"] = frame["geo"].str.slice(0, 2)
    specifications = {
        "main": ("log_gdp", ["strength", *controls], ["country"]),
        "panel": ("log_gdp", ["strength"], ["geo", "country_year"]),
        "long_difference": ("growth", ["strength"], ["country"]),
        "growth": ("growth", ["strength", "log_gdp_start"], ["country"]),
        "growth_long": ("growth", ["strength", "log_gdp_start"], ["country"]),
    }

    def run(key: str, regions=None) -> DesignEstimate:
        frame = frames[key] if regions is None else frames[key][frames[key]["geo"].isin(regions)]
        outcome, regressors, effects = specifications[key]
        return fit_fixed_effects(frame, outcome, regressors, effects, design=key, seed=seed)

    largest = {key: run(key) for key in specifications}
    common = largest["main"].regions
    for estimate in largest.values():
        common = common.intersection(estimate.regions)
    return Designs(
        largest=largest,
        common={key: run(key, common) for key in specifications},
        common_regions=common,
        frames=frames,
    )


def interval_text(low: float, high: float) -> str:
    """An interval as the tables print it, ``[-0.004, 0.008]``."""
    return f"[{low:.3f}, {high:.3f}]"


#: Relative column widths of :func:`design_table` in the PDF (the interval on one line).
TABLE_WIDTHS = (18, 11, 17, 7, 17, 8, 10)


def design_table(designs: Designs) -> pd.DataFrame:
    """One row per design and sample (its largest, the common one): coefficient (standard
    error), wild bootstrap p-value and 95 % interval, regions and observations."""
    rows = []
    for key, label in LABELS.items():
        for sample, estimates in (("largest", designs.largest), ("common", designs.common)):
            estimate = estimates[key]
            rows.append(
                {
                    "Design": label if sample == "largest" else "",
                    "Sample": sample,
                    "Coefficient (SE)": f"{estimate.coef:.3f} ({estimate.se:.3f})",
                    "Wild p": f"{estimate.wild_p:.3f}",
                    "Wild 95 % interval": interval_text(estimate.wild_low, estimate.wild_high),
                    "Regions": len(estimate.regions),
                    "Observations": estimate.observations,
                }
            )
    return pd.DataFrame(rows)


#: Why a design lacks data for a region (the regions' counts are computed).
MISSING_REASONS = {
    "main": "no strength in the first SBS years (Croatia) or a missing control (patents, density)",
    "panel": "no two consecutive years with GDP and lagged strength",
    "long_difference": "no strength in one of the two windows (Croatia before 2014)",
    "growth": "no strength in 2013-2015 or no GDP in 2015 or 2023",
    "growth_long": "no strength in 2008-2010 (Croatia) or no GDP in 2008 or 2023",
}


def sample_table(designs: Designs) -> pd.DataFrame:
    """What each design uses of the regions that have GDP and strength in some SBS year, and
    why it leaves the others out: no data for its variables, or alone in a fixed effect
    (a single-region country, a region with one year), which fits it exactly."""
    universe = pd.Index([])
    for estimate in designs.largest.values():
        universe = universe.union(estimate.complete)
    rows = []
    for key, label in LABELS.items():
        estimate = designs.largest[key]
        rows.append(
            {
                "Design": label,
                "Regions used": len(estimate.regions),
                "Observations": estimate.observations,
                "No data": len(universe.difference(estimate.complete)),
                "Alone in a fixed effect": len(estimate.complete.difference(estimate.regions)),
                "Why no data": MISSING_REASONS[key],
            }
        )
    return pd.DataFrame(rows)


#: Short names of the designs for chart axes.
SHORT_LABELS = {
    "main": "Levels",
    "panel": "Panel",
    "long_difference": "Long difference",
    "growth": "Growth 2015-23",
    "growth_long": "Growth 2008-23",
}


#: The two 95 % intervals of each design's coefficient, as the chart's legend names them.
INTERVALS = ("clustered SE", "wild bootstrap")


def design_coefficients(designs: Designs) -> pd.DataFrame:
    """Two rows per design and sample (largest, common): the coefficient with its 95 %
    interval from the clustered standard error (normal) and from the wild cluster bootstrap
    (:func:`eucluster.report.design_charts.interval_chart`'s input)."""
    rows = []
    for sample, estimates in (("largest", designs.largest), ("common", designs.common)):
        for key, label in SHORT_LABELS.items():
            estimate = estimates[key]
            bounds = (
                (estimate.coef - 1.96 * estimate.se, estimate.coef + 1.96 * estimate.se),
                (estimate.wild_low, estimate.wild_high),
            )
            for interval, (low, high) in zip(INTERVALS, bounds, strict=True):
                rows.append(
                    {
                        "model": f"{label} ({sample})",
                        "interval": interval,
                        "coef": estimate.coef,
                        "low": low,
                        "high": high,
                    }
                )
    return pd.DataFrame(rows)
