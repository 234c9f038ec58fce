"""Time whole-array LQs and nodes against the plain-loop reference on the full SBS data.

Run from the repository root: ``.venv/bin/python benchmarks/bench_nodes.py``. For every year of
``sbs_r_nuts06_r2`` it builds the NUTS 2 x division matrix (unpublished cells excluded), then
times ``eucluster.measures.specialisation.nodes`` and its loop oracle ``nodes_loop`` (in
``tests/oracles.py``) on the same matrices in one process, checks that both give the same
nodes, prints the ratio and writes it to ``benchmarks/results/nodes.json``. Each timing is
the best of ``REPEATS`` runs over all years, the usual way to take noise from other processes
out of a wall-clock measure.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.measures import sbs_employment
from eucluster.measures import specialisation as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the oracle lives in tests/
from tests.oracles import nodes_loop  # noqa: E402

REPEATS = 5
RESULT = Path(__file__).resolve().parent / "results" / "nodes.json"


def matrices() -> list[pd.DataFrame]:
    """One filled region x division matrix per year of the data."""
    sbs = data.load("sbs_r_nuts06_r2")
    years = sorted(sbs["year"].unique().tolist())
    return [
        sbs_employment.employment_matrix(sbs, year).filled("exclude").employment for year in years
    ]


def best_time(function, frames: list[pd.DataFrame]) -> float:
    """Fastest of ``REPEATS`` passes of ``function`` over all frames, in seconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for frame in frames:
            function(frame)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> dict:
    frames = matrices()
    for frame in frames:
        fast, slow = sp.nodes(frame), nodes_loop(frame)
        for kind in sp.NODE_KINDS:
            if not np.array_equal(getattr(fast, kind).to_numpy(), getattr(slow, kind).to_numpy()):
                raise AssertionError(f"nodes and nodes_loop disagree on {kind}")
    vectorised = best_time(sp.nodes, frames)
    loop = best_time(nodes_loop, frames)
    result = {
        "dataset": "sbs_r_nuts06_r2 (2017 vintage), V16110, NUTS 2, suppressed='exclude'",
        "matrices": len(frames),
        "cells": int(sum(frame.size for frame in frames)),
        "repeats": REPEATS,
        "seconds_vectorised": round(vectorised, 4),
        "seconds_loop": round(loop, 4),
        "ratio_loop_over_vectorised": round(loop / vectorised, 1),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "machine": platform.machine(),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"{result['cells']:,} cells in {result['matrices']} matrices: vectorised "
        f"{vectorised:.3f} s, loop {loop:.3f} s, loop / vectorised = "
        f"{result['ratio_loop_over_vectorised']}"
    )
    return result


if __name__ == "__main__":
    main()
