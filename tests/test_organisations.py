"""Label comparisons of document 002's survey: intervals, tests and the data they rest on.

The chapter's study built on them is tested in ``test_organisation_services.py``; its other
topics (Table 5, case studies, fees, membership) in ``test_organisation_profiles.py``.
"""

import math

import pandas as pd
import pytest
from scipy import stats

from eucluster import data
from eucluster.documents import organisations

Z95 = 1.959963984540054


def hand_wilson(k, n, z=Z95):
    """Wilson score interval written out from its formula (Wilson 1927)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_wilson_interval_matches_the_formula():
    low, high = organisations.wilson_interval(5, 14)
    assert (low, high) == pytest.approx(hand_wilson(5, 14), abs=1e-12)
    assert (low, high) == pytest.approx((0.1634, 0.6124), abs=5e-4)


def test_wilson_interval_of_zero_is_not_degenerate():
    low, high = organisations.wilson_interval(0, 14)
    assert low == pytest.approx(0, abs=1e-12)
    assert high == pytest.approx(hand_wilson(0, 14)[1]) and high > 0.2


def test_difference_interval_is_newcombes_hybrid_score():
    k1, n1, k2, n2 = 19, 29, 5, 14
    l1, u1 = hand_wilson(k1, n1)
    l2, u2 = hand_wilson(k2, n2)
    p1, p2 = k1 / n1, k2 / n2
    expected = (
        p1 - p2 - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        p1 - p2 + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    )
    assert organisations.difference_interval(k1, n1, k2, n2) == pytest.approx(expected, abs=1e-9)


def test_fisher_p_value_on_the_tea_tasting_table():
    counts = pd.DataFrame({"service": ["tea"], "gold": [3], "silver": [1]})
    result = organisations.gold_vs_silver(counts, {"gold": 4, "silver": 4})
    assert result.loc[0, "p_value"] == pytest.approx(17 / 35)
    assert result.loc[0, "p_value"] == pytest.approx(stats.fisher_exact([[3, 1], [1, 3]]).pvalue)


def test_minimum_detectable_difference_at_the_survey_sizes():
    by_hand = (Z95 + stats.norm.ppf(0.8)) * math.sqrt(0.25 * (1 / 29 + 1 / 14))
    assert organisations.minimum_detectable_difference(29, 14) == pytest.approx(by_hand)
    assert by_hand == pytest.approx(0.456, abs=1e-3)


def test_label_comparison_adjusts_and_explains():
    sizes = organisations.label_group_sizes()
    table = data.load("eu4d_table3")
    result = organisations.label_comparison(table, sizes)
    assert len(result) == len(table)
    assert (result["p_holm"] >= result["p_value"] - 1e-12).all()
    assert (result["q_bh"] >= result["p_value"] - 1e-12).all()
    assert (
        (result["diff_low"] <= result["difference"]) & (result["difference"] <= result["diff_high"])
    ).all()
    assert set(result["verdict"]) <= {
        "different, also after correction",
        "different at face value only",
        "large but not significant",
        "no evidence either way",
    }
    public = result.set_index("service").loc["Access to finance: public funding"]
    assert public["gold_share"] == pytest.approx(19 / 29)
    assert public["silver_share"] == pytest.approx(5 / 14)


def test_annex_counts_use_the_table_service_names():
    annex = organisations.annex_counts()
    names = set(data.load("eu4d_table3")["service"]) | set(data.load("eu4d_table4")["service"])
    assert len(annex) == 21
    assert set(annex["service"]) <= names
    merged = annex.merge(
        pd.concat([data.load("eu4d_table3"), data.load("eu4d_table4")]),
        on="service",
        suffixes=("_annex", ""),
    )
    assert (merged["gold_annex"] == merged["gold"]).all()
    assert (merged["silver_annex"] <= merged["silver"]).all()


def test_fisher_power_is_exact_and_sensible():
    # With no true difference the power is the test's size, at most alpha (Fisher is
    # conservative); with certain outcomes it is 0 or 1 exactly.
    size = organisations.fisher_power(0.5, 0.5, 29, 14)
    assert 0 < size <= 0.05
    assert organisations.fisher_power(1.0, 0.0, 29, 14) == pytest.approx(1.0)
    # Hand check on tiny groups: n1 = n2 = 3, shares 1 and 0 -> the only outcome is
    # [[3, 0], [0, 3]] with p = 0.1, not below 0.05, so power is 0.
    assert organisations.fisher_power(1.0, 0.0, 3, 3) == pytest.approx(0.0)
    gap = organisations.fisher_power(0.66, 0.36, 29, 14)
    assert 0.2 < gap < 0.6


def test_label_shares_are_long_with_wilson_intervals_and_refuse_impossible_counts():
    counts = pd.DataFrame({"service": ["a", "b"], "gold": [0, 29], "silver": [7, 14]})
    long = organisations.label_shares(counts, {"gold": 29, "silver": 14})
    assert len(long) == 4
    assert long["share"].tolist() == pytest.approx([0, 1, 0.5, 1])
    assert (long["ci_low"] <= long["share"]).all() and (
        long["share"] <= long["ci_high"] + 1e-12
    ).all()
    with pytest.raises(ValueError, match="larger than their group size"):
        organisations.label_shares(counts.assign(silver=[15, 0]), {"gold": 29, "silver": 14})
    with pytest.raises(KeyError, match="bronze"):
        organisations.label_shares(counts, {"gold": 29, "bronze": 10})
