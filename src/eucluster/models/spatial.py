"""Spatial checks of regression residuals: Moran's I and Lagrange multiplier tests.

Neighbouring regions share labour markets, supply chains and policies, so residuals of a
cross-section of regions are rarely independent. Moran's I (``esda``) says whether they cluster
in space; if they do, the Lagrange multiplier tests of Anselin (1988) and their robust forms
(Anselin, Bera, Florax & Yoon 1996) say whether a spatial-lag or a spatial-error model fits the
dependence better. ``spreg`` computes the same tests but is not a dependency of the book, so
they are written out here (and checked against Moran's I in the tests).

Weights are k nearest neighbours between region centroids in the ETRS89-LAEA projection
(EPSG:3035), row-standardised: islands and outermost regions always get neighbours, which
contiguity weights would not give them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

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
        p = self.pvalues()
        return pd.DataFrame(
            {
                "test": ["LM error", "LM lag", "Robust LM error", "Robust LM lag"],
                "statistic": [self.lm_error, self.lm_lag, self.robust_lm_error, self.robust_lm_lag],
                "pvalue": [p["lm_error"], p["lm_lag"], p["robust_lm_error"], p["robust_lm_lag"]],
            }
        )


def lagrange_multiplier(y: np.ndarray, x: np.ndarray, w: np.ndarray) -> LagrangeMultiplier:
    """LM tests for a spatial error and a spatial lag in the OLS regression of ``y`` on ``x``
    (``x`` includes the constant), with a dense weights matrix ``w``.

    With ``e`` the OLS residuals, ``s2 = e'e/n``, ``T = tr((W' + W) W)``, ``M = I - X(X'X)^-1 X'``
    and ``D = (W X b)' M (W X b) / s2 + T``:

    * ``LM_error = (e'We/s2)^2 / T``
    * ``LM_lag = (e'Wy/s2)^2 / D``
    * ``robust LM_error = (e'We/s2 - (T/D) e'Wy/s2)^2 / (T - T^2/D)``
    * ``robust LM_lag = (e'Wy/s2 - e'We/s2)^2 / (D - T)``
    """
    y = np.asarray(y, dtype=float).ravel()
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    n = len(y)
    if x.shape[0] != n or w.shape != (n, n):
        raise ValueError(f"shapes do not agree: y {y.shape}, x {x.shape}, w {w.shape}")
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    e = y - x @ beta
    s2 = float(e @ e) / n
    we = w @ e
    wy = w @ y
    t = float(np.trace((w.T + w) @ w))
    wxb = w @ (x @ beta)
    projection = x @ np.linalg.pinv(x.T @ x) @ x.T
    m_wxb = wxb - projection @ wxb
    d = float(wxb @ m_wxb) / s2 + t
    score_error = float(e @ we) / s2
    score_lag = float(e @ wy) / s2
    return LagrangeMultiplier(
        lm_error=score_error**2 / t,
        lm_lag=score_lag**2 / d,
        robust_lm_error=(score_error - t / d * score_lag) ** 2 / (t - t**2 / d),
        robust_lm_lag=(score_lag - score_error) ** 2 / (d - t),
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
    return lagrange_multiplier(y, x, dense(weights))
