"""The choices of the specification curve, each a dimension of its table, and the data they
need.

A careful analyst of "are regions with strong clusters more prosperous?" must choose, and
could defensibly choose otherwise:

* **measure** of strength (:data:`eucluster.measures.strength.MEASURES` and the Cluster
  Mapping rule with its establishment floor), each at its
  **threshold** (a lower value, the rule's own, a higher value: :data:`THRESHOLD_GRID`);
* the **scope** of divisions counted (:data:`SCOPES`);
* what an unpublished SBS cell holds (**suppressed**: its upper bound or nothing);
* the **sample** (:data:`SAMPLES`), the **controls** (:data:`CONTROL_SETS`) and country
  **fixed effects** or none;
* the **design** (:data:`DESIGNS`: prosperity today, or growth since 2015 or 2008 conditional
  on the starting level) and the **outcome** (:data:`OUTCOMES`: the latest year or the mean
  of the last five).

:func:`curve_data` measures every strength column once (they vary with measure, scope,
threshold and suppression) and assembles one frame with every outcome and control; the
estimation (:mod:`eucluster.models.joint_curve`) then crosses them with the rest.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import parameters
from eucluster.measures import sbs_employment, strength
from eucluster.models import regression_data

#: Threshold grids per measure: the argument of ``strength.measures`` and a lower value, the
#: rule's own and a higher value.
THRESHOLD_GRID = {
    "node_share": ("lq_threshold", (1.25, 1.5, 2.0)),
    "node_count": ("lq_threshold", (1.25, 1.5, 2.0)),
    "star_share": ("star_lq", (1.5, 2.0, 2.5)),
    "benchmark_share": ("benchmark_quantile", (0.67, 0.75, 0.9)),
}
#: Position of a threshold on its rule's grid: below, at and above the rule's own value.
THRESHOLD_LEVELS = ("lower", "rule's own", "higher")

#: Which divisions strength counts: all of the business economy, or only the traded ones
#: (:func:`eucluster.measures.traded.traded_divisions`), whose employment concentrates
#: instead of following the population.
SCOPES = {"all": "all business-economy divisions", "traded": "traded divisions only"}

#: Null draws the joint test may use: enough for a p-value near 0.05 to be read, few enough to
#: run within the build.
DRAW_RANGE = (99, 5000)

#: What an unpublished SBS cell holds (:func:`eucluster.measures.sbs_employment.fill_suppressed`).
SUPPRESSED = ("bound", "exclude")

#: Samples of the curve.
SAMPLES = {
    "eu27": "all EU-27 regions",
    "no_capitals": "without capital regions",
    "no_apportioned": "without regions whose early employment was apportioned",
}

#: Control sets: none; the regression chapter's main controls, measured at or before the
#: strength years (tertiary attainment and density in 2008, patents 2008-2010, the high-wage
#: share of 2008-2010 employment); and the controls the chapter used before, measured later
#: (tertiary attainment 2013-2015, density 2019) and so possibly channels of strength.
CONTROL_SETS = {
    "none": (),
    "pre-period": tuple(regression_data.BASE_CONTROLS),
    "later": ("tertiary", "log_density", "high_wage_share"),
}

#: Designs: the level of prosperity, or its growth from a base year conditional on the level
#: then (conditional convergence; the starting level is a regressor in every growth model).
DESIGNS = {"level": None, "growth 2015": 2015, "growth 2008": 2008}

#: Outcomes: log GDP per head in the latest year, or its mean over the last five years.
OUTCOMES = ("latest year", "5-year mean")

#: The dimensions as the curve's table names its columns, in the order the chart lists them.
DIMENSIONS = (
    "measure",
    "scope",
    "threshold",
    "suppressed",
    "sample",
    "controls",
    "fixed_effects",
    "design",
    "outcome",
)


@dataclass(frozen=True)
class CurveData:
    """Everything the curve estimates on: ``frame`` (one row per region: country, sample
    flags, every outcome and control, see :func:`outcome_column`), ``strength`` (one column
    per measure x scope x threshold x suppression, standardised over all regions) and
    ``strength_choices`` (one row per strength column: its measure, scope, threshold and
    suppression), plus ``dropped``: regions without strength under some treatment of
    unpublished cells, named rather than dropped silently."""

    frame: pd.DataFrame
    strength: pd.DataFrame
    strength_choices: pd.DataFrame
    dropped: tuple[str, ...]

    @property
    def grid_size(self) -> int:
        """Specifications of the full grid, estimated or not."""
        blocks = len(SAMPLES) * len(CONTROL_SETS) * 2 * len(DESIGNS) * len(OUTCOMES)
        return blocks * len(self.strength_choices)


def validate_parameters(
    *, draws: int, seed: int, alpha: float, strength_years: Sequence[int]
) -> None:
    """Refuse chapter parameters the curve cannot honour, all problems at once, each with the
    project's one validator of its rule (:mod:`eucluster.parameters`)."""
    checks = [
        lambda: parameters.integer(draws, "draws", *DRAW_RANGE),
        lambda: parameters.integer(seed, "seed", 0, 2**32 - 1),
        lambda: significance_level(alpha),
        lambda: parameters.years(strength_years, "strength_years", *regression_data.SBS_YEARS),
    ]
    parameters.check_all(checks)


def significance_level(value: object, name: str = "alpha") -> float:
    """A significance level: a fraction above 0 and at most 0.5."""
    value = parameters.fraction(value, name, high=0.5)
    if value == 0:
        raise ValueError(f"{name} must be above 0 (0.05 = 5 %), got 0")
    return value


def outcome_column(design: str, outcome: str) -> str:
    """The frame column holding ``outcome`` under ``design``."""
    return f"y|{design}|{outcome}"


def base_column(design: str) -> str | None:
    """The starting level a growth design conditions on (None for the level design)."""
    year = DESIGNS[design]
    return None if year is None else f"log_gdp_{year}"


def in_sample(frame: pd.DataFrame, sample: str) -> np.ndarray:
    """Rows of ``frame`` in ``sample`` (a key of :data:`SAMPLES`)."""
    if sample == "eu27":
        return np.ones(len(frame), dtype=bool)
    if sample == "no_capitals":
        return ~frame["capital"].to_numpy(dtype=bool)
    if sample == "no_apportioned":
        return ~frame["apportioned"].to_numpy(dtype=bool)
    raise ValueError(f"sample must be one of {list(SAMPLES)}, got {sample!r}")


def outcome_frame(full: pd.DataFrame, gdp: pd.DataFrame, outcome_year: int) -> pd.DataFrame:
    """Every outcome of every design for the regions of ``full`` (the analysis frame), from
    ``gdp`` (regions x years, GDP per head in PPS): log levels, and growth as the log change
    from the base year, with the base year's log level beside it."""
    logs = np.log(gdp.reindex(full.index))
    window = [year for year in logs.columns if outcome_year - 5 < year <= outcome_year]
    end = {"latest year": logs[outcome_year], "5-year mean": logs[window].mean(axis=1)}
    columns = {}
    for design, year in DESIGNS.items():
        if year is not None:
            columns[base_column(design)] = logs[year]
        for outcome, values in end.items():
            columns[outcome_column(design, outcome)] = values - (0 if year is None else logs[year])
    return pd.DataFrame(columns, index=full.index)


def strength_table(
    jobs: pd.DataFrame, units: pd.DataFrame, traded: Sequence[str] | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All strength columns of one employment matrix ``jobs`` with its local units ``units``
    (one treatment of unpublished cells): every measure, with the Cluster Mapping rule's
    establishment floor as a fifth (:data:`eucluster.measures.strength.FLOOR_MEASURES`), at
    every threshold level, over all divisions and, when ``traded`` is given, over the traded
    ones (:func:`eucluster.measures.strength.measures`, shares of all the region's jobs),
    standardised over the matrix's regions; and their choices."""
    scopes = ["all", *(["traded"] if traded is not None else [])]
    columns, choices = {}, []
    for scope in scopes:
        for position, level in enumerate(THRESHOLD_LEVELS):
            arguments = {argument: grid[position] for argument, grid in THRESHOLD_GRID.values()}
            table = strength.measures(
                jobs, establishments=units, scope=scope, traded=traded, **arguments
            )
            for measure in table.columns:
                values = table[measure]
                name = f"{measure}|{scope}|{level}"
                columns[name] = (values - values.mean()) / values.std()
                choices.append(
                    {"column": name, "measure": measure, "scope": scope, "threshold": level}
                )
    return pd.DataFrame(columns), pd.DataFrame(choices)


def curve_data(
    full: pd.DataFrame, strength_years: Sequence[int], traded: Sequence[str] | None = None
) -> CurveData:
    """The curve's data for the regions of ``full`` (the regression chapter's analysis frame,
    which supplies country, capital and apportioned flags and the controls), with strength
    measured on the SBS employment and local units of ``strength_years``, over all divisions
    and over the ``traded`` ones (when given)."""
    gdp = regression_data.gdp_per_head("pps")
    outcome_year = regression_data.latest_full_year(gdp, full.index)
    controls = list(dict.fromkeys(itertools.chain(*CONTROL_SETS.values())))
    frame = full[["country", "capital", "apportioned", *controls]].copy()
    frame = frame.join(outcome_frame(full, gdp, outcome_year))
    tables, choices = [], []
    for suppressed in SUPPRESSED:
        jobs = regression_data.employment(tuple(strength_years), suppressed)
        jobs = jobs.loc[jobs.index.intersection(frame.index)]
        units = regression_data.employment(
            tuple(strength_years), suppressed, indicator=sbs_employment.LOCAL_UNITS
        ).reindex(index=jobs.index, columns=jobs.columns)
        table, chosen = strength_table(jobs, units.fillna(0.0), traded)
        tables.append(table.add_suffix(f"|{suppressed}"))
        chosen["column"] += f"|{suppressed}"
        choices.append(chosen.assign(suppressed=suppressed))
    strength_columns = pd.concat(tables, axis=1).reindex(frame.index)
    dropped = tuple(strength_columns.index[strength_columns.isna().any(axis=1)])
    keep = ~frame.index.isin(dropped)
    return CurveData(
        frame=frame[keep],
        strength=strength_columns[keep],
        strength_choices=pd.concat(choices, ignore_index=True),
        dropped=dropped,
    )
