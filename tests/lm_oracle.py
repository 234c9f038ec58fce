"""Test oracle: Anselin's Lagrange multiplier tests written out with dense matrices.

The book takes the tests from spreg (:func:`eucluster.models.spatial.lagrange_multiplier`);
this is the formula the project used before, kept here, not in ``src/``, so that the unit
tests can check spreg against an independent computation on a toy example.
"""

from __future__ import annotations

import numpy as np


def lagrange_multiplier(y: np.ndarray, x: np.ndarray, w: np.ndarray) -> dict[str, float]:
    """LM tests for a spatial error and a spatial lag in the OLS regression of ``y`` on ``x``
    (``x`` includes the constant), with a dense weights matrix ``w`` (Anselin, Bera, Florax
    & Yoon 1996).

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
    t = float(np.trace((w.T + w) @ w))
    wxb = w @ (x @ beta)
    projection = x @ np.linalg.pinv(x.T @ x) @ x.T
    d = float(wxb @ (wxb - projection @ wxb)) / s2 + t
    score_error = float(e @ (w @ e)) / s2
    score_lag = float(e @ (w @ y)) / s2
    return {
        "lm_error": score_error**2 / t,
        "lm_lag": score_lag**2 / d,
        "robust_lm_error": (score_error - t / d * score_lag) ** 2 / (t - t**2 / d),
        "robust_lm_lag": (score_lag - score_error) ** 2 / (d - t),
    }
