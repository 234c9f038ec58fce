"""Spillovers and spatially correlated errors in the main cross-section.

Two models answer two different questions about neighbouring regions:

* **SLX** (spatial lag of X): the main model plus the average strength of each region's
  ``k`` nearest neighbours. Its coefficient asks whether a region is more prosperous when its
  neighbours have strong clusters (commuting, suppliers, knowledge across the border); the
  model stays least squares with country fixed effects, so it keeps the clustered errors and
  the wild cluster bootstrap;
* **spatial error model** (``spreg.GM_Error_Het``, Arraiz, Drukker, Kelejian and Prucha's
  GMM estimator, robust to heteroskedasticity): the main model with errors that follow
  ``u = lambda W u + e``. It changes the weights of the observations, not the question, so
  a strength coefficient close to the main one says that the dependence Moran's I finds does
  not move the estimate.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster.models.estimation import Fit, ols
from eucluster.models.inference import WildBootstrap, wild_cluster_fit
from eucluster.models.spatial import knn_weights


def neighbour_mean(values: pd.Series, weights) -> pd.Series:
    """The weighted mean of ``values`` over each region's neighbours (row-standardised
    ``weights``; ids = the index of ``values``)."""
    ids = list(weights.id_order)
    matrix = weights.sparse
    lagged = matrix @ values.reindex(ids).to_numpy(dtype=float)
    return pd.Series(np.asarray(lagged).ravel(), index=ids, name="neighbour_strength")


@dataclass(frozen=True)
class Spillovers:
    """The SLX fit (with its wild bootstrap of the neighbours' coefficient) and the spatial
    error model's strength coefficient, error and lambda."""

    slx: Fit
    slx_wild: WildBootstrap
    error_coef: float
    error_se: float
    error_lambda: float
    k: int


def estimate_spillovers(main: Fit, geometries, *, k: int = 5, seed: int = 0) -> Spillovers:
    """SLX and spatial error versions of ``main`` (a country fixed-effects :class:`Fit` with a
    ``strength`` regressor); neighbours are the ``k`` nearest region centroids among its
    regions."""
    import spreg

    weights = knn_weights(geometries.loc[main.data.index], k=k)
    data = main.data.join(neighbour_mean(main.data["strength"], weights))
    slx = ols(
        data,
        main.outcome,
        ["strength", "neighbour_strength", *main.regressors[1:]],
        fixed_effects=main.fixed_effects,
        label="SLX",
    )
    slx_wild = wild_cluster_fit(slx, "neighbour_strength", seed=seed)
    exog = pd.DataFrame(main.result.model.exog, columns=main.result.model.exog_names)
    order = pd.Series(np.arange(len(main.data)), index=main.data.index).reindex(
        list(weights.id_order)
    )
    x = exog.drop(columns="const").to_numpy()[order.to_numpy()]
    y = np.asarray(main.result.model.endog, dtype=float)[order.to_numpy()].reshape(-1, 1)
    with warnings.catch_warnings():  # spreg's own pandas deprecations, not ours
        warnings.simplefilter("ignore", DeprecationWarning)
        model = spreg.GM_Error_Het(y, x, weights)
    position = 1 + list(exog.columns.drop("const")).index("strength")
    return Spillovers(
        slx=slx,
        slx_wild=slx_wild,
        error_coef=float(model.betas[position, 0]),
        error_se=float(np.sqrt(model.vm[position, position])),
        error_lambda=float(model.betas[-1, 0]),
        k=k,
    )
