"""Many least-squares slopes at once: one outcome, many candidate regressors, shared controls.

A specification curve fits thousands of models that differ only in which strength column
enters; the null draws of its joint test (strength permuted within countries) are thousands
more. Models that share a sample, controls and fixed effects share everything but that one
column, so by the Frisch-Waugh-Lovell theorem each slope is the slope of the outcome's
residual on the column's residual, both residualised on the controls and fixed effects once:

    b_j = x_j' y / x_j' x_j            (x_j, y residualised on the controls and fixed effects)

and its country-clustered (CRV1) variance is the corresponding element of the sandwich,

    V_j = c * sum_g (sum_{i in g} x_ij e_ij)^2 / (x_j' x_j)^2,   e_j = y - b_j x_j,

with pyfixest's small-sample factor ``c = G/(G-1) * (N-1)/(N-K)``, ``K`` the slopes plus one
(pyfixest counts fixed effects nested in the clusters as one parameter), singleton countries
dropped under country fixed effects (pyfixest's ``fixef_rm="singleton"``) and p-values from
Student's t with ``G-1`` degrees of freedom. All columns are handled in a few matrix products
instead of one library call each: no library offers this stacking, so it is written here and
tested against :func:`pyfixest.feols` model by model (``tests/test_batched_ols.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

#: A strength column whose residual keeps less than this share of its own variation is taken
#: as collinear with the controls and fixed effects (pyfixest's ``collin_tol`` is 1e-9).
COLLINEARITY_TOLERANCE = 1e-9

#: Reasons a slope cannot be estimated, as the curve reports them.
TOO_FEW_REGIONS = "too few regions for the controls and fixed effects"
TOO_FEW_CLUSTERS = "fewer than two countries to cluster on"
COLLINEAR = "strength collinear with the controls and fixed effects"


@dataclass(frozen=True)
class Residualiser:
    """The shared part of a block of models: which rows enter, the cluster of each, and an
    orthonormal basis of the controls (after removing country means under fixed effects)."""

    rows: np.ndarray
    clusters: np.ndarray
    basis: np.ndarray
    fixed_effects: bool
    parameters: int
    problem: str | None

    @property
    def nobs(self) -> int:
        return int(self.rows.sum())

    @property
    def n_clusters(self) -> int:
        return int(len(np.unique(self.clusters)))

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """Residuals of the columns of ``values`` (all rows of the block's frame; only the
        block's rows are returned) on the controls and fixed effects."""
        used = np.asarray(values, dtype=float)[self.rows]
        if self.fixed_effects:
            used = used - group_means(used, self.clusters)
        else:
            used = used - used.mean(axis=0)
        if self.basis.shape[1]:
            used = used - self.basis @ (self.basis.T @ used)
        return used


def group_means(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each row replaced by the mean of its group (``groups``: integer codes 0..G-1)."""
    counts = np.bincount(groups).astype(float)
    sums = np.zeros((counts.size, values.shape[1]))
    np.add.at(sums, groups, values)
    return (sums / counts[:, None])[groups]


def residualiser(
    controls: np.ndarray, countries: np.ndarray, *, fixed_effects: bool, complete: np.ndarray
) -> Residualiser:
    """Prepare the residualisation of a block: ``controls`` (rows x controls, may have no
    columns), ``countries`` (one label per row, the clusters and fixed effects), and
    ``complete`` (rows with an outcome and every control)."""
    rows = np.asarray(complete, dtype=bool).copy()
    labels = np.asarray(countries)
    if fixed_effects:
        present, counts = np.unique(labels[rows], return_counts=True)
        singletons = present[counts == 1]
        rows &= ~np.isin(labels, singletons)
    clusters = np.unique(labels[rows], return_inverse=True)[1]
    matrix = np.asarray(controls, dtype=float).reshape(len(labels), -1)[rows]
    if fixed_effects and len(clusters):
        matrix = matrix - group_means(matrix, clusters)
    elif len(clusters):
        matrix = matrix - matrix.mean(axis=0)
    basis = orthonormal_basis(matrix)
    absorbed = (clusters.max() + 1 if len(clusters) else 0) if fixed_effects else 1
    parameters = basis.shape[1] + 1
    problem = None
    if rows.sum() <= basis.shape[1] + absorbed + 1:
        problem = TOO_FEW_REGIONS
    elif len(np.unique(clusters)) < 2:
        problem = TOO_FEW_CLUSTERS
    return Residualiser(rows, clusters, basis, fixed_effects, parameters, problem)


def orthonormal_basis(matrix: np.ndarray) -> np.ndarray:
    """An orthonormal basis of the column space of ``matrix`` (columns that add nothing,
    collinear with the others, are dropped as pyfixest drops them)."""
    if matrix.shape[1] == 0 or matrix.shape[0] == 0:
        return np.zeros((matrix.shape[0], 0))
    left, singular, _ = np.linalg.svd(matrix, full_matrices=False)
    keep = singular > COLLINEARITY_TOLERANCE * max(singular.max(), 1.0) * max(matrix.shape)
    return left[:, keep]


@dataclass(frozen=True)
class Slopes:
    """Slopes of one outcome on many columns, each in its own model: coefficient, CRV1
    standard error, t statistic and p-value per column (NaN where ``problem`` names why the
    column's model cannot be estimated)."""

    coef: np.ndarray
    se: np.ndarray
    tstat: np.ndarray
    problem: np.ndarray
    nobs: int
    n_clusters: int

    @property
    def pvalue(self) -> np.ndarray:
        return 2 * stats.t.sf(np.abs(self.tstat), self.n_clusters - 1)

    def critical_t(self, alpha: float) -> float:
        """The |t| above which a slope is significant at ``alpha`` (two-sided)."""
        return float(stats.t.isf(alpha / 2, self.n_clusters - 1))


def slopes(
    block: Residualiser, outcome: np.ndarray, columns: np.ndarray, *, residualised_outcome=None
) -> Slopes:
    """The slope of ``outcome`` on each column of ``columns`` (all rows of the block's frame),
    one model per column with the block's controls and fixed effects, in one vectorised step.
    ``residualised_outcome`` saves recomputing the outcome's residual across calls."""
    width = np.asarray(columns).reshape(len(block.rows), -1).shape[1]
    if block.problem:
        empty = np.full(width, np.nan)
        return Slopes(empty, empty, empty, np.full(width, block.problem, dtype=object),
                      block.nobs, block.n_clusters)  # fmt: skip
    y = (
        block(np.asarray(outcome, dtype=float).reshape(-1, 1))[:, 0]
        if residualised_outcome is None
        else residualised_outcome
    )
    raw = np.asarray(columns, dtype=float).reshape(len(block.rows), -1)
    x = block(raw)
    centred = raw[block.rows] - raw[block.rows].mean(axis=0)
    xx = np.einsum("ij,ij->j", x, x)
    collinear = xx <= COLLINEARITY_TOLERANCE * np.maximum(
        np.einsum("ij,ij->j", centred, centred), 1e-300
    )
    safe = np.where(collinear, 1.0, xx)
    coef = (x.T @ y) / safe
    errors = y[:, None] - x * coef
    scores = np.zeros((block.n_clusters, x.shape[1]))
    np.add.at(scores, block.clusters, x * errors)
    n, groups = block.nobs, block.n_clusters
    factor = groups / (groups - 1) * (n - 1) / (n - block.parameters - 1)
    se = np.sqrt(factor * (scores**2).sum(axis=0)) / safe
    problem = np.where(collinear, COLLINEAR, None).astype(object)
    coef, se = np.where(collinear, np.nan, coef), np.where(collinear, np.nan, se)
    return Slopes(coef, se, coef / se, problem, n, groups)


def residualised_outcome(block: Residualiser, outcome: np.ndarray) -> np.ndarray | None:
    """The outcome's residual in ``block`` (None when the block cannot be estimated)."""
    if block.problem:
        return None
    return block(np.asarray(outcome, dtype=float).reshape(-1, 1))[:, 0]


def within_permutations(countries: np.ndarray, draws: int, seed: int) -> np.ndarray:
    """``draws`` permutations of the rows, each moving rows only within their country: row
    ``i`` of draw ``d`` takes the values of row ``perm[d, i]`` (seeded, reproducible)."""
    labels = np.unique(np.asarray(countries), return_inverse=True)[1]
    order = np.argsort(labels, kind="stable")
    rng = np.random.default_rng(seed)
    keys = labels[order][None, :] + rng.random((draws, len(labels)))
    shuffled = order[np.argsort(keys, axis=1)]
    perm = np.empty_like(shuffled)
    perm[:, order] = shuffled
    return perm
