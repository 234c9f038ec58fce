"""Cross-section regressions of regional prosperity on cluster strength, and their checks.

The estimates are *associations* between a region's cluster strength and its prosperity. The
lagged design (strength measured in 2008-2010, prosperity a decade later) rules out that later
prosperity caused earlier strength, but not that a third factor drives both; nothing here
identifies a causal effect, and the chapter says so.

Estimators (all on one :class:`pandas.DataFrame` with one row per region):

* :func:`ols` with heteroskedasticity-robust ``HC3`` standard errors (MacKinnon & White 1985),
  the small-sample safe choice for a few hundred regions with influential capitals;
* :func:`ols` with ``fixed_effects="country"``: country dummies (within-country comparison) and
  standard errors clustered by country (regions of one country share shocks and policies);
* interactions (``weak x strength``) and controls are just more columns in ``regressors``.

:func:`regression_table` presents fits; :func:`influence` returns
leverage and Cook's distance, :func:`leave_one_out` the estimate without each observation in
turn, :func:`partial_regression` the data of an added-variable plot
(Frisch-Waugh-Lovell); :func:`simulate` gives data with a known coefficient for the tests. The
chapter's own specifications are in :mod:`eucluster.models.prosperity`, the specification curve
in :mod:`eucluster.models.curve_grid`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm

COV_TYPES = ("HC3", "cluster", "nonrobust")


@dataclass(frozen=True)
class Fit:
    """One estimated specification: what a regression table and a coefficient plot need."""

    label: str
    outcome: str
    regressors: tuple[str, ...]
    coef: pd.Series
    se: pd.Series
    pvalue: pd.Series
    nobs: int
    r2: float
    cov_type: str
    fixed_effects: str | None
    n_clusters: int | None
    result: object = field(repr=False)
    data: pd.DataFrame = field(repr=False)
    cluster: str | None = None  # the column whose levels are the clusters

    def estimate(self, name: str) -> tuple[float, float, float]:
        """``(coefficient, standard error, p-value)`` of one regressor."""
        if name not in self.coef.index:
            raise KeyError(
                f"{name!r} is not a regressor of {self.label!r}: {list(self.coef.index)}"
            )
        return float(self.coef[name]), float(self.se[name]), float(self.pvalue[name])

    def conf_int(self, name: str, level: float = 0.95) -> tuple[float, float]:
        """Normal-approximation interval ``coef +/- z se`` (the reference distribution
        statsmodels uses for these robust covariances)."""
        from scipy.stats import norm

        coef, se, _ = self.estimate(name)
        z = float(norm.ppf(0.5 + level / 2))
        return coef - z * se, coef + z * se

    @property
    def residuals(self) -> pd.Series:
        return pd.Series(self.result.resid, index=self.data.index, name="residual")

    @property
    def fitted(self) -> pd.Series:
        return pd.Series(self.result.fittedvalues, index=self.data.index, name="fitted")


def _design(
    data: pd.DataFrame,
    outcome: str,
    regressors: Sequence[str],
    fixed_effects: str | None,
    cluster: str | None,
) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, not {type(data).__name__}")
    regressors = list(regressors)
    if not regressors:
        raise ValueError("give at least one regressor")
    wanted = [outcome, *regressors, *(c for c in (fixed_effects, cluster) if c)]
    missing = [c for c in dict.fromkeys(wanted) if c not in data.columns]
    if missing:
        raise KeyError(f"data lacks the columns {missing}; it has {list(data.columns)}")
    used = data[list(dict.fromkeys(wanted))].dropna()
    numeric = [outcome, *regressors]
    for column in numeric:
        if not pd.api.types.is_numeric_dtype(used[column]):
            raise TypeError(f"column {column!r} must be numeric")
    y = used[outcome].astype(float)
    x = used[regressors].astype(float)
    if fixed_effects:
        dummies = pd.get_dummies(used[fixed_effects].astype(str), prefix="fe", drop_first=True)
        x = pd.concat([x, dummies.astype(float)], axis=1)
    x = sm.add_constant(x, has_constant="add")
    if len(y) <= x.shape[1]:
        raise ValueError(
            f"{len(y)} complete observations for {x.shape[1]} parameters: too few to estimate"
        )
    constant = x.columns[x.nunique() == 1].difference(["const"])
    if len(constant):
        raise ValueError(f"regressors without variation in the sample: {list(constant)}")
    return y, x, used


def ols(
    data: pd.DataFrame,
    outcome: str,
    regressors: Sequence[str],
    *,
    fixed_effects: str | None = None,
    cov_type: str | None = None,
    cluster: str | None = None,
    label: str = "",
) -> Fit:
    """Least squares of ``outcome`` on ``regressors`` (+ a constant, + dummies for the levels of
    ``fixed_effects``) on the complete rows of ``data``.

    ``cov_type``: ``"HC3"`` (default without fixed effects), ``"cluster"`` (default with fixed
    effects; clusters = ``cluster`` or else ``fixed_effects``) or ``"nonrobust"``. Clustered
    errors use statsmodels' small-sample correction ``G/(G-1) (N-1)/(N-K)``.
    """
    if cov_type is None:
        cov_type = "cluster" if (fixed_effects or cluster) else "HC3"
    if cov_type not in COV_TYPES:
        raise ValueError(f"cov_type must be one of {COV_TYPES}, got {cov_type!r}")
    if cov_type == "cluster" and not (cluster or fixed_effects):
        raise ValueError("clustered standard errors need cluster= (or fixed_effects=)")
    group_column = cluster or fixed_effects if cov_type == "cluster" else None
    y, x, used = _design(data, outcome, regressors, fixed_effects, group_column)
    model = sm.OLS(y, x)
    n_clusters = None
    if cov_type == "cluster":
        groups = pd.factorize(used[group_column])[0]
        n_clusters = int(len(np.unique(groups)))
        if n_clusters < 2:
            raise ValueError("clustered standard errors need at least two clusters")
        result = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
    else:
        result = model.fit(cov_type=cov_type)
    names = list(regressors)
    return Fit(
        label=label or outcome,
        outcome=outcome,
        regressors=tuple(names),
        coef=result.params[["const", *names]],
        se=result.bse[["const", *names]],
        pvalue=result.pvalues[["const", *names]],
        nobs=int(result.nobs),
        r2=float(result.rsquared),
        cov_type=cov_type,
        fixed_effects=fixed_effects,
        n_clusters=n_clusters,
        result=result,
        data=used,
        cluster=group_column,
    )


def stars(pvalue: float) -> str:
    """``***`` p < 0.01, ``**`` p < 0.05, ``*`` p < 0.1 (the usual economics convention)."""
    if not math.isfinite(pvalue):
        return ""
    return "***" if pvalue < 0.01 else "**" if pvalue < 0.05 else "*" if pvalue < 0.1 else ""


def regression_table(
    fits: Sequence[Fit],
    labels: dict[str, str] | None = None,
    *,
    digits: int = 3,
    include_constant: bool = False,
    extra_rows: dict[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """A publication table: one column per fit, coefficient with stars over its standard
    error in brackets, then N, R², fixed effects, standard-error type and ``extra_rows``
    (label -> one cell per fit)."""
    if not fits:
        raise ValueError("give at least one fit")
    labels = dict(labels or {})
    order: list[str] = []
    for fit in fits:
        for name in fit.coef.index:
            if (name != "const" or include_constant) and name not in order:
                order.append(name)
    columns = [f"({i}) {fit.label}" for i, fit in enumerate(fits, start=1)]
    rows: list[list[str]] = []
    index: list[str] = []
    for name in order:
        coef_row, se_row = [], []
        for fit in fits:
            if name in fit.coef.index:
                coef, se, p = fit.estimate(name)
                coef_row.append(f"{coef:.{digits}f}{stars(p)}")
                se_row.append(f"({se:.{digits}f})")
            else:
                coef_row.append("")
                se_row.append("")
        rows += [coef_row, se_row]
        index += [labels.get(name, name), ""]
    rows.append([f"{fit.nobs:d}" for fit in fits])
    index.append("N")
    rows.append([f"{fit.r2:.2f}" for fit in fits])
    index.append("R²")
    rows.append(["country" if fit.fixed_effects else "none" for fit in fits])
    index.append("Fixed effects")
    rows.append(
        [
            f"clustered ({fit.n_clusters})" if fit.cov_type == "cluster" else fit.cov_type
            for fit in fits
        ]
    )
    index.append("Standard errors")
    for label, cells in (extra_rows or {}).items():
        if len(cells) != len(fits):
            raise ValueError(f"row {label!r} has {len(cells)} cells for {len(fits)} fits")
        rows.append(list(cells))
        index.append(label)
    table = pd.DataFrame(rows, columns=columns)
    table.insert(0, "", index)
    return table


# --------------------------------------------------------------------------- diagnostics


def influence(fit: Fit) -> pd.DataFrame:
    """Leverage, internally studentised residual and Cook's distance of every observation
    (from the OLS fit; these do not depend on the covariance choice).

    ``absorbed`` marks observations fitted exactly by their own dummy (leverage 1: the only
    region of its country under country fixed effects); their studentised residual and Cook's
    distance are undefined and set to NaN.
    """
    summary = fit.result.get_influence()
    leverage = np.asarray(summary.hat_matrix_diag)
    absorbed = leverage > 1 - 1e-6
    with np.errstate(divide="ignore", invalid="ignore"):
        studentized = np.asarray(summary.resid_studentized_internal, dtype=float)
        cooks = np.asarray(summary.cooks_distance[0], dtype=float)
    return pd.DataFrame(
        {
            "fitted": np.asarray(fit.result.fittedvalues),
            "residual": np.asarray(fit.result.resid),
            "leverage": leverage,
            "studentized": np.where(absorbed, np.nan, studentized),
            "cooks_distance": np.where(absorbed, np.nan, cooks),
            "absorbed": absorbed,
        },
        index=fit.data.index,
    )


def leave_one_out(fit: Fit, name: str) -> pd.DataFrame:
    """The coefficient and p-value of ``name`` when ``fit`` is re-estimated without each of its
    observations in turn (same regressors, fixed effects and covariance), one row per left-out
    observation: the influence statistic behind "no single region carries it".

    Country-clustered fits with country effects (the chapter's main model) are refitted with
    numpy (:func:`clustered_refit`), the others through :func:`ols`: the statsmodels path
    spends a tenth of a second per refit on building the design, and the tests check that
    both give the same numbers."""
    if fit.cov_type == "cluster" and fit.fixed_effects and fit.cluster == fit.fixed_effects:
        return clustered_leave_one_out(fit, name)
    rows = {}
    for left_out in fit.data.index:
        refit = ols(
            fit.data.drop(index=left_out),
            fit.outcome,
            fit.regressors,
            fixed_effects=fit.fixed_effects,
            cov_type=fit.cov_type,
        )
        coef, se, p = refit.estimate(name)
        rows[left_out] = {"coef": coef, "se": se, "pvalue": p}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(fit.data.index.name)


def clustered_refit(
    y: np.ndarray, regressors: np.ndarray, groups: np.ndarray, position: int
) -> tuple[float, float, float]:
    """Coefficient, CRV1 standard error and normal p-value of column ``position`` of
    ``regressors`` in the least squares of ``y`` on a constant, ``regressors`` and dummies of
    ``groups`` (the first group left out), clustered by ``groups``, exactly as :func:`ols`
    computes them with statsmodels (small-sample factor ``G/(G-1) (N-1)/(N-K)``)."""
    from scipy.stats import norm

    codes, levels = pd.factorize(groups)
    dummies = np.eye(len(levels))[codes][:, 1:]
    x = np.column_stack([np.ones(len(y)), regressors, dummies])
    n, k = x.shape
    inverse = np.linalg.pinv(x.T @ x)
    beta = inverse @ (x.T @ y)
    scores = np.zeros((len(levels), k))
    np.add.at(scores, codes, x * (y - x @ beta)[:, None])
    factor = len(levels) / (len(levels) - 1) * (n - 1) / (n - k)
    row = scores @ inverse[:, 1 + position]
    se = float(np.sqrt(factor * (row**2).sum()))
    coef = float(beta[1 + position])
    return coef, se, float(2 * norm.sf(abs(coef) / se))


def clustered_leave_one_out(fit: Fit, name: str) -> pd.DataFrame:
    """:func:`leave_one_out` of a fit with country effects and clustered errors, each refit
    with :func:`clustered_refit` (the left-out region's country loses its dummy and its
    cluster when the region was its only one, as in a refit through :func:`ols`)."""
    data = fit.data
    y = data[fit.outcome].to_numpy(dtype=float)
    regressors = data[list(fit.regressors)].to_numpy(dtype=float)
    groups = data[fit.fixed_effects].astype(str).to_numpy()
    position = list(fit.regressors).index(name)
    rows = {}
    for i, left_out in enumerate(data.index):
        keep = np.arange(len(data)) != i
        coef, se, p = clustered_refit(y[keep], regressors[keep], groups[keep], position)
        rows[left_out] = {"coef": coef, "se": se, "pvalue": p}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(data.index.name)


def partial_regression(fit: Fit, name: str) -> pd.DataFrame:
    """Added-variable plot data for ``name``: the outcome and ``name``, each residualised on all
    other regressors (incl. constant and fixed effects). The slope of ``y_resid`` on
    ``x_resid`` equals the coefficient of ``name`` (Frisch-Waugh-Lovell)."""
    exog = pd.DataFrame(fit.result.model.exog, columns=fit.result.model.exog_names)
    if name not in exog.columns:
        raise KeyError(f"{name!r} is not a regressor of {fit.label!r}")
    others = exog.drop(columns=[name]).to_numpy()
    y = np.asarray(fit.result.model.endog, dtype=float)
    x = exog[name].to_numpy()

    def residualise(v: np.ndarray) -> np.ndarray:
        beta, *_ = np.linalg.lstsq(others, v, rcond=None)
        return v - others @ beta

    return pd.DataFrame(
        {"x_resid": residualise(x), "y_resid": residualise(y)}, index=fit.data.index
    )


# --------------------------------------------------------------------------- simulated data


def simulate(
    n: int = 400, beta: float = 0.5, *, countries: int = 20, seed: int = 0
) -> pd.DataFrame:
    """A cross-section with a known strength coefficient ``beta`` (for the tests):
    ``y = 1 + beta * strength + 0.3 * control + country effect + e``, with heteroskedastic
    errors and strength correlated with the country effect (so that omitting the fixed effects
    biases the estimate)."""
    rng = np.random.default_rng(seed)
    country = rng.integers(0, countries, n)
    effect = rng.normal(0, 1, countries)[country]
    strength = rng.normal(0, 1, n) + 0.8 * effect
    control = rng.normal(0, 1, n)
    noise = rng.normal(0, 1, n) * (0.5 + 0.5 * np.abs(strength))
    y = 1 + beta * strength + 0.3 * control + effect + noise
    return pd.DataFrame(
        {
            "y": y,
            "strength": strength,
            "control": control,
            "country": [f"C{c:02d}" for c in country],
        },
        index=[f"R{i:04d}" for i in range(n)],
    )
