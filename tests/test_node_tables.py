"""Recomputed ECCP node tables: parameters, group comparisons and the threshold grid."""

import numpy as np
import pandas as pd
import pytest

from eucluster.geo import weakness
from eucluster.measures import node_tables, weak_gap
from eucluster.measures import specialisation as sp

RNG = np.random.default_rng(3)
EMPLOYMENT = pd.DataFrame(
    RNG.integers(0, 400, size=(30, 12)).astype(float),
    index=[f"AT{i:02d}" for i in range(30)],
    columns=[f"C{j + 10}" for j in range(12)],
)
WEAK = pd.Series([i % 3 == 0 for i in range(30)], index=EMPLOYMENT.index)


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"lq_threshold": "high"}, TypeError, "must be a number"),
        ({"regional_share": 1.0}, ValueError, "fraction"),
        ({"industry_share": -0.1}, ValueError, "fraction"),
        ({"year": 2020}, ValueError, "between 2008 and 2015"),
        ({"year": 2014.0}, TypeError, "integer"),
        ({"suppressed": "drop"}, ValueError, "suppressed must be one of"),
        ({"geo_level": 3}, ValueError, "geo_level"),
        ({"benchmark": "EU15"}, ValueError, "EU27"),
        ({"seed": -1}, ValueError, "seed"),
        ({"denominator": "gdp"}, ValueError, "denominator must be one of"),
    ],
)
def test_parameters_are_checked_before_any_computation(changes, error, message):
    with pytest.raises(error, match=message):
        node_tables.NodeParameters(**changes)


def test_default_parameters_are_the_papers_thresholds():
    assert node_tables.NodeParameters().thresholds == {
        "lq_threshold": 1.5,
        "regional_share_threshold": 0.01,
        "industry_share_threshold": 0.01,
    }


def test_compare_groups_by_hand_and_reproducible():
    values = pd.Series([1.0, 2.0, 3.0, 5.0, 6.0, 7.0], index=list("abcdef"))
    weak = pd.Series([True, True, True, False, False, False], index=values.index)
    first = weak_gap.compare_groups(values, weak, seed=1, n_bootstrap=500)
    assert first.difference == pytest.approx(-4.0)
    assert first.ci_low <= -4.0 <= first.ci_high
    assert first.mann_whitney_u == 0.0  # every weak value is below every non-weak value
    assert first == weak_gap.compare_groups(values, weak, seed=1, n_bootstrap=500)
    assert first != weak_gap.compare_groups(values, weak, seed=2, n_bootstrap=500)


def test_bootstrap_interval_is_the_hand_written_resampling_it_replaced():
    """scipy.stats.bootstrap draws the same resamples as the loop it replaced (weak group
    first, then non-weak, each with one integer draw per resample and observation), so the
    published intervals do not move."""
    rng = np.random.default_rng(11)
    values = pd.Series(rng.integers(0, 15, 90).astype(float), index=[f"R{i}" for i in range(90)])
    weak = pd.Series([i % 3 == 0 for i in range(90)], index=values.index)
    for seed in (0, 2021):
        test = weak_gap.compare_groups(values, weak, seed=seed, n_bootstrap=2000)
        resampling = np.random.default_rng(seed)
        weak_values, other_values = values[weak].to_numpy(), values[~weak].to_numpy()
        weak_means = resampling.choice(weak_values, size=(2000, weak_values.size)).mean(axis=1)
        other_means = resampling.choice(other_values, size=(2000, other_values.size)).mean(axis=1)
        low, high = np.quantile(weak_means - other_means, [0.025, 0.975])
        assert (test.ci_low, test.ci_high) == pytest.approx((low, high), rel=1e-12)


def test_variants_change_one_choice_each():
    variants = weak_gap.one_at_a_time(node_tables.NodeParameters())
    assert variants["this chapter"] == {}
    assert variants["2010"] == {"year": 2010} and "2014" not in variants
    assert variants["EU-28 benchmark"] == {"benchmark": "EU28"}
    assert variants["NUTS 1"] == {"geo_level": 1}
    assert variants[weak_gap.denominator_label("lfs")] == {"denominator": "lfs"}
    assert variants["suppressed: bound"] == {"suppressed": "bound"}
    for changes in variants.values():
        node_tables.NodeParameters().replace(**changes)  # every variant is a valid run


def test_threshold_grid_agrees_with_nodes_at_each_point():
    found = sp.nodes(EMPLOYMENT)
    grid = weak_gap.threshold_grid(found, WEAK, [1.25, 1.5], [0.01, 0.05])
    assert len(grid) == 2 * 2 * 2
    for _, row in grid.iterrows():
        kind = row["node_kind"]
        share = {"regional_share_threshold": row["share_threshold"]}
        if kind == "industry_relevant":
            share = {"industry_share_threshold": row["share_threshold"]}
        direct = sp.node_counts(sp.nodes(EMPLOYMENT, row["lq_threshold"], **share))[kind]
        assert row["weak"] == pytest.approx(direct[WEAK].mean())
        assert row["non_weak"] == pytest.approx(direct[~WEAK].mean())


def test_table1_puts_published_values_beside_recomputed_ones():
    counts = sp.node_counts(sp.nodes(EMPLOYMENT))
    table = node_tables.table1(counts, WEAK)
    assert table.loc["industry_relevant", "published_weak"] == 4.8
    assert table.loc["regional_relevant", "published_non_weak"] == 7.2
    expected = counts.loc[WEAK, "regional_relevant"].mean() - 7.9
    assert table.loc["regional_relevant", "deviation_weak"] == pytest.approx(expected)
    assert table["n_weak"].tolist() == [10, 10]


def test_regions_without_a_class_are_left_out_and_listed():
    weak = WEAK.astype("boolean")
    weak.iloc[0] = pd.NA
    assert weakness.unclassified(EMPLOYMENT.index, weak) == ["AT00"]
    assert len(weakness.classified(EMPLOYMENT.index, weak)) == 29


def test_one_sided_classification_is_refused():
    with pytest.raises(ValueError, match="both groups need regions"):
        weakness.classified(EMPLOYMENT.index, pd.Series(True, index=EMPLOYMENT.index))


def test_weak_by_parent_uses_employment_weights():
    weak_nuts2 = pd.Series({"AT11": True, "AT12": False, "AT13": False, "BE21": True})
    employment = pd.Series({"AT11": 700.0, "AT12": 200.0, "AT13": 100.0, "BE21": 5.0})
    parent = weakness.by_parent(weak_nuts2, employment)
    assert parent.to_dict() == {"AT1": True, "BE2": True}


def test_grid_parameters_are_checked_and_sorted():
    grid = node_tables.GridParameters([2.0, 1.5, 1.5], [0.02, 0.01])
    assert grid.lq == (1.5, 2.0) and grid.share == (0.01, 0.02)
    with pytest.raises(ValueError, match="at least one value"):
        node_tables.GridParameters([], [0.01])
    with pytest.raises(TypeError, match="list of numbers"):
        node_tables.GridParameters("1.5", [0.01])
    with pytest.raises(ValueError, match="fraction"):
        node_tables.GridParameters([1.5], [5])


def test_the_ecosystems_chapters_default_grid_is_the_packages(tmp_path):
    """The chapter's parameters cell must hold literals; the recommendations chapter restates
    the grid's result with the package's constants, so the two must not drift apart."""
    from eucluster.build import rerun
    from eucluster.measures import weak_gap

    notebook = rerun.to_notebook(rerun.chapter_source("ecosystems"), tmp_path / "ecosystems.ipynb")
    defaults = rerun.declared_parameters(notebook)
    assert tuple(defaults["grid_lq"]) == weak_gap.DEFAULT_GRID_LQ
    assert tuple(defaults["grid_share"]) == weak_gap.DEFAULT_GRID_SHARE
