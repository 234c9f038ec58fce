"""Spatial checks of regression residuals: Moran's I and Lagrange multiplier tests.

Neighbouring regions share labour markets, supply chains and policies, so residuals of a
cross-section of regions are rarely independent. Moran's I (``esda``) says whether they cluster
in space; if they do, the Lagrange multiplier tests of Anselin (1988) and their robust forms
(Anselin, Bera, Florax & Yoon 1996) say whether a spatial-lag or a spatial-error model fits the
dependence better. The tests come from ``spreg``, the PySAL regression package, run on the very
design matrix of the fit (fixed-effect dummies included); the tests of this project check them
against the formulas written out.

Weights are k nearest neighbours between region centroids in the ETRS89-LAEA projection
(EPSG:3035), row-standardised: islands and outermost regions always get neighbours, which
contiguity weights would not give them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from eucluster.key_figures import Claim, Figure, claim, computed
from eucluster.models.verdicts import LEVEL, LEVEL_TEXT, is_clear

EQUAL_AREA_CRS = 3035


def knn_weights(geometries, k: int = 5):
    """Row-standardised k-nearest-neighbour weights between the centroids of ``geometries``
    (a GeoSeries or GeoDataFrame in any CRS; ids = its index)."""
    from libpysal.weights import KNN

    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if len(geometries) <= k:
        raise ValueError(f"{len(geometries)} regions cannot each have {k} neighbours")
    projected = geometries.to_crs(EQUAL_AREA_CRS)
    centroids = projected.geometry.centroid if hasattr(projected, "geometry") else projected
    points = np.column_stack([centroids.x.to_numpy(), centroids.y.to_numpy()])
    weights = KNN(points, k=k, ids=list(geometries.index))
    weights.transform = "r"
    return weights


def dense(weights) -> np.ndarray:
    """The weights as a dense matrix in the order of ``weights.id_order``."""
    return np.asarray(weights.full()[0], dtype=float)


@dataclass(frozen=True)
class MoranResult:
    statistic: float
    expected: float
    z: float
    pvalue: float
    permutations: int
    pvalue_permutation: float


def morans_i(values: pd.Series, weights, *, permutations: int = 999, seed: int = 0) -> MoranResult:
    """Moran's I of ``values`` (indexed like the weights' ids); two-sided normal p-value and a
    one-sided pseudo p-value from ``permutations`` random permutations."""
    import esda

    ordered = _ordered(values, weights)
    np.random.seed(seed)  # noqa: NPY002 (esda draws from numpy's global generator)
    moran = esda.Moran(ordered, weights, permutations=permutations, two_tailed=True)
    return MoranResult(
        statistic=float(moran.I),
        expected=float(moran.EI),
        z=float(moran.z_norm),
        pvalue=float(moran.p_norm),
        permutations=permutations,
        pvalue_permutation=float(moran.p_sim) if permutations else float("nan"),
    )


def _ordered(values: pd.Series, weights) -> np.ndarray:
    ids = list(weights.id_order)
    missing = pd.Index(ids).difference(values.index)
    if len(missing):
        raise KeyError(
            f"no value for {len(missing)} regions of the weights, e.g. {list(missing[:5])}"
        )
    ordered = values.reindex(ids).to_numpy(dtype=float)
    if not np.isfinite(ordered).all():
        raise ValueError("values must be finite for every region of the weights")
    return ordered


@dataclass(frozen=True)
class LagrangeMultiplier:
    """Anselin's LM statistics (each chi-squared with one degree of freedom under the null)."""

    lm_error: float
    lm_lag: float
    robust_lm_error: float
    robust_lm_lag: float

    def pvalues(self) -> dict[str, float]:
        return {name: float(stats.chi2.sf(value, 1)) for name, value in self.__dict__.items()}

    def frame(self) -> pd.DataFrame:
        """The four tests as a table (test, statistic, p-value), as the chapter shows them."""
        p = self.pvalues()
        return pd.DataFrame(
            {
                "test": ["LM error", "LM lag", "Robust LM error", "Robust LM lag"],
                "statistic": [self.lm_error, self.lm_lag, self.robust_lm_error, self.robust_lm_lag],
                "pvalue": [p["lm_error"], p["lm_lag"], p["robust_lm_error"], p["robust_lm_lag"]],
            }
        )


def lagrange_multiplier(y: np.ndarray, x: np.ndarray, weights) -> LagrangeMultiplier:
    """LM tests (``spreg.LMtests``) for a spatial error and a spatial lag in the OLS regression
    of ``y`` on ``x`` (``x`` includes the constant), rows in the order of ``weights.id_order``.

    spreg divides by the maximum-likelihood error variance ``e'e/n`` and uses the weights as
    given (here row-standardised), as Anselin et al. (1996) do. The regression is spreg's
    ``BaseOLS``, the estimator without the printed report that ``spreg.OLS`` builds.
    """
    import spreg

    y = np.asarray(y, dtype=float).reshape(-1, 1)
    x = np.asarray(x, dtype=float)
    n = len(y)
    if x.ndim != 2 or x.shape[0] != n or weights.n != n:
        raise ValueError(f"shapes do not agree: y {n} rows, x {x.shape}, weights {weights.n}")
    regression = spreg.BaseOLS(y, x)
    tests = spreg.LMtests(regression, weights, tests=["lme", "lml", "rlme", "rlml"])
    return LagrangeMultiplier(
        lm_error=float(tests.lme[0]),
        lm_lag=float(tests.lml[0]),
        robust_lm_error=float(tests.rlme[0]),
        robust_lm_lag=float(tests.rlml[0]),
    )


def lagrange_multiplier_fit(fit, weights) -> LagrangeMultiplier:
    """:func:`lagrange_multiplier` for a :class:`~eucluster.models.estimation.Fit` (its
    design matrix, fixed-effect dummies included), with rows put in the order of the weights."""
    ids = list(weights.id_order)
    position = pd.Series(np.arange(len(fit.data)), index=fit.data.index)
    missing = pd.Index(ids).difference(position.index)
    if len(missing) or len(ids) != len(fit.data):
        raise ValueError("the weights must cover exactly the observations of the fit")
    order = position.reindex(ids).to_numpy()
    y = np.asarray(fit.result.model.endog)[order]
    x = np.asarray(fit.result.model.exog)[order]
    return lagrange_multiplier(y, x, weights)


@dataclass(frozen=True)
class ResidualDependence:
    """Moran's I and the LM tests of one fit's residuals, with the key figures the chapter
    states about them."""

    moran: MoranResult
    lm: LagrangeMultiplier
    k: int
    figures: list[Figure | Claim] = field(repr=False)


def residual_dependence(
    fit, geometries, *, k: int = 5, seed: int = 0, permutations: int = 999
) -> ResidualDependence:
    """Are the residuals of ``fit`` (the chapter's main model) spatially dependent, and does a
    lag or an error model describe it better? ``geometries`` are the regions' shapes indexed
    like the fit's rows; neighbours are their ``k`` nearest centroids."""
    weights = knn_weights(geometries.loc[fit.data.index], k=k)
    moran = morans_i(fit.residuals, weights, permutations=permutations, seed=seed)
    lm = lagrange_multiplier_fit(fit, weights)
    p = lm.pvalues()
    figures = [
        computed(
            "regression.moran.i",
            moran.statistic,
            unit="Moran's I",
            definition=f"Moran's I of the main model's residuals, {k}-nearest-neighbour "
            "row-standardised weights between GISCO region centroids (EPSG:3035)",
            fmt="{:.2f}",
        ),
        computed(
            "regression.moran.pvalue",
            moran.pvalue_permutation,
            unit="p-value",
            definition=f"pseudo p-value of Moran's I from {permutations} permutations",
            fmt="{:.3f}",
        ),
        computed(
            "regression.moran.k",
            k,
            unit="neighbours",
            definition="number of nearest neighbours in the spatial weights",
            fmt="{:d}",
        ),
        computed(
            "regression.lm.robust_error_pvalue",
            p["robust_lm_error"],
            unit="p-value",
            definition="robust LM test for spatial error dependence in the main model "
            "(Anselin 1996)",
            fmt="{:.3f}",
        ),
        computed(
            "regression.lm.robust_lag_pvalue",
            p["robust_lm_lag"],
            unit="p-value",
            definition="robust LM test for a spatial lag in the main model (Anselin 1996)",
            fmt="{:.3f}",
        ),
        *dependence_claims(moran, p),
    ]
    return ResidualDependence(moran=moran, lm=lm, k=k, figures=figures)


def dependence_claims(moran: MoranResult, p: dict[str, float]) -> list[Claim]:
    """What the chapter concludes from Moran's I and the LM tests (``p``: their p-values):
    whether neighbours' residuals are alike, which tests reject independence, and which
    alternative the robust tests prefer, and how firmly."""
    error, lag = p["robust_lm_error"], p["robust_lm_lag"]
    rejecting = [name for name in ("error", "lag") if is_clear(p[f"lm_{name}"])]
    robust_rejecting = [name for name, value in (("error", error), ("lag", lag)) if is_clear(value)]
    if not is_clear(moran.pvalue_permutation):
        unlike = (
            f"the residuals of neighbouring regions are not clearly alike at the {LEVEL_TEXT} level"
        )
    else:
        unlike = (
            "neighbouring regions deviate from the model in opposite directions more often "
            "than chance"
        )
    prefer_error = f"spatially correlated errors (p-value {error:.3f})"
    prefer_lag = f"a spatial lag of prosperity (p-value {lag:.3f})"
    clustered = (
        "regions next to each other are prosperous beyond what the model predicts in the same "
        "direction, even within countries"
    )
    if len(rejecting) == 2:
        some_reject = "both reject independence"
    else:
        some_reject = (
            f"reject independence only in the {rejecting[0]} form"
            if rejecting
            else f"do not reject independence at the {LEVEL_TEXT} level"
        )
    return [
        claim(
            "regression.moran.not_clustered",
            not (is_clear(moran.pvalue_permutation) and moran.statistic > 0),
            definition=f"Moran's I of the residuals is not positive with permutation p < {LEVEL}",
            if_true=unlike,
            if_false=clustered,
        ),
        claim(
            "regression.lm.none_reject",
            not rejecting,
            definition=f"neither LM test (error, lag) has p < {LEVEL}",
            if_true=f"do not reject independence at the {LEVEL_TEXT} level",
            if_false=some_reject,
        ),
        claim(
            "regression.lm.lag_over_error",
            lag <= error,
            definition="the robust LM lag test has a p-value no larger than the robust LM "
            "error test",
            if_true=f"lean towards {prefer_lag} rather than {prefer_error}",
            if_false=f"lean towards {prefer_error} rather than {prefer_lag}",
        ),
        claim(
            "regression.lm.robust_undecided",
            not robust_rejecting,
            definition=f"neither robust LM test has p < {LEVEL}",
            if_true=f"though neither is decisive at the {LEVEL_TEXT} level on its own",
            if_false=f"and the robust {robust_rejecting[0]} test rejects at the {LEVEL_TEXT} level"
            if len(robust_rejecting) == 1
            else f"and both robust tests reject at the {LEVEL_TEXT} level",
        ),
    ]
