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

from eucluster.key_figures import Claim, Figure, claim, computed
from eucluster.measures import strength
from eucluster.models.estimation import ols
from eucluster.models.regression_data import BASE_CONTROLS, SAMPLES, select_sample
from eucluster.models.verdicts import LEVEL

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

#: p-values below this count as a clear sign in the curve's counts (the chapter's one level).
SIGNIFICANCE = LEVEL

#: The grid's size: measures x thresholds x samples x fixed effects or not x control sets.
GRID_SIZE = (
    sum(len(values) for _, values in THRESHOLD_GRID.values()) * len(SAMPLES) * 2 * len(CONTROL_SETS)
)


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
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Estimate the ``strength`` coefficient for every specification; return the curve, one
    row each sorted by the estimate with its 95 % interval and the choices that produced it,
    and the specifications that could not be estimated (too few regions in their sample, or a
    regressor without variation there), one row each with the reason, so that the chapter
    counts them instead of dropping them silently."""
    rows, skipped = [], []
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
        except ValueError as reason:
            skipped.append({**spec.__dict__, "reason": str(reason)})
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
    skipped_frame = pd.DataFrame(skipped, columns=[*Specification.__dataclass_fields__, "reason"])
    return curve, skipped_frame


@dataclass(frozen=True)
class StrengthCurve:
    """The chapter's specification curve, the specifications it could not estimate, and the
    key figures and claims it gives."""

    curve: pd.DataFrame
    skipped: pd.DataFrame
    figures: list[Figure | Claim] = field(repr=False)


def strength_curve(
    frame: pd.DataFrame,
    jobs: pd.DataFrame,
    main_interval: tuple[float, float],
    main_specification: dict,
) -> StrengthCurve:
    """The curve of log GDP per head on strength over the whole grid, for the regions of
    ``frame`` (the analysis frame) with the employment matrix ``jobs``, and its figures and
    claims (``main_interval``: the main model's 95 % interval, which the comparable estimates
    are set against; ``main_specification``: the main model's choices, :func:`main_choice`,
    which the chart marks when they are on the grid)."""
    curve, skipped = specification_curve(
        specification_cases(frame, jobs),
        outcome="log_gdp",
        strength="strength",
        controls={name: list(columns) for name, columns in CONTROL_SETS.items()},
    )
    records = [
        *curve_figures(curve),
        *curve_claims(curve, skipped, main_interval),
        main_on_grid_claim(curve, main_specification),
    ]
    return StrengthCurve(curve=curve, skipped=skipped, figures=records)


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
            "specifications of the grid (4 measures x 3 thresholds x 3 samples x "
            "fixed effects or not x controls or not) that could be estimated",
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
            "regression.curve.fe_min",
            within["coef"].min(),
            unit="log points per SD",
            definition="smallest estimate among the fixed-effect specifications with controls",
            fmt="{:.3f}",
        ),
        computed(
            "regression.curve.pooled_min",
            pooled.min(),
            unit="log points per SD",
            definition="most negative estimate among pooled specifications without controls",
            fmt="{:.3f}",
        ),
        computed(
            "regression.curve.pooled_max",
            pooled.max(),
            unit="log points per SD",
            definition="largest estimate among pooled specifications without controls",
            fmt="{:.3f}",
        ),
    ]


def main_on_grid_claim(curve: pd.DataFrame, main_specification: dict) -> Claim:
    """Is the main specification one of the curve's (its threshold on the grid), so that the
    chart can mark it?"""
    matches = pd.Series(True, index=curve.index)
    for choice, value in main_specification.items():
        matches &= curve[choice].eq(value)
    return claim(
        "regression.curve.main_on_grid",
        bool(matches.any()),
        definition="the main specification's choices (measure, threshold, sample, controls, "
        "fixed effects) are one of the curve's estimated specifications",
        if_true="The main specification is the orange diamond.",
        if_false=f"The main specification ({main_specification['threshold']}) is not on the "
        "grid, so no diamond marks it.",
    )


def skipped_reasons(skipped: pd.DataFrame) -> str:
    """The reasons specifications could not be estimated, each with how many it stopped."""
    reasons = skipped["reason"].str.split(":").str[0].value_counts()
    return "; ".join(f"{count} with {reason}" for reason, count in reasons.items())


def curve_claims(
    curve: pd.DataFrame, skipped: pd.DataFrame, main_interval: tuple[float, float]
) -> list[Claim]:
    """What the chapter concludes from the curve: whether every specification could be
    estimated, whether the comparable (fixed effects and controls) estimates are narrower than
    the pooled ones and stay within the main interval, and which measures give clearly
    positive ones."""
    within = curve[curve["fixed_effects"] & curve["controls"].eq("baseline")]
    pooled = curve.loc[~curve["fixed_effects"] & curve["controls"].eq("none"), "coef"]
    low, high = main_interval
    outside = int((~within["coef"].between(low, high)).sum())
    positive = within[(within["pvalue"] < SIGNIFICANCE) & (within["coef"] > 0)]
    measures = sorted(positive["measure"].unique())
    interval = f"{low:.3f} to {high:.3f}"
    if not measures:
        not_only_star = "no within-country estimate with controls is clearly positive"
    else:
        not_only_star = "the clearly positive within-country estimates come with the " + ", ".join(
            m.replace("_", " ") for m in measures
        )
    return [
        claim(
            "regression.curve.all_estimated",
            skipped.empty,
            definition=f"every one of the {GRID_SIZE} specifications of the grid was estimated",
            if_true=f"all {GRID_SIZE} specifications of the grid could be estimated",
            if_false=f"{len(skipped)} of the {GRID_SIZE} specifications of the grid could not "
            f"be estimated and are left out ({skipped_reasons(skipped)})"
            if not skipped.empty
            else "some specifications of the grid could not be estimated",
        ),
        claim(
            "regression.curve.fe_narrower",
            bool(np.ptp(within["coef"]) < np.ptp(pooled)),
            definition="the range of the fixed-effect estimates with controls is narrower than "
            "that of the pooled estimates without controls",
            if_true="a narrower range",
            if_false="a range no narrower",
        ),
        claim(
            "regression.curve.fe_outside_main",
            outside > 0,
            definition="some fixed-effect estimates with controls lie outside the main model's "
            "95 % interval",
            if_true=f"{outside} of them outside the main model's 95 % interval ({interval})",
            if_false=f"all of them inside the main model's 95 % interval ({interval})",
        ),
        claim(
            "regression.curve.positive_only_star",
            measures == ["star_share"],
            definition="the fixed-effect estimates with controls that are positive with "
            f"p < {SIGNIFICANCE} all use the star share, and there is at least one",
            if_true="the only clearly positive within-country estimates with controls use the "
            "star measure",
            if_false=not_only_star,
        ),
    ]
