"""What the specification curve says, as key figures, claims and tables.

The counting rules live here, beside the curve: "significant" is ``p < alpha`` with the
country-clustered t test of each specification; the dominant sign is the sign of the median
estimate; a dimension "moves the estimate" by the spread (largest minus smallest) of the
median estimates of its choices. The joint test itself is in
:mod:`eucluster.models.joint_curve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.models.curve_grid import DIMENSIONS, CurveData
from eucluster.models.joint_curve import STATISTICS, JointCurve, estimate_curve

#: How the chapter's tables and sentences name the dimensions.
DIMENSION_NAMES = {
    "measure": "strength measure",
    "scope": "divisions counted",
    "threshold": "threshold",
    "suppressed": "unpublished cells",
    "sample": "sample",
    "controls": "controls",
    "fixed_effects": "fixed effects",
    "design": "design",
    "outcome": "outcome",
}

#: The statistic whose p-value is the chapter's headline joint p-value
#: (``regression.curve.joint_p``): the share of estimates significant with the dominant sign,
#: the statistic Simonsohn, Simmons & Nelson report first for a curve of estimates.
HEADLINE = "share_significant"

SHARE, COEF, P = "{:.0%}", "{:.3f}", "{:.3f}"

#: How the chapter's tables show their numbers.
DIMENSION_FORMATS = {
    "median estimate": COEF,
    "positive": SHARE,
    "signif. positive": SHARE,
    "signif. negative": SHARE,
}
JOINT_FORMATS = {
    "observed": "{:.4f}",
    "null median": "{:.4f}",
    "null 95th percentile": "{:.4f}",
    "p-value": P,
}


def dimension_table(curve: pd.DataFrame) -> pd.DataFrame:
    """One row per choice of every dimension (``"dimension: choice"``): how many estimated
    specifications make it, their median estimate, and the shares positive and significant
    (each sign)."""
    estimated = curve[curve["problem"].isna()]
    rows = []
    for dimension in DIMENSIONS:
        for choice, group in estimated.groupby(dimension, sort=False):
            positive = group["coef"] > 0
            rows.append(
                {
                    "dimension": DIMENSION_NAMES[dimension],
                    "choice": f"{DIMENSION_NAMES[dimension]}: {str(choice).replace('_', ' ')}",
                    "specifications": len(group),
                    "median estimate": group["coef"].median(),
                    "positive": positive.mean(),
                    "signif. positive": (group["significant"] & positive).mean(),
                    "signif. negative": (group["significant"] & ~positive).mean(),
                }
            )
    return pd.DataFrame(rows)


def dimension_spread(curve: pd.DataFrame) -> pd.Series:
    """How far each dimension moves the median estimate: the largest minus the smallest median
    of its choices, largest first (dimensions with one choice have no spread)."""
    table = dimension_table(curve)
    spread = table.groupby("dimension", sort=False)["median estimate"].agg(
        lambda m: m.max() - m.min()
    )
    return spread[table.groupby("dimension", sort=False).size() > 1].sort_values(ascending=False)


def joint_table(result: JointCurve) -> pd.DataFrame:
    """The joint test: each statistic observed, its null median and 95th percentile in the
    dominant direction, and its p-value."""
    oriented = {"median": result.dominant, "share_dominant": 1, "share_significant": 1}
    rows = []
    for key, name in STATISTICS.items():
        null = result.null[key] * oriented[key]
        rows.append(
            {
                "statistic": name,
                "observed": result.observed[key],
                "null median": result.null[key].median(),
                "null 95th percentile": oriented[key] * null.quantile(0.95),
                "p-value": result.pvalues[key],
            }
        )
    return pd.DataFrame(rows)


def sign_word(sign: int) -> str:
    return "positive" if sign > 0 else "negative"


def curve_figures(result: JointCurve) -> list[Figure]:
    """The curve's numbers: counts, median, shares, the three joint p-values."""
    estimated, curve = result.estimated, result.curve
    positive = estimated["coef"] > 0
    significant = estimated["significant"]

    def count(name: str, value: int, definition: str) -> Figure:
        return computed(
            f"regression.curve.{name}",
            int(value),
            unit="specifications",
            definition=definition,
            fmt="{:d}",
        )

    def share(name: str, value: float, definition: str) -> Figure:
        return computed(
            f"regression.curve.{name}", float(value), unit="share", definition=definition, fmt=SHARE
        )

    def pvalue(name: str, key: str) -> Figure:
        return computed(
            f"regression.curve.{name}",
            result.pvalues[key],
            unit="p-value",
            definition=f"joint test of the curve: share of {result.draws} null curves "
            "(strength permuted within countries) whose "
            f"{STATISTICS[key]} is at least the observed one in the dominant direction, the "
            "observed curve counted as one draw",
            fmt=P,
        )

    return [
        count("count", len(estimated), "specifications of the grid that could be estimated"),
        count("specified", len(curve), "specifications of the grid (every dimension crossed)"),
        count("failed", len(result.failed), "specifications that could not be estimated"),
        computed(
            "regression.curve.draws",
            result.draws,
            unit="null curves",
            definition="null curves of the joint test (strength permuted within countries, seeded)",
            fmt="{:d}",
        ),
        computed(
            "regression.curve.median",
            estimated["coef"].median(),
            unit="log points per SD",
            definition="median estimate of the curve",
            fmt="{:.4f}",
        ),
        computed(
            "regression.curve.median_within_countries",
            estimated.loc[estimated["fixed_effects"].eq("country"), "coef"].median(),
            unit="log points per SD",
            definition="median estimate of the specifications with country fixed effects",
            fmt=COEF,
        ),
        computed(
            "regression.curve.median_across_europe",
            estimated.loc[estimated["fixed_effects"].eq("none"), "coef"].median(),
            unit="log points per SD",
            definition="median estimate of the specifications without fixed effects",
            fmt=COEF,
        ),
        share("share_positive", positive.mean(), "share of the estimates that are positive"),
        share(
            "share_significant",
            significant.mean(),
            f"share of the estimates significant at {result.alpha:g} (either sign)",
        ),
        share(
            "share_significant_positive",
            (significant & positive).mean(),
            f"share of the estimates positive and significant at {result.alpha:g}",
        ),
        share(
            "share_significant_negative",
            (significant & ~positive).mean(),
            f"share of the estimates negative and significant at {result.alpha:g}",
        ),
        share(
            "null_share_significant",
            result.null["share_significant"].mean(),
            "mean over the null curves of the share significant with the dominant sign",
        ),
        computed(
            "regression.curve.alpha",
            result.alpha,
            unit="significance level",
            definition="level at which an estimate counts as significant",
            fmt="{:.0%}",
        ),
        share(
            "share_outside_band",
            outside_band(result),
            "share of the ranks at which the sorted observed curve lies outside the 2.5-97.5 % "
            "band of the sorted null curves",
        ),
        pvalue("joint_p_median", "median"),
        pvalue("joint_p_sign", "share_dominant"),
        pvalue("joint_p_significant", "share_significant"),
        pvalue("joint_p", HEADLINE),
    ]


def outside_band(result: JointCurve) -> float:
    """Share of the null band's ranks at which the sorted observed curve is outside it."""
    ordered = np.sort(result.estimated["coef"].to_numpy())
    band = result.null_band
    ranks = np.minimum(band["rank"].to_numpy(), len(ordered)) - 1
    observed = ordered[ranks]
    return float(((observed < band["low"]) | (observed > band["high"])).mean())


def curve_claims(result: JointCurve) -> list[Claim]:
    """What the chapter concludes from the curve (each sentence phrased for either truth)."""
    estimated, alpha = result.estimated, result.alpha
    sign = sign_word(result.dominant)
    p, observed = result.pvalues, result.observed
    spread = dimension_spread(result.curve)
    top = spread.index[0] if len(spread) else "none"
    runners_up = name_list(list(spread.index[1:3]), empty="any other dimension")
    fixed = estimated.groupby("fixed_effects")["coef"].median()
    fixed_text = "; ".join(f"{name} {value:.3f}" for name, value in fixed.items())
    design = estimated.groupby("design")["coef"].median()
    growth = design.drop("level", errors="ignore")
    level_above = bool("level" in design and len(growth) and (design["level"] > growth).all())
    design_text = "; ".join(f"{name} {value:.3f}" for name, value in design.items())
    return [
        failed_claim(result),
        claim(
            "regression.curve.dominant_positive",
            result.dominant > 0,
            definition="the median estimate of the curve is positive (the dominant sign)",
            if_true="positive",
            if_false="negative",
        ),
        claim(
            "regression.curve.median_rejected",
            p["median"] < alpha,
            definition=f"joint p-value of the median estimate below {alpha:g}",
            if_true=f"a median ({observed['median']:.4f}) further from zero than permuted "
            f"strength gives (p = {p['median']:.3f})",
            if_false=f"a median ({observed['median']:.4f}) no further from zero than permuted "
            f"strength gives (p = {p['median']:.3f})",
        ),
        claim(
            "regression.curve.sign_within_null",
            p["share_dominant"] >= alpha,
            definition=f"joint p-value of the share with the dominant sign at or above {alpha:g}",
            if_true=f"no more estimates are {sign} ({observed['share_dominant']:.0%}) than "
            f"under permuted strength (p = {p['share_dominant']:.3f})",
            if_false=f"more estimates are {sign} ({observed['share_dominant']:.0%}) than under "
            f"permuted strength (p = {p['share_dominant']:.3f})",
        ),
        claim(
            "regression.curve.significant_within_null",
            p["share_significant"] >= alpha,
            definition="joint p-value of the share significant with the dominant sign at or "
            f"above {alpha:g}",
            if_true=f"no more estimates are significantly {sign} "
            f"({observed['share_significant']:.0%}) than under permuted strength "
            f"(p = {p['share_significant']:.3f})",
            if_false=f"more estimates are significantly {sign} "
            f"({observed['share_significant']:.0%}) than under permuted strength "
            f"(p = {p['share_significant']:.3f})",
        ),
        claim(
            "regression.curve.fixed_effects_move_most",
            top == DIMENSION_NAMES["fixed_effects"],
            definition="of all dimensions, country fixed effects or none moves the median "
            "estimate most (largest spread of the medians of its choices)",
            if_true="whether regions are compared within their country or across Europe moves "
            f"the median estimate most ({fixed_text}), more than the {runners_up}",
            if_false=f"the {top} moves the median estimate most "
            f"({spread.iloc[0] if len(spread) else 0:.3f} apart), more than whether regions are "
            f"compared within their country or across Europe ({fixed_text})",
        ),
        claim(
            "regression.curve.level_above_growth",
            level_above,
            definition="the median estimate of the level design is larger than that of every "
            "growth design",
            if_true=f"larger for the level of prosperity than for its growth ({design_text})",
            if_false=f"no larger for the level of prosperity than for its growth ({design_text})",
        ),
    ]


def failed_claim(result: JointCurve) -> Claim:
    """Whether every specification could be estimated; otherwise how many not, and why."""
    failed, total = result.failed, len(result.curve)
    reasons = failed["problem"].value_counts()
    why = "; ".join(f"{count} with {reason}" for reason, count in reasons.items())
    return claim(
        "regression.curve.all_estimated",
        failed.empty,
        definition="every specification of the grid could be estimated",
        if_true=f"all {total} specifications could be estimated",
        if_false=f"{len(failed)} of the {total} specifications could not be estimated ({why}); "
        "they are counted, not dropped",
    )


# --------------------------------------------------------------------------- the chapter's call


@dataclass(frozen=True)
class CurveFindings:
    """The estimated curve with its joint test, the tables the chapter shows and every key
    figure and claim it states."""

    result: JointCurve
    dimensions: pd.DataFrame
    joint: pd.DataFrame
    figures: list[Figure | Claim] = field(repr=False)


def analyse(data: CurveData, *, draws: int, seed: int, alpha: float) -> CurveFindings:
    """Estimate the curve of ``data`` with ``draws`` seeded null curves and state it."""
    result = estimate_curve(data, draws=draws, seed=seed, alpha=alpha)
    records = [*data_figures(data), *curve_figures(result), *curve_claims(result)]
    shown = dimension_table(result.curve).drop(columns="dimension")
    return CurveFindings(result, shown, joint_table(result), records)


def data_figures(data: CurveData) -> list[Figure | Claim]:
    """The curve's regions, strength columns and the regions no strength could be measured
    for."""
    traded = data.strength_choices["scope"].eq("traded").any()
    return [
        computed(
            "regression.curve.regions",
            len(data.frame),
            unit="NUTS 2 regions",
            definition="regions of the curve's frame (strength under every treatment of "
            "unpublished cells)",
            fmt="{:d}",
        ),
        computed(
            "regression.curve.countries",
            data.frame["country"].nunique(),
            unit="countries",
            definition="countries of the curve's regions",
            fmt="{:d}",
        ),
        computed(
            "regression.curve.strength_columns",
            len(data.strength_choices),
            unit="strength columns",
            definition="strength columns: measure x divisions "
            "counted x threshold x treatment of unpublished cells",
            fmt="{:d}",
        ),
        computed(
            "regression.curve.grid_blocks",
            data.grid_size // len(data.strength_choices),
            unit="blocks",
            definition="blocks of specifications sharing sample, controls, "
            "fixed effects, design and outcome",
            fmt="{:d}",
        ),
        claim(
            "regression.curve.none_dropped",
            not data.dropped,
            definition="every region of the analysis frame has strength under both "
            "treatments of unpublished cells",
            if_true="every region has a strength value under both treatments of unpublished cells",
            if_false=f"{len(data.dropped)} regions "
            f"({name_list(list(data.dropped), empty='none')}) have no strength value under "
            "one treatment of unpublished cells and are left out",
        ),
        claim(
            "regression.curve.traded_scope",
            bool(traded),
            definition="the curve has a scope of traded divisions only",
            if_true="traded divisions only, or all of them",
            if_false="all divisions (no traded classification was given)",
        ),
    ]
