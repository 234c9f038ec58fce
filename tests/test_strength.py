"""Cluster-strength measures on matrices small enough to compute by hand."""

import numpy as np
import pandas as pd
import pytest

from eucluster.measures import specialisation, strength

# Three regions, three sectors. Column sums 120 / 120 / 120, total 360, so every sector's
# benchmark share is 1/3 and LQ = 3 x (the sector's share of regional employment).
EMPLOYMENT = pd.DataFrame(
    {"A": [100.0, 10.0, 10.0], "B": [10.0, 100.0, 10.0], "C": [10.0, 10.0, 100.0]},
    index=["r1", "r2", "r3"],
)


def test_node_count_and_share_by_hand():
    found = specialisation.nodes(EMPLOYMENT)
    # r1: A share 100/120 -> LQ 2.5 (node); B, C share 10/120 -> LQ 0.25.
    assert strength.node_count(found).tolist() == [1, 1, 1]
    share = strength.node_employment_share(EMPLOYMENT, found)
    assert share.tolist() == pytest.approx([100 / 120] * 3)


def test_node_threshold_binds():
    assert strength.node_count(specialisation.nodes(EMPLOYMENT, lq_threshold=2.4)).sum() == 3
    assert strength.node_count(specialisation.nodes(EMPLOYMENT, lq_threshold=2.6)).sum() == 0


def test_star_clusters_by_hand():
    # With top_share = 1/3 each sector's single largest cell (rank 1 <= 1/3 * 3) is in the
    # top; r1-A: size, LQ 2.5 >= 2, focus (share 0.83 is the top in sector A) -> 3 stars.
    stars = strength.star_clusters(EMPLOYMENT, top_share=1 / 3)
    assert stars.stars.loc["r1", "A"] == 3
    assert stars.stars.loc["r1", "B"] == 0
    assert stars.strong_share.tolist() == pytest.approx([100 / 120] * 3)
    two_lq = strength.star_clusters(EMPLOYMENT, top_share=1 / 3, specialisation_lq=3.0)
    assert two_lq.stars.loc["r1", "A"] == 2


def test_benchmark_strong_clusters_by_hand():
    # Sector A LQs: 2.5, 0.25, 0.25 -> 75th percentile (linear) = 1.375; employment 25th
    # percentile = 10, so only r1-A (LQ 2.5 >= 1.375 and >= 1, 100 > 10) is strong.
    result = strength.benchmark_strong_clusters(EMPLOYMENT)
    assert result.lq_cutoff["A"] == pytest.approx(1.375)
    assert result.employment_floor["A"] == pytest.approx(10.0)
    assert result.strong.to_numpy().sum() == 3
    assert result.strong_share.tolist() == pytest.approx([100 / 120] * 3)


def test_benchmark_min_lq_binds():
    flat = pd.DataFrame({"A": [10.0, 11.0, 12.0, 13.0], "B": [10.0, 9.0, 8.0, 7.0]})
    result = strength.benchmark_strong_clusters(flat, min_lq=1.2)
    assert not result.strong.to_numpy().any()


def test_measures_has_every_measure_and_valid_ranges():
    rng = np.random.default_rng(1)
    jobs = pd.DataFrame(rng.integers(1, 1000, size=(30, 8)).astype(float))
    jobs.index = [f"r{i}" for i in range(30)]
    jobs.columns = [f"S{j}" for j in range(8)]
    table = strength.measures(jobs)
    assert list(table.columns) == list(strength.MEASURES)
    shares = table[["node_share", "star_share", "benchmark_share"]]
    assert ((shares >= 0) & (shares <= 1)).all().all()
    assert (table["node_count"] >= 0).all()
