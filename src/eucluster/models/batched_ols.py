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
    """The shared part of a block of models: which rows enter, the cluster of each (with its
    indicator matrix), and an orthonormal basis of everything partialled out (the constant or
    the country indicators, and the controls)."""

    rows: np.ndarray
    clusters: np.ndarray
    indicators: np.ndarray
    basis: np.ndarray
    parameters: int
    problem: str | None

    @property
    def nobs(self) -> int:
        return int(self.rows.sum())

    @property
    def n_clusters(self) -> int:
        return int(self.indicators.shape[1])

    def __call__(self, values: np.ndarray) -> np.ndarray:
        """Residuals of the columns of ``values`` (all rows of the block's frame; only the
        block's rows are returned) on the controls and fixed effects: two matrix products."""
        used = np.asarray(values, dtype=float)[self.rows]
        return used - self.basis @ (self.basis.T @ used)


def group_means(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each row replaced by the mean of its group (``groups``: integer codes 0..G-1)."""
    indicators = group_indicators(groups)
    counts = indicators.sum(axis=0)
    return indicators @ ((indicators.T @ values) / counts[:, None])


def group_indicators(groups: np.ndarray) -> np.ndarray:
    """Rows x groups matrix of 0/1: which group each row is in (group sums as one matrix
    product, much faster than ``np.add.at`` on thousands of columns)."""
    groups = np.asarray(groups)
    size = int(groups.max()) + 1 if groups.size else 0
    return (groups[:, None] == np.arange(size)[None, :]).astype(float)


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
        rows &= ~np.isin(labels, present[counts == 1])
    clusters = np.unique(labels[rows], return_inverse=True)[1]
    indicators = group_indicators(clusters)
    matrix = np.asarray(controls, dtype=float).reshape(len(labels), -1)[rows]
    if fixed_effects:
        absorbed = indicators / np.sqrt(np.maximum(indicators.sum(axis=0), 1.0))
    else:
        absorbed = np.full((len(clusters), 1), 1 / np.sqrt(max(len(clusters), 1)))
    if len(clusters):
        matrix = matrix - absorbed @ (absorbed.T @ matrix)
    control_basis = orthonormal_basis(matrix)
    problem = None
    if rows.sum() <= control_basis.shape[1] + absorbed.shape[1] + 1:
        problem = TOO_FEW_REGIONS
    elif indicators.shape[1] < 2:
        problem = TOO_FEW_CLUSTERS
    basis = np.hstack([absorbed, control_basis])
    return Residualiser(rows, clusters, indicators, basis, control_basis.shape[1] + 1, problem)


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


@dataclass(frozen=True)
class Columns:
    """Candidate regressors residualised on a block's controls and fixed effects, their sums
    of squares (per country and in all), and the ones collinear with the controls flagged:
    prepared once, used for every outcome."""

    residuals: np.ndarray
    squares_by_cluster: np.ndarray
    squares: np.ndarray
    collinear: np.ndarray


def prepare(block: Residualiser, columns: np.ndarray) -> Columns:
    """Residualise ``columns`` (all rows of the block's frame) for :func:`slopes`."""
    raw = np.asarray(columns, dtype=float).reshape(len(block.rows), -1)
    if block.problem:
        nothing = np.zeros((0, raw.shape[1]))
        return Columns(nothing, nothing, np.zeros(raw.shape[1]), np.zeros(raw.shape[1], bool))
    x = block(raw)
    by_cluster = block.indicators.T @ (x * x)
    squares = by_cluster.sum(axis=0)
    used = raw[block.rows]
    centred = used - used.mean(axis=0)
    total = np.maximum(np.einsum("ij,ij->j", centred, centred), 1e-300)
    return Columns(x, by_cluster, squares, squares <= COLLINEARITY_TOLERANCE * total)


def slopes(block: Residualiser, outcome: np.ndarray, columns: np.ndarray | Columns) -> Slopes:
    """The slope of ``outcome`` on each column of ``columns`` (all rows of the block's frame,
    or :func:`prepare`'d), one model per column with the block's controls and fixed effects.

    Each country's score ``sum_i x_i e_i = sum_i x_i y_i - b sum_i x_i^2`` comes from two
    products with the country indicators, so no residual matrix is ever formed."""
    if not isinstance(columns, Columns):
        columns = prepare(block, columns)
    width = columns.collinear.size
    if block.problem:
        empty = np.full(width, np.nan)
        reasons = np.full(width, block.problem, dtype=object)
        return Slopes(empty, empty, empty, reasons, block.nobs, block.n_clusters)
    y = block(np.asarray(outcome, dtype=float).reshape(-1, 1))[:, 0]
    collinear = columns.collinear
    weighted = np.column_stack([y, block.indicators * y[:, None]])
    products = weighted.T @ columns.residuals
    xx = np.where(collinear, 1.0, columns.squares)
    coef = products[0] / xx
    scores = products[1:] - coef * columns.squares_by_cluster
    n, groups = block.nobs, block.n_clusters
    factor = groups / (groups - 1) * (n - 1) / (n - block.parameters - 1)
    se = np.sqrt(factor * np.einsum("ij,ij->j", scores, scores)) / xx
    problem = np.where(collinear, COLLINEAR, None).astype(object)
    coef, se = np.where(collinear, np.nan, coef), np.where(collinear, np.nan, se)
    return Slopes(coef, se, coef / se, problem, n, groups)


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
