"""Table 1 over frames: the deviation measure, the sample and the claims on what survives."""

import numpy as np
import pandas as pd
import pytest

from eucluster.measures import frame_table1, node_claims

PUBLISHED = pd.Series(dict(zip(frame_table1.MEANS, [7.9, 7.2, 4.8, 6.3], strict=True)))


def test_mean_relative_deviation_is_the_mean_of_the_four_relative_distances():
    means = pd.DataFrame([PUBLISHED, PUBLISHED * 1.1, PUBLISHED * [1, 1, 0.5, 0.5]])
    assert frame_table1.mean_relative_deviation(means, PUBLISHED).tolist() == pytest.approx(
        [0.0, 0.1, 0.25]
    )


def test_sample_is_seeded_uniform_without_replacement_and_all_when_small():
    first = frame_table1.sample_rows(21465, 500, seed=3)
    assert len(set(first)) == 500 and (np.diff(first) > 0).all()
    assert (first == frame_table1.sample_rows(21465, 500, seed=3)).all()
    assert not (first == frame_table1.sample_rows(21465, 500, seed=4)).all()
    assert frame_table1.sample_rows(10, 500, seed=3).tolist() == list(range(10))
    with pytest.raises(ValueError, match="frame_sample"):
        frame_table1.checked_sample(0)


@pytest.mark.parametrize(
    ("flags", "expected", "holds", "text"),
    [
        ([True, True, True], "every", True, "in every one of the 3 variants"),
        ([True, False, True], "every", False, "in 2 of the 3 variants and frames (not in b)"),
        ([False, False, False], "every", False, "in none of the 3"),
        ([False, False, False], "none", True, "in none of the 3"),
        ([False, True, False], "none", False, "(only in b): it depends on the choice"),
    ],
)
def test_survival_claim_says_where_a_statement_holds(flags, expected, holds, text):
    made = node_claims.survival_claim(
        "x.y", pd.Series(flags, index=list("abc")), statement="s", expected=expected
    )
    assert made.holds is holds
    assert text in (made.if_true if holds else made.if_false)


def test_sample_dependence_and_closer_claims_turn():
    depends = node_claims.sample_dependence_claim(pd.Series([True, False, True]))
    assert depends.holds and "67% of the sampled frames" in depends.if_true
    always = node_claims.sample_dependence_claim(pd.Series([True, True]))
    assert not always.holds and "in every sampled frame" in always.if_false
    assert not node_claims.sample_dependence_claim(None).holds
    closer = node_claims.closer_claim("x.y", ("a", 0.1), ("b", 0.2))
    assert closer.holds and "(10.0% against 20.0%)" in closer.if_true
    assert not node_claims.closer_claim("x.y", ("a", 0.3), ("b", 0.2)).holds


def test_frame_chart_is_legible_in_print():
    from eucluster.report import charts, node_charts, print_legibility

    charts.use_theme()
    rng = np.random.default_rng(1)
    long = pd.DataFrame(
        {
            "mean": np.tile(frame_table1.MEANS, 40),
            "value": rng.uniform(3, 9, 160),
            "frames": ["fits the paper's weak count (33)"] * 80 + ["sampled (500)"] * 80,
        }
    )
    marks = pd.concat(
        [
            PUBLISHED.rename_axis("mean").reset_index(name="value").assign(mark="published"),
            PUBLISHED.rename_axis("mean").reset_index(name="value").assign(mark="default"),
        ]
    )
    chart = node_charts.frame_means(long, marks)
    assert print_legibility.chart_print_pt(chart) >= 7
