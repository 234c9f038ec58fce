"""Inference that fits regional data: few clusters, spatial dependence, influential regions.

With 26 countries, five of them a single region, clustered standard errors with a normal
reference distribution are too optimistic, and neighbouring regions are correlated across
borders that country clusters ignore. This module gives each estimate three further checks:

* :func:`wild_cluster` : the wild cluster bootstrap (restricted, Webb weights, as
  ``wildboottest`` does it) of a coefficient with country clusters: its p-value and the
  95 % interval that inverts the test (:class:`WildTest`);
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

from eucluster.models.verdicts import LEVEL

#: Bootstrap draws and the weight distribution of every wild cluster bootstrap of the chapter
#: (Webb's six-point weights: with few clusters Rademacher weights give few distinct draws).
REPS = 9999
WEIGHTS = "webb"

#: Distance bandwidths (km) of the spatial-HAC standard errors: about one neighbouring region
#: and about a large country's regions.
CONLEY_BANDWIDTHS_KM = (250, 500)


@dataclass(frozen=True)
class WildBootstrap:
    """The wild cluster bootstrap of one coefficient: the test of zero and the 95 % interval
    that inverts the test (every null value it does not reject at :data:`LEVEL`)."""

    param: str
    t_stat: float
    pvalue: float
    reps: int
    clusters: int
    low: float
    high: float


def partial_out(values: pd.DataFrame, effects: pd.DataFrame) -> pd.DataFrame:
    """``values`` minus their least-squares projection on the dummies of every column of
    ``effects`` (the within transformation for one or several sets of fixed effects,
    balanced or not).

    Exact, in two steps (Frisch-Waugh-Lovell): subtract the means within the levels of the
    first effect (the projection on its dummies), then project on the other effects'
    dummies, themselves demeaned within the first effect, by least squares. For the panel
    (region and country-year effects) that leaves about 200 columns instead of 440 for
    SciPy's ``gelsd`` (the minimum-norm solver of ``numpy.linalg.lstsq``, with numpy's
    cut-off for the rank, and several times faster than numpy's here)."""
    from scipy.linalg import lstsq

    first = effects.iloc[:, 0].astype(str)

    def demean(frame: pd.DataFrame) -> np.ndarray:
        return (frame - frame.groupby(first.to_numpy()).transform("mean")).to_numpy(float)

    target = demean(values.astype(float))
    if effects.shape[1] == 1:
        return pd.DataFrame(target, index=values.index, columns=values.columns)
    dummies = pd.concat(
        [
            pd.get_dummies(effects[column].astype(str), drop_first=True, dtype=float)
            for column in effects.columns[1:]
        ],
        axis=1,
    )
    design = demean(dummies)
    cutoff = np.finfo(float).eps * max(design.shape)  # numpy's rcond=None: the same rank
    beta = lstsq(design, target, cond=cutoff, lapack_driver="gelsd")[0]
    return pd.DataFrame(target - design @ beta, index=values.index, columns=values.columns)


def nested(effect: pd.Series, cluster: pd.Series) -> bool:
    """Does every level of ``effect`` lie within one cluster?"""
    return bool(pd.DataFrame({"e": effect, "c": cluster}).groupby("e")["c"].nunique().max() == 1)


def webb_weights(rng: np.random.Generator, reps: int, clusters: int) -> np.ndarray:
    """Webb's six-point weights: +/- sqrt(1/2), 1, sqrt(3/2), each with probability 1/6."""
    points = np.sqrt(np.array([0.5, 1.0, 1.5]))
    return rng.choice(np.concatenate([-points, points]), size=(reps, clusters))


class WildTest:
    """The restricted wild cluster bootstrap test of ``H0: beta_j = b0`` for every ``b0``, on
    one (partialled-out) design ``y``, ``x`` with cluster codes ``groups``.

    Everything that does not depend on ``b0`` is computed once. The restricted residuals
    are linear in ``b0`` (``u = M_z y - b0 M_z x_j``, ``z`` the other columns), and so are
    the bootstrap numerator ``beta*_j - b0`` and every cluster score of the bootstrap CRV1
    variance; with the draws ``v`` fixed, each draw's t statistic is
    ``(n0 - b0 n1) / sqrt(scale (a - 2 b0 b + b0^2 c))`` with five numbers per draw. A
    p-value for a new ``b0`` therefore costs one pass over the draws, which is what the
    bisection of :meth:`interval` needs (the test inversion that Roodman, Nielsen, MacKinnon
    and Webb 2019 describe for Stata's ``boottest``). Hand-written: ``wildboottest`` and
    ``pyfixest`` test one null value per call and give no interval.
    """

    def __init__(self, y: np.ndarray, x: np.ndarray, j: int, groups: np.ndarray, v: np.ndarray):
        n_groups = v.shape[1]
        n, k = x.shape
        self.scale = n_groups / (n_groups - 1) * (n - 1) / (n - k)
        inverse = np.linalg.inv(x.T @ x)
        indicator = np.eye(n_groups)[groups]  # n x G
        q = x @ inverse[:, j]  # beta_j = q'y
        residual = y - x @ (inverse @ (x.T @ y))
        self.coef = float(q @ y)
        self.se = float(np.sqrt(self.scale * (((q * residual) @ indicator) ** 2).sum()))
        restricted = np.delete(x, j, axis=1)

        def annihilate(values: np.ndarray) -> np.ndarray:
            return values - restricted @ np.linalg.lstsq(restricted, values, rcond=None)[0]

        q_by_group = (x * q[:, None]).T @ indicator  # k x G: sum of q_i x_i in each cluster
        parts = []
        for u in (annihilate(y), annihilate(x[:, j])):  # u(b0) = parts[0] - b0 parts[1]
            s = (q * u) @ indicator  # G: cluster sums of q_i u_i
            u_by_group = (x * u[:, None]).T @ indicator  # k x G
            scores = np.diag(s) - q_by_group.T @ inverse @ u_by_group  # G x G
            parts.append((v @ s, v @ scores.T))
        (n0, s0), (n1, s1) = parts
        self.numerator = (n0, n1)
        self.variance = ((s0**2).sum(axis=1), (s0 * s1).sum(axis=1), (s1**2).sum(axis=1))
        self.reps, self.clusters = v.shape

    def t_stat(self, b0: float = 0.0) -> float:
        """The CRV1 t statistic of ``H0: beta_j = b0``."""
        return (self.coef - b0) / self.se

    def draws(self, b0: float = 0.0) -> np.ndarray:
        """The bootstrap t statistics under ``H0: beta_j = b0`` (one per draw)."""
        n0, n1 = self.numerator
        a, b, c = self.variance
        variance = np.maximum(a - 2 * b0 * b + b0**2 * c, 0.0)
        return (n0 - b0 * n1) / np.sqrt(self.scale * variance)

    def pvalue(self, b0: float = 0.0) -> float:
        """Share of draws at least as extreme as the data (two-sided, symmetric)."""
        return float(np.mean(np.abs(self.draws(b0)) >= abs(self.t_stat(b0))))

    def bound(self, direction: int, level: float = LEVEL, tolerance: float = 1e-6) -> float:
        """The end of the interval in ``direction`` (-1 or +1): step out from the estimate
        by 1, 2, 4, ... standard errors until the test rejects at ``level``, then bisect
        between the last null value kept and the first rejected until they are less than
        ``tolerance`` standard errors apart; returns the last value kept."""
        inside, step = self.coef, self.se
        outside = self.coef + direction * step
        while self.pvalue(outside) >= level:
            inside, step = outside, 2 * step
            outside = self.coef + direction * step
            if step > 1e6 * self.se:
                return float(direction * np.inf)
        while abs(outside - inside) > tolerance * self.se:
            middle = (inside + outside) / 2
            if self.pvalue(middle) >= level:
                inside = middle
            else:
                outside = middle
        return float(inside)

    def interval(self, level: float = LEVEL) -> tuple[float, float]:
        """The null values the test does not reject at ``level``: the ``1 - level``
        interval (assumed connected, as it is when the p-value falls away from the
        estimate on each side)."""
        return self.bound(-1, level), self.bound(+1, level)


def wild_test(
    data: pd.DataFrame,
    outcome: str,
    regressors: Sequence[str],
    *,
    param: str,
    effects: Sequence[str] = (),
    cluster: str = "country",
    reps: int = REPS,
    seed: int = 0,
) -> WildTest:
    """The :class:`WildTest` of ``param`` in the regression of ``outcome`` on a constant,
    ``regressors`` and the fixed ``effects`` (columns of ``data``, each nested in
    ``cluster``, partialled out first), with ``reps`` Webb draws from ``seed``."""
    columns = list(dict.fromkeys([outcome, *regressors, *effects, cluster]))
    used = data[columns].dropna()
    for effect in effects:
        if not nested(used[effect], used[cluster]):
            raise ValueError(f"fixed effect {effect!r} is not nested in clusters {cluster!r}")
    values = used[[outcome, *regressors]].astype(float)
    if effects:
        values = partial_out(values, used[list(effects)])
    x = np.column_stack([np.ones(len(values)), values[list(regressors)].to_numpy()])
    groups, labels = pd.factorize(used[cluster])
    v = webb_weights(np.random.default_rng(seed), reps, len(labels))
    return WildTest(values[outcome].to_numpy(), x, 1 + list(regressors).index(param), groups, v)


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
    """Restricted wild cluster bootstrap of ``param`` (:func:`wild_test`), Webb weights,
    ``reps`` draws from ``seed``, with the CRV1 t statistic (small-sample factor
    ``G/(G-1) (N-1)/(N-K)``): the p-value of zero and the 95 % interval, from the same
    draws for every null value.

    Written out with numpy rather than called through ``pyfixest``'s ``wildboottest``
    because that compiles its numba kernel anew on every call (about 2 s each, measured on
    this chapter's data, against milliseconds here) and gives no interval; the tests check
    the two against each other.
    """
    test = wild_test(
        data, outcome, regressors, param=param, effects=effects, cluster=cluster, reps=reps,
        seed=seed,
    )  # fmt: skip
    low, high = test.interval()
    return WildBootstrap(
        param=param,
        t_stat=test.t_stat(),
        pvalue=test.pvalue(),
        reps=reps,
        clusters=test.clusters,
        low=low,
        high=high,
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
