"""The specification curve: the strength coefficient re-estimated over a grid of defensible
choices (Simonsohn, Simmons & Nelson 2020).

One estimate is one of many a careful analyst could have made. The grid crosses the four
strength measures, each at three thresholds (:data:`THRESHOLD_GRID`, the middle value the
rule's own), the samples of :data:`eucluster.models.regression_data.SAMPLES`, country fixed
effects or not, and the baseline controls or none. :func:`strength_curve` estimates the whole
grid and returns the curve with the key figures the chapter states about it, so that the
counting rules (what "significant", "fixed-effect" and "pooled" mean) live beside the curve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster.key_figures import Figure, computed
from eucluster.measures import strength
from eucluster.models.estimation import ols
from eucluster.models.regression_data import BASE_CONTROLS, SAMPLES, select_sample

#: Threshold grids of the specification curve, per measure (the middle value is the rule's own).
THRESHOLD_GRID = {
    "node_share": ("lq_threshold", (1.25, 1.5, 2.0)),
    "node_count": ("lq_threshold", (1.25, 1.5, 2.0)),
    "star_share": ("star_lq", (1.5, 2.0, 2.5)),
    "benchmark_share": ("benchmark_quantile", (0.67, 0.75, 0.9)),
}

#: How the curve's chart names each threshold argument.
THRESHOLD_NAMES = {
    "lq_threshold": "node LQ",
    "star_lq": "star LQ",
    "benchmark_quantile": "CMP LQ percentile",
}

#: Control sets of the curve: none, or the chapter's baseline controls.
CONTROL_SETS = {"none": (), "baseline": BASE_CONTROLS}

#: p-values below this count as a clear sign in the curve's counts.
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class Specification:
    """One cell of the specification grid; ``data`` already holds the right sample and the
    strength column measured as this specification wants."""

    measure: str
    threshold: str
    sample: str
    controls: str
    fixed_effects: bool


def threshold_label(measure: str, value: float) -> str:
    """How the specification curve names the threshold of ``measure`` set to ``value``."""
    argument = THRESHOLD_GRID[measure][0]
    shown = f"{100 * value:g}" if argument == "benchmark_quantile" else f"{value:g}"
    return f"{THRESHOLD_NAMES[argument]} {shown}"


def main_choice(
    strength_measure: str,
    sample: str,
    *,
    lq_threshold: float,
    star_lq: float,
    benchmark_quantile: float,
) -> dict:
    """The choices of the chapter's main specification, in the curve's terms, so the chart can
    mark where the main estimate falls among the others."""
    thresholds = {
        "node_share": lq_threshold,
        "node_count": lq_threshold,
        "star_share": star_lq,
        "benchmark_share": benchmark_quantile,
    }
    return {
        "measure": strength_measure,
        "sample": sample,
        "controls": "baseline",
        "fixed_effects": True,
        "threshold": threshold_label(strength_measure, thresholds[strength_measure]),
    }


def specification_cases(
    frame: pd.DataFrame, jobs: pd.DataFrame
) -> Iterator[tuple[Specification, pd.DataFrame]]:
    """Yield ``(Specification, data)`` for every measure x threshold x sample x fixed effects x
    control set; ``data`` is ``frame`` with a ``strength`` column standardised over all
    regions of ``frame`` (so that one unit is one standard deviation in every sample)."""
    regions = frame.index
    for measure, (argument, values) in THRESHOLD_GRID.items():
        for value in values:
            table = strength.measures(jobs.loc[regions], **{argument: value})
            column = table[measure]
            standardised = (column - column.mean()) / column.std()
            data = frame.assign(strength=standardised)
            for sample in SAMPLES:
                subset = select_sample(data, sample)
                for fixed in (False, True):
                    for control in CONTROL_SETS:
                        spec = Specification(
                            measure=measure,
                            threshold=threshold_label(measure, value),
                            sample=sample,
                            controls=control,
                            fixed_effects=fixed,
                        )
                        yield spec, subset


def specification_curve(
    cases: Iterable[tuple[Specification, pd.DataFrame]],
    outcome: str,
    strength: str,
    controls: dict[str, Sequence[str]],
    *,
    country: str = "country",
) -> pd.DataFrame:
    """Estimate the ``strength`` coefficient for every specification and return one row each,
    sorted by the estimate, with its 95 % interval and the choices that produced it.

    A specification that cannot be estimated (too few regions in its sample, or a regressor
    without variation there) has no row: the curve's length says how many were estimated."""
    rows = []
    for spec, frame in cases:
        if spec.controls not in controls:
            raise KeyError(f"unknown control set {spec.controls!r}; known: {list(controls)}")
        try:
            fit = ols(
                frame,
                outcome,
                [strength, *controls[spec.controls]],
                fixed_effects=country if spec.fixed_effects else None,
            )
        except ValueError:
            continue
        coef, se, p = fit.estimate(strength)
        low, high = fit.conf_int(strength)
        rows.append(
            {
                **spec.__dict__,
                "coef": coef,
                "se": se,
                "pvalue": p,
                "low": low,
                "high": high,
                "nobs": fit.nobs,
            }
        )
    curve = pd.DataFrame(rows)
    if curve.empty:
        raise ValueError("no specification could be estimated")
    curve = curve.sort_values("coef", kind="mergesort").reset_index(drop=True)
    curve["rank"] = np.arange(1, len(curve) + 1)
    return curve


@dataclass(frozen=True)
class StrengthCurve:
    """The chapter's specification curve and the key figures it gives."""

    curve: pd.DataFrame
    figures: list[Figure] = field(repr=False)


def strength_curve(frame: pd.DataFrame, jobs: pd.DataFrame) -> StrengthCurve:
    """The curve of log GDP per head on strength over the whole grid, for the regions of
    ``frame`` (the analysis frame) with the employment matrix ``jobs``, and its figures."""
    curve = specification_curve(
        specification_cases(frame, jobs),
        outcome="log_gdp",
        strength="strength",
        controls={name: list(columns) for name, columns in CONTROL_SETS.items()},
    )
    return StrengthCurve(curve=curve, figures=curve_figures(curve))


def curve_figures(curve: pd.DataFrame) -> list[Figure]:
    """How many specifications there are, and how the within-country ones with controls (the
    ones comparable to the main model) split into clearly positive and negative estimates."""
    within = curve[curve["fixed_effects"] & curve["controls"].eq("baseline")]
    clear = within["pvalue"] < SIGNIFICANCE
    star = within["measure"].eq("star_share")
    pooled = curve.loc[~curve["fixed_effects"] & curve["controls"].eq("none"), "coef"]

    def count(figure_id: str, value, definition: str) -> Figure:
        return computed(
            f"regression.curve.{figure_id}",
            int(value),
            unit="specifications",
            definition=definition,
            fmt="{:d}",
        )

    return [
        count(
            "count",
            len(curve),
            "specifications in the curve (4 measures x 3 thresholds x 3 samples x "
            "fixed effects or not x controls or not)",
        ),
        count(
            "fe_count",
            len(within),
            "specifications with country fixed effects and the baseline controls",
        ),
        count(
            "fe_significant_positive",
            (clear & (within["coef"] > 0)).sum(),
            "of those, estimates positive with p < 0.05",
        ),
        count(
            "fe_significant_negative",
            (clear & (within["coef"] < 0)).sum(),
            "of those, estimates negative with p < 0.05",
        ),
        count(
            "fe_star_positive",
            (star & clear & (within["coef"] > 0)).sum(),
            "fixed-effect specifications with the star share, positive with p < 0.05",
        ),
        count("fe_star_count", star.sum(), "fixed-effect specifications with the star share"),
        computed(
            "regression.curve.fe_max",
            within["coef"].max(),
            unit="log points per SD",
            definition="largest estimate among the fixed-effect specifications with controls",
            fmt="{:.3f}",
        ),
        computed(
            "regression.curve.pooled_min",
            pooled.min(),
            unit="log points per SD",
            definition="most negative estimate among pooled specifications without controls",
            fmt="{:.3f}",
        ),
    ]
