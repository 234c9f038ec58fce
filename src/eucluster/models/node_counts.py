"""Count models of specialisation nodes per region: is the weak/non-weak gap a size effect?

The ECCP paper's Table 1 compares mean node counts of weak and non-weak regions. An
industry-relevant node needs the region to hold more than a share (1 %) of the sector's
European employment, which large regions pass more easily, and weak regions differ in size
from the others. So the gap in node counts may be a size gap. This module fits a count model
of nodes per region on the weak label, without and with region size (log employment) as a
regressor, and reports the incidence-rate ratio (IRR) of weak regions: the factor by which a
weak region's expected count differs from a non-weak one of the same size.

* The model is Poisson (a quasi-likelihood estimator: consistent when the mean is right,
  whatever the dispersion) or negative binomial (NB2, which models overdispersion);
  :func:`overdispersion` says which one the data prefer (a likelihood-ratio test of the NB
  dispersion against zero, on the boundary, hence the halved chi-square p-value).
* Standard errors are clustered by country: weak regions sit in a few countries, and regions
  of one country share institutions, data and statistical practice, so they are not
  independent draws (statsmodels ``cov_type="cluster"``).
* :func:`fixed_effects` adds country fixed effects, which compare weak and non-weak regions of
  the same country only. Single-region countries and countries whose regions are all weak or
  all non-weak then say nothing about the weak label; the result reports how many remain.

The country-block bootstrap of the same models is in :mod:`eucluster.models.country_bootstrap`,
which uses :func:`weighted_fits` (many frequency-weighted fits at once).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.tools.sm_exceptions import ConvergenceWarning, HessianInversionWarning

from eucluster import parameters
from eucluster.measures import specialisation as sp

#: The count models the chapter's ``model`` parameter chooses between.
COUNT_MODELS = ("poisson", "negbin")
MODEL_NAMES = {"poisson": "Poisson", "negbin": "negative binomial"}
#: Interval level of every interval in this module and the bootstrap.
LEVEL = 0.95
#: Significance level of the overdispersion test.
ALPHA = 0.05
#: A negative binomial dispersion below this is zero: the model is then the Poisson model.
ZERO_DISPERSION = 1e-6


def count_model(value: object) -> str:
    """The chapter's ``model`` parameter: one of :data:`COUNT_MODELS`."""
    return parameters.choice(
        value,
        "model",
        COUNT_MODELS,
        "'poisson' (quasi-likelihood, robust to dispersion with clustered errors) or 'negbin' "
        "(negative binomial NB2)",
    )


def region_frame(nodes: pd.DataFrame) -> pd.DataFrame:
    """The regions of :func:`eucluster.measures.node_frames.region_nodes` that have a
    weak/non-weak label, as the models use them: both node counts (int), ``weak`` (bool),
    ``country`` and ``employment`` (the denominator of the run: business-economy employment,
    or the Labour Force Survey total), the size the models adjust for. Unlabelled regions are
    left out, as in Table 1."""
    labelled = nodes[nodes["weak"].notna()]
    frame = labelled[list(sp.NODE_KINDS)].astype(int)
    frame["weak"] = labelled["weak"].astype(bool)
    frame["country"] = labelled["country"].astype(str)
    frame["employment"] = labelled["employment"].astype(float)
    return frame


def design(frame: pd.DataFrame, *, adjusted: bool) -> pd.DataFrame:
    """The regressors: a constant, the weak dummy and, when ``adjusted``, log employment."""
    columns = {"const": 1.0, "weak": frame["weak"].astype(float)}
    if adjusted:
        columns["log_employment"] = np.log(frame["employment"])
    return pd.DataFrame(columns, index=frame.index)


@dataclass(frozen=True)
class CountFit:
    """The weak IRR of one model with its country-clustered interval."""

    kind: str
    model: str
    adjusted: bool
    irr: float
    low: float
    high: float
    size_elasticity: float  # coefficient of log employment (nan when not adjusted)
    dispersion: float  # NB2 alpha (0 for Poisson)
    log_likelihood: float
    aic: float
    params: pd.Series
    clusters: int


def _cluster_codes(frame: pd.DataFrame) -> np.ndarray:
    return pd.factorize(frame["country"])[0]


def fit(frame: pd.DataFrame, kind: str, *, model: str, adjusted: bool) -> CountFit:
    """Fit ``model`` of the ``kind`` node counts with country-clustered standard errors.

    When the counts are no more dispersed than Poisson counts, the negative binomial's
    dispersion estimate runs to the edge of its range (zero); statsmodels then warns that the
    fit did not converge or that its Hessian cannot be inverted, and its standard errors are
    missing. A negative binomial with zero dispersion *is* the Poisson model, so below
    :data:`ZERO_DISPERSION` the fit is stated as the Poisson fit with ``dispersion`` 0 (the
    rule is part of the model, recorded in ``dispersion``, not a fallback on failure).
    """
    count_model(model)
    exog = design(frame, adjusted=adjusted)
    groups = {"groups": _cluster_codes(frame)}
    result = sm.GLM(frame[kind], exog, family=sm.families.Poisson()).fit(
        cov_type="cluster", cov_kwds=groups
    )
    dispersion = 0.0
    if model == "negbin":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            warnings.simplefilter("ignore", HessianInversionWarning)
            warnings.simplefilter("ignore", RuntimeWarning)
            negbin = sm.NegativeBinomial(frame[kind], exog).fit(
                cov_type="cluster", cov_kwds=groups, disp=0, maxiter=200
            )
        if negbin.params["alpha"] >= ZERO_DISPERSION:
            result, dispersion = negbin, float(negbin.params["alpha"])
    low, high = np.exp(result.conf_int(alpha=1 - LEVEL).loc["weak"])
    return CountFit(
        kind=kind,
        model=model,
        adjusted=adjusted,
        irr=float(np.exp(result.params["weak"])),
        low=float(low),
        high=float(high),
        size_elasticity=float(result.params.get("log_employment", np.nan)),
        dispersion=dispersion,
        log_likelihood=float(result.llf),
        aic=float(result.aic) + (2.0 if model == "negbin" and dispersion == 0 else 0.0),
        params=result.params,
        clusters=int(len(set(groups["groups"]))),
    )


@dataclass(frozen=True)
class Overdispersion:
    """Poisson against negative binomial for one node kind and design."""

    kind: str
    alpha: float
    likelihood_ratio: float
    p_value: float
    aic_poisson: float
    aic_negbin: float

    @property
    def overdispersed(self) -> bool:
        """The NB dispersion differs from zero at :data:`ALPHA`."""
        return self.p_value < ALPHA


def overdispersion(frame: pd.DataFrame, kind: str, *, adjusted: bool = True) -> Overdispersion:
    """Likelihood-ratio test of the NB2 dispersion against zero (Poisson). Zero is the edge of
    the parameter space, so the statistic is a 50:50 mixture of a point mass at zero and a
    chi-square with one degree of freedom: the p-value is half the chi-square tail."""
    poisson = fit(frame, kind, model="poisson", adjusted=adjusted)
    negbin = fit(frame, kind, model="negbin", adjusted=adjusted)
    ratio = max(0.0, 2 * (negbin.log_likelihood - poisson.log_likelihood))
    p_value = 1.0 if ratio == 0 else 0.5 * float(stats.chi2.sf(ratio, 1))
    return Overdispersion(kind, negbin.dispersion, ratio, p_value, poisson.aic, negbin.aic)


@dataclass(frozen=True)
class FixedEffectsFit:
    """The weak IRR within countries (Poisson with country dummies, size-adjusted)."""

    kind: str
    irr: float
    low: float
    high: float
    regions: int
    countries: int
    single_region_countries: list[str]
    zero_count_countries: list[str]
    mixed_countries: list[str]  # countries with weak and non-weak regions: they identify it


def fixed_effects(frame: pd.DataFrame, kind: str) -> FixedEffectsFit:
    """Size-adjusted Poisson with country fixed effects and country-clustered errors.

    A country with one region has a dummy that fits that region exactly, and a country whose
    regions have no node of ``kind`` at all has a dummy whose estimate runs to minus infinity;
    both are dropped before the fit (and listed), since they carry no information on the weak
    label. Of the rest, only countries with both weak and non-weak regions identify the IRR.
    """
    per_country = frame.groupby("country")
    sizes = per_country.size()
    singles = sorted(sizes.index[sizes == 1])
    totals = per_country[kind].sum()
    zero = sorted(set(totals.index[totals == 0]) - set(singles))
    kept = frame[~frame["country"].isin(singles + zero)]
    mixed = kept.groupby("country")["weak"].agg(lambda flags: 0 < flags.sum() < len(flags))
    exog = design(kept, adjusted=True)
    dummies = pd.get_dummies(kept["country"], drop_first=True, dtype=float)
    result = sm.GLM(
        kept[kind], pd.concat([exog, dummies], axis=1), family=sm.families.Poisson()
    ).fit(cov_type="cluster", cov_kwds={"groups": _cluster_codes(kept)})
    low, high = np.exp(result.conf_int(alpha=1 - LEVEL).loc["weak"])
    return FixedEffectsFit(
        kind=kind,
        irr=float(np.exp(result.params["weak"])),
        low=float(low),
        high=float(high),
        regions=len(kept),
        countries=int(kept["country"].nunique()),
        single_region_countries=singles,
        zero_count_countries=zero,
        mixed_countries=sorted(mixed.index[mixed]),
    )


def weighted_fits(
    exog: np.ndarray,
    counts: np.ndarray,
    weights: np.ndarray,
    start: np.ndarray,
    *,
    dispersion: float = 0.0,
    max_iterations: int = 50,
    tolerance: float = 1e-10,
) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients of a log-link count model for many frequency-weight vectors at once.

    ``weights`` is (draws x regions); each row is one bootstrap sample expressed as how often
    each region was drawn. The model is Poisson (``dispersion`` 0) or NB2 with its dispersion
    held fixed (the full-sample estimate), whose score is
    ``sum w x (y - mu) / (1 + alpha mu)``. Fisher scoring runs on all draws together.

    Hand-written because statsmodels fits one sample per call: the country bootstrap needs
    thousands of fits per model, and one batched Newton step over a (draws x regions) array
    costs about what one statsmodels fit does. ``tests/test_node_counts.py`` checks each draw
    against statsmodels' GLM with ``freq_weights``.

    Returns ``(coefficients, converged)``; a draw is not converged when its information matrix
    is singular (e.g. no weak region drawn) or the steps do not settle, and its coefficients
    are then NaN. Callers count such draws and say so.
    """
    draws = weights.shape[0]
    beta = np.tile(np.asarray(start, float), (draws, 1))
    converged = np.zeros(draws, bool)
    active = np.ones(draws, bool)
    for _ in range(max_iterations):
        eta = np.clip(beta[active] @ exog.T, -30, 30)
        mu = np.exp(eta)
        scale = 1.0 + dispersion * mu
        w = weights[active]
        score = ((w * (counts - mu) / scale) @ exog)[..., None]
        information = np.einsum("dn,ni,nj->dij", w * mu / scale, exog, exog)
        solvable = np.linalg.matrix_rank(information) == exog.shape[1]
        step = np.full(score.shape[:2], np.nan)
        step[solvable] = np.linalg.solve(information[solvable], score[solvable])[..., 0]
        index = np.flatnonzero(active)
        beta[index] = beta[index] + step
        settled = np.abs(step).max(axis=1) < tolerance
        converged[index[settled]] = True
        active[index[settled | ~solvable]] = False
        if not active.any():
            break
    beta[~converged] = np.nan
    return beta, converged
