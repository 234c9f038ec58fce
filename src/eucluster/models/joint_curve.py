"""The specification curve estimated batched, with its joint test under the null.

Simonsohn, Simmons & Nelson (2020, "Specification curve analysis", *Nature Human Behaviour*
4, 1208-1214) ask not whether one estimate is significant but whether the whole curve is more
than the null would give. The null here: strength carries no information about prosperity
beyond the country, imposed by permuting every region's strength columns jointly among the
regions of its country (:func:`eucluster.models.batched_ols.within_permutations`), which keeps
each country's strength distribution, the correlation between the measures and every outcome
and control. For each draw the whole curve is re-estimated and three statistics are taken:

* the **median** estimate;
* the **share with the dominant sign** (the sign of the observed median);
* the **share significant** at ``alpha`` with the dominant sign.

Each p-value is the share of draws with a statistic at least as large in the dominant
direction as the observed one, counting the observed curve as one draw
(``(1 + hits) / (1 + draws)``), so it is never zero.

Specifications sharing a sample, controls, fixed effects and design form one block
(:class:`eucluster.models.batched_ols.Residualiser`); the observed and all permuted strength
columns of a block are residualised together and all their slopes taken in one step.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from eucluster.models import batched_ols
from eucluster.models.curve_grid import (
    CONTROL_SETS,
    DESIGNS,
    DIMENSIONS,
    OUTCOMES,
    SAMPLES,
    CurveData,
    base_column,
    in_sample,
    outcome_column,
)

#: Null draws are estimated this many at a time (bounds memory: regions x draws x columns).
DRAW_CHUNK = 100

#: The joint statistics, in the order the chapter lists them.
STATISTICS = {
    "median": "median estimate",
    "share_dominant": "share of estimates with the dominant sign",
    "share_significant": "share significant with the dominant sign",
}


@dataclass(frozen=True)
class JointCurve:
    """The curve (one row per specification, estimated or not: its choices, ``coef``, ``se``,
    ``pvalue``, ``low``, ``high``, ``nobs``, ``clusters``, ``problem``; estimated ones ranked
    by estimate), the null draws' statistics (one row per draw), the observed statistics and
    their p-values, the dominant sign, and pointwise bands of the sorted null curves."""

    curve: pd.DataFrame
    null: pd.DataFrame
    observed: dict[str, float]
    pvalues: dict[str, float]
    dominant: int
    null_band: pd.DataFrame
    alpha: float
    draws: int
    seed: int

    @property
    def estimated(self) -> pd.DataFrame:
        return self.curve[self.curve["problem"].isna()]

    @property
    def failed(self) -> pd.DataFrame:
        return self.curve[self.curve["problem"].notna()]


def blocks(data: CurveData):
    """Yield ``(choices, residualiser)`` for every sample x controls x fixed effects x design:
    the specifications that share everything but the strength column and the outcome."""
    frame = data.frame
    countries = frame["country"].to_numpy()
    for sample, controls, fixed, design in itertools.product(
        SAMPLES, CONTROL_SETS, (False, True), DESIGNS
    ):
        columns = [*CONTROL_SETS[controls], *filter(None, [base_column(design)])]
        needed = [*columns, *(outcome_column(design, outcome) for outcome in OUTCOMES)]
        complete = in_sample(frame, sample) & frame[needed].notna().all(axis=1).to_numpy()
        block = batched_ols.residualiser(
            frame[columns].to_numpy(dtype=float),
            countries,
            fixed_effects=fixed,
            complete=complete,
        )
        choices = {
            "sample": sample,
            "controls": controls,
            "fixed_effects": "country" if fixed else "none",
            "design": design,
        }
        yield choices, block


def statistics(coef: np.ndarray, significant: np.ndarray, dominant: int) -> np.ndarray:
    """The three joint statistics of each row of ``coef`` (draws x specifications; NaN for a
    specification that could not be estimated) in the order of :data:`STATISTICS`."""
    estimated = np.isfinite(coef).sum(axis=1)
    with_sign = (np.sign(coef) == dominant).sum(axis=1)
    significant_with_sign = (significant & (np.sign(coef) == dominant)).sum(axis=1)
    return np.column_stack(
        [np.nanmedian(coef, axis=1), with_sign / estimated, significant_with_sign / estimated]
    )


def estimate_curve(data: CurveData, *, draws: int, seed: int, alpha: float) -> JointCurve:
    """Estimate every specification of ``data`` and ``draws`` null curves (strength permuted
    within countries, seeded by ``seed``); significance at ``alpha``.

    The matrices are a few hundred rows high: one BLAS thread does them fastest (measured
    6 to 10 times faster than two threads on the shared two-core build machine)."""
    with threadpool_limits(limits=1, user_api="blas"):
        return estimate_curve_single_thread(data, draws=draws, seed=seed, alpha=alpha)


def estimate_curve_single_thread(
    data: CurveData, *, draws: int, seed: int, alpha: float
) -> JointCurve:
    """:func:`estimate_curve` without the thread limit."""
    strength = data.strength.to_numpy(dtype=float)
    width = strength.shape[1]
    permutations = batched_ols.within_permutations(data.frame["country"].to_numpy(), draws, seed)
    permuted = [
        permuted_columns(strength, permutations[start:stop]) for start, stop in chunk_bounds(draws)
    ]
    rows, null_coef, null_significant = [], [], []
    for choices, block in blocks(data):
        observed = batched_ols.prepare(block, strength)
        chunks = [batched_ols.prepare(block, columns) for columns in permuted]
        for outcome in OUTCOMES:
            y = data.frame[outcome_column(choices["design"], outcome)].to_numpy(dtype=float)
            fit = batched_ols.slopes(block, y, observed)
            rows.append(observed_rows(fit, data, {**choices, "outcome": outcome}, alpha))
            coef, significant = [], []
            for chunk in chunks:
                null_fit = batched_ols.slopes(block, y, chunk)
                coef.append(null_fit.coef.reshape(-1, width))
                significant.append(
                    np.abs(null_fit.tstat.reshape(-1, width)) > fit_critical(null_fit, alpha)
                )
            null_coef.append(np.concatenate(coef))
            null_significant.append(np.concatenate(significant))
    curve = pd.concat(rows, ignore_index=True)
    null_coef = np.concatenate(null_coef, axis=1)
    null_significant = np.concatenate(null_significant, axis=1)
    return summarise(curve, null_coef, null_significant, alpha=alpha, draws=draws, seed=seed)


def fit_critical(fit: batched_ols.Slopes, alpha: float) -> float:
    """The critical |t| of ``fit`` (infinite when its block could not be estimated)."""
    return fit.critical_t(alpha) if fit.n_clusters >= 2 else np.inf


def chunk_bounds(draws: int) -> list[tuple[int, int]]:
    return [(start, min(start + DRAW_CHUNK, draws)) for start in range(0, draws, DRAW_CHUNK)]


def permuted_columns(strength: np.ndarray, permutations: np.ndarray) -> np.ndarray:
    """Regions x (draws x columns): the strength columns under each permutation, side by side
    (draw-major), so that one batched call estimates every draw."""
    stacked = strength[permutations]  # draws x regions x columns
    return stacked.transpose(1, 0, 2).reshape(strength.shape[0], -1)


def observed_rows(
    fit: batched_ols.Slopes, data: CurveData, choices: dict, alpha: float
) -> pd.DataFrame:
    """One row per strength column of a block: its choices and estimate."""
    table = data.strength_choices.drop(columns="column").assign(**choices)
    critical = fit_critical(fit, alpha)
    return table.assign(
        coef=fit.coef,
        se=fit.se,
        pvalue=fit.pvalue if fit.n_clusters >= 2 else np.nan,
        low=fit.coef - critical * fit.se,
        high=fit.coef + critical * fit.se,
        significant=np.abs(fit.tstat) > critical,
        nobs=fit.nobs,
        clusters=fit.n_clusters,
        problem=fit.problem,
    )[
        [
            *DIMENSIONS,
            "coef",
            "se",
            "pvalue",
            "low",
            "high",
            "significant",
            "nobs",
            "clusters",
            "problem",
        ]
    ]


def summarise(
    curve: pd.DataFrame,
    null_coef: np.ndarray,
    null_significant: np.ndarray,
    *,
    alpha: float,
    draws: int,
    seed: int,
) -> JointCurve:
    """The joint test: observed statistics, the null's, p-values and the null bands."""
    coef = curve["coef"].to_numpy()
    if not np.isfinite(coef).any():
        raise ValueError("no specification of the curve could be estimated")
    dominant = 1 if np.nanmedian(coef) >= 0 else -1
    observed = statistics(coef[None, :], curve["significant"].to_numpy()[None, :], dominant)[0]
    null = statistics(null_coef, null_significant, dominant)
    oriented = np.array([dominant, 1, 1])
    hits = (null * oriented >= observed * oriented - 1e-12).sum(axis=0)
    pvalues = (1 + hits) / (1 + draws)
    ranked = curve.assign(order=np.where(np.isfinite(coef), coef, np.inf))
    ranked = ranked.sort_values("order", kind="mergesort").drop(columns="order")
    ranked["rank"] = np.where(ranked["problem"].isna(), np.arange(1, len(ranked) + 1), 0)
    return JointCurve(
        curve=ranked.reset_index(drop=True),
        null=pd.DataFrame(null, columns=list(STATISTICS)),
        observed=dict(zip(STATISTICS, map(float, observed), strict=True)),
        pvalues=dict(zip(STATISTICS, map(float, pvalues), strict=True)),
        dominant=dominant,
        null_band=null_band(null_coef),
        alpha=alpha,
        draws=draws,
        seed=seed,
    )


def null_band(null_coef: np.ndarray, points: int = 200) -> pd.DataFrame:
    """Pointwise 2.5 %, 50 % and 97.5 % quantiles of the sorted null curves at ``points``
    evenly spaced ranks: the band the observed curve is drawn against."""
    ordered = np.sort(null_coef, axis=1)  # NaN sort last
    estimated = int(np.isfinite(null_coef).sum(axis=1).min())
    ranks = np.unique(np.linspace(0, estimated - 1, min(points, estimated)).round().astype(int))
    low, mid, high = np.nanquantile(ordered[:, ranks], [0.025, 0.5, 0.975], axis=0)
    return pd.DataFrame({"rank": ranks + 1, "low": low, "median": mid, "high": high})
