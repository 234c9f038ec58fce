"""Time the batched specification curve against the same fits one by one with pyfixest.

Run from the repository root: ``.venv/bin/python benchmarks/bench_curve.py``. It builds the
curve chapter's data at its defaults (:func:`eucluster.models.curve_grid.curve_data`, traded
and all divisions), then

* times :func:`eucluster.models.joint_curve.estimate_curve` with the chapter's 500 null
  draws: every specification of the grid plus every specification of every null curve, the
  ``fits``;
* times :func:`pyfixest.feols` (CRV1 by country) on a random subset of :data:`LOOP_SAMPLE`
  of the observed specifications and scales the time per fit to all ``fits``: the full loop
  would take hours (the JSON says so under ``loop``);
* checks on that subset that batched and per-model coefficients and standard errors agree.

The batched timing is the best of :data:`REPEATS` runs, the usual way to take noise from other
processes out of a wall-clock measure. Writes ``benchmarks/results/curve.json``.
"""

from __future__ import annotations

import json
import os
import platform
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyfixest as pf

from eucluster.measures import traded
from eucluster.models import curve_grid, joint_curve, regression_data

DRAWS = 500
REPEATS = 3
LOOP_SAMPLE = 200
YEARS = (2008, 2009, 2010)
RESULT = Path(__file__).resolve().parent / "results" / "curve.json"


def model_frame(data: curve_grid.CurveData, row: pd.Series) -> tuple[pd.DataFrame, str]:
    """The rows and formula of one specification, as pyfixest takes them."""
    column = "|".join([row["measure"], row["scope"], row["threshold"], row["suppressed"]])
    outcome = curve_grid.outcome_column(row["design"], row["outcome"])
    controls = [*curve_grid.CONTROL_SETS[row["controls"]]]
    base = curve_grid.base_column(row["design"])
    controls += [base] if base else []
    frame = data.frame.assign(strength=data.strength[column], y=data.frame[outcome])
    frame = frame[curve_grid.in_sample(frame, row["sample"])]
    frame = frame[["y", "strength", "country", *controls]].dropna()
    formula = "y ~ " + " + ".join(["strength", *controls])
    if row["fixed_effects"] == "country":
        formula += " | country"
    return frame, formula


def main() -> None:
    full, _ = regression_data.analysis_frame(strength_years=YEARS)
    data = curve_grid.curve_data(full, YEARS, traded.traded_divisions(years=YEARS))
    batched = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = joint_curve.estimate_curve(data, draws=DRAWS, seed=0, alpha=0.05)
        batched.append(time.perf_counter() - start)
    fits = len(result.curve) * (1 + DRAWS)
    subset = result.estimated.sample(LOOP_SAMPLE, random_state=0)
    differences = []
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    for _, row in subset.iterrows():
        frame, formula = model_frame(data, row)
        fit = pf.feols(formula, data=frame, vcov={"CRV1": "country"})
        differences.append(
            max(
                abs(fit.coef()["strength"] - row["coef"]),
                abs(fit.se()["strength"] - row["se"]),
            )
        )
    per_fit = (time.perf_counter() - start) / LOOP_SAMPLE
    seconds_loop = per_fit * fits
    payload = {
        "fits": int(fits),
        "specifications": int(len(result.curve)),
        "draws": DRAWS,
        "seconds_batched": round(min(batched), 3),
        "seconds_batched_runs": [round(t, 3) for t in batched],
        "seconds_loop": round(seconds_loop, 1),
        "loop": f"pyfixest.feols (CRV1 by country) timed on {LOOP_SAMPLE} random observed "
        f"specifications ({per_fit * 1000:.1f} ms per fit) and scaled to all fits; the full "
        f"loop would take about {seconds_loop / 3600:.0f} hours",
        "ratio": round(seconds_loop / min(batched), 1),
        "max_abs_difference_coef_or_se": float(np.max(differences)),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f} at the end (shared with other jobs)",
    }
    RESULT.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
