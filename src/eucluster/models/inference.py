"""Inference that fits regional data: few clusters, spatial dependence, influential regions.

With 26 countries, five of them a single region, clustered standard errors with a normal
reference distribution are too optimistic, and neighbouring regions are correlated across
borders that country clusters ignore. This module gives each estimate three further checks:

* :func:`wild_cluster` : the wild cluster bootstrap (restricted, Webb weights, as
  ``wildboottest`` does it) of a coefficient with country clusters;
* :func:`conley` : spatial-HAC (Conley-type) standard errors with a triangular kernel of
  distance between region centroids (``spreg.OLS(robust="hac", gwk=...)`` with
  ``libpysal.weights.Kernel``);
* :func:`dfbeta` : the influence of each region on the coefficient (``statsmodels``).

Fixed effects are partialled out before the bootstrap (Frisch-Waugh-Lovell, here by least
squares on the dummies; ``pyfixest``'s ``wildboottest`` refuses interacted fixed effects
such as ``country^year``). That is exact, not an approximation,
when every fixed effect is nested in a cluster (region and country-year effects in country
clusters): the restricted residuals are then the residuals of the outcome on the fixed
effects, and the bootstrap errors ``u * v_g`` stay orthogonal to every dummy, so refitting
the fixed effects in each draw would change nothing. :func:`wild_cluster` refuses effects
that are not nested.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Bootstrap draws and the weight distribution of every wild cluster bootstrap of the chapter
#: (Webb's six-point weights: with few clusters Rademacher weights give few distinct draws).
REPS = 9999
WEIGHTS = "webb"

#: Distance bandwidths (km) of the spatial-HAC standard errors: about one neighbouring region
#: and about a large country's regions.
CONLEY_BANDWIDTHS_KM = (250, 500)


@dataclass(frozen=True)
class WildBootstrap:
    """The wild cluster bootstrap of one coefficient."""

    param: str
    t_stat: float
    pvalue: float
    reps: int
    clusters: int


def partial_out(values: pd.DataFrame, effects: pd.DataFrame) -> pd.DataFrame:
    """``values`` minus their least-squares projection on the dummies of every column of
    ``effects`` (the within transformation for one or several sets of fixed effects,
    balanced or not)."""
    dummies = [
        pd.get_dummies(effects[column].astype(str), drop_first=position > 0, dtype=float)
        for position, column in enumerate(effects.columns)
    ]
    design = pd.concat(dummies, axis=1).to_numpy()
    target = values.to_numpy(dtype=float)
    beta, *_ = np.linalg.lstsq(design, target, rcond=None)
    return pd.DataFrame(target - design @ beta, index=values.index, columns=values.columns)


def nested(effect: pd.Series, cluster: pd.Series) -> bool:
    """Does every level of ``effect`` lie within one cluster?"""
    return bool(pd.DataFrame({"e": effect, "c": cluster}).groupby("e")["c"].nunique().max() == 1)


def webb_weights(rng: np.random.Generator, reps: int, clusters: int) -> np.ndarray:
    """Webb's six-point weights: +/- sqrt(1/2), 1, sqrt(3/2), each with probability 1/6."""
    points = np.sqrt(np.array([0.5, 1.0, 1.5]))
    return rng.choice(np.concatenate([-points, points]), size=(reps, clusters))


def wild_cluster(
    data: pd.DataFrame,
    outcome: str,
    regressors: Sequence[str],
    *,
    param: str,
    effects: Sequence[str] = (),
    cluster: str = "country",
    reps: int = REPS,
    seed: int = 0,
) -> WildBootstrap:
    """Restricted wild cluster bootstrap p-value of ``param`` (H0: coefficient zero) in the
    regression of ``outcome`` on a constant, ``regressors`` and the fixed ``effects`` (columns
    of ``data``, each nested in ``cluster``), Webb weights, ``reps`` draws from ``seed``, with
    the CRV1 t statistic (small-sample factor ``G/(G-1) (N-1)/(N-K)``).

    Written out with numpy rather than called through ``pyfixest``'s ``wildboottest``
    because that compiles its numba kernel anew on every call (about 2 s each, measured on
    this chapter's data, against milliseconds here); the tests check the two against each
    other. All draws at once: with ``A = (X'X)^-1`` and per-cluster sums, the bootstrap
    coefficients are ``b_r + A U v`` and the cluster scores are linear in ``v``.
    """
    columns = list(dict.fromkeys([outcome, *regressors, *effects, cluster]))
    used = data[columns].dropna()
    for effect in effects:
        if not nested(used[effect], used[cluster]):
            raise ValueError(f"fixed effect {effect!r} is not nested in clusters {cluster!r}")
    values = used[[outcome, *regressors]].astype(float)
    if effects:
        values = partial_out(values, used[list(effects)])
    y = values[outcome].to_numpy()
    x = np.column_stack([np.ones(len(values)), values[list(regressors)].to_numpy()])
    j = 1 + list(regressors).index(param)
    groups, labels = pd.factorize(used[cluster])
    n_groups, (n, k) = len(labels), x.shape
    scale = n_groups / (n_groups - 1) * (n - 1) / (n - k)
    inverse = np.linalg.inv(x.T @ x)
    indicator = np.eye(n_groups)[groups]  # n x G

    def t_stats(y_base: np.ndarray, u_base: np.ndarray, v: np.ndarray) -> np.ndarray:
        """CRV1 t statistics of coefficient j for outcomes y_base + u_base * v[group]."""
        xy = (x * y_base[:, None]).T @ indicator  # k x G
        xu = (x * u_base[:, None]).T @ indicator
        xx = np.einsum("ni,nj,ng->gij", x, x, indicator)
        beta = (inverse @ (xy.sum(axis=1)[:, None] + xu @ v.T)).T  # B x k
        scores = xy.T[None] + v[:, :, None] * xu.T[None] - np.einsum("gij,bj->bgi", xx, beta)
        projected = scores @ inverse[:, j]  # B x G
        return beta[:, j] / np.sqrt(scale * (projected**2).sum(axis=1))

    restricted = np.delete(x, j, axis=1)
    fitted = restricted @ np.linalg.lstsq(restricted, y, rcond=None)[0]
    observed = t_stats(y, np.zeros(n), np.zeros((1, n_groups)))[0]
    draws = t_stats(fitted, y - fitted, webb_weights(np.random.default_rng(seed), reps, n_groups))
    return WildBootstrap(
        param=param,
        t_stat=float(observed),
        pvalue=float(np.mean(np.abs(draws) >= abs(observed))),
        reps=reps,
        clusters=n_groups,
    )


def wild_cluster_fit(fit, param: str = "strength", *, reps: int = REPS, seed: int = 0):
    """:func:`wild_cluster` for a country-clustered :class:`~eucluster.models.estimation.Fit`
    (its data, regressors and fixed effects)."""
    if fit.cov_type != "cluster":
        raise ValueError(f"{fit.label!r} has {fit.cov_type} errors, not country clusters")
    effects = [fit.fixed_effects] if fit.fixed_effects else []
    data = fit.data.assign(country=fit.data.index.str.slice(0, 2))
    return wild_cluster(
        data, fit.outcome, fit.regressors, param=param, effects=effects, reps=reps, seed=seed
    )


# --------------------------------------------------------------------------- spatial HAC


def centroid_points(geometries) -> np.ndarray:
    """Region centroids in km, ETRS89-LAEA (EPSG:3035), in the order of ``geometries``."""
    projected = geometries.to_crs(3035)
    centroids = projected.geometry.centroid
    return np.column_stack([centroids.x.to_numpy(), centroids.y.to_numpy()]) / 1000


def conley(fit, geometries, bandwidth_km: float, param: str = "strength") -> float:
    """Spatial-HAC standard error of ``param`` in ``fit`` (its full design matrix, fixed-effect
    dummies included): Kelejian-Prucha's estimator in ``spreg`` with a triangular kernel that
    falls from 1 at distance zero to 0 at ``bandwidth_km``."""
    import spreg
    from libpysal.weights import Kernel

    points = centroid_points(geometries.loc[fit.data.index])
    with warnings.catch_warnings():  # islands beyond the bandwidth are their own component
        warnings.simplefilter("ignore", UserWarning)
        kernel = Kernel(
            points,
            bandwidth=float(bandwidth_km),
            fixed=True,
            function="triangular",
            diagonal=True,
            ids=list(fit.data.index),
        )
    exog = pd.DataFrame(fit.result.model.exog, columns=fit.result.model.exog_names)
    x = exog.drop(columns="const")
    y = np.asarray(fit.result.model.endog, dtype=float).reshape(-1, 1)
    with warnings.catch_warnings():  # spreg's own pandas deprecations, not ours
        warnings.simplefilter("ignore", DeprecationWarning)
        regression = spreg.OLS(y, x.to_numpy(), robust="hac", gwk=kernel, nonspat_diag=False)
    position = 1 + list(x.columns).index(param)
    return float(np.sqrt(regression.vm[position, position]))


# --------------------------------------------------------------------------- influence


def dfbeta(fit, param: str = "strength") -> pd.Series:
    """DFBETA of ``param`` for each observation of ``fit``: how much the coefficient falls when
    the observation is left out (log points), from the OLS identity
    ``((X'X)^-1 x_i)_j e_i / (1 - h_i)`` (statsmodels' ``dfbetas`` refits the model once per
    observation); NaN for observations fitted exactly by their own dummy."""
    exog = np.asarray(fit.result.model.exog, dtype=float)
    names = list(fit.result.model.exog_names)
    inverse = np.linalg.pinv(exog.T @ exog)
    leverage = np.einsum("ij,jk,ik->i", exog, inverse, exog)
    residual = np.asarray(fit.result.resid, dtype=float)
    row = exog @ inverse[:, names.index(param)]
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(leverage > 1 - 1e-6, np.nan, row * residual / (1 - leverage))
    return pd.Series(values, index=fit.data.index, name="dfbeta")
