"""Location quotients and ECCP node rules on hand-computed examples."""

import numpy as np
import pandas as pd
import pytest

from eucluster.measures import sbs_employment as sbs
from eucluster.measures import specialisation as sp
from tests.oracles import nodes_loop

# Three regions x three sectors. Region totals 100, 100, 200; sector totals 100, 100, 200;
# grand total 400, so benchmark shares are 0.25, 0.25, 0.5.
SMALL = pd.DataFrame(
    {"s1": [10.0, 30.0, 60.0], "s2": [0.0, 20.0, 80.0], "s3": [90.0, 50.0, 60.0]},
    index=pd.Index(["A", "B", "C"], name="geo"),
)
SMALL_LQ = pd.DataFrame(
    {"s1": [0.4, 1.2, 1.2], "s2": [0.0, 0.8, 1.6], "s3": [1.8, 1.0, 0.6]}, index=SMALL.index
)


def test_location_quotients_by_hand():
    pd.testing.assert_frame_equal(sp.location_quotients(SMALL), SMALL_LQ, check_names=False)


def test_benchmark_ratios_by_hand():
    totals, lq, regional_share, industry_share = sp.benchmark_ratios(SMALL, None, None, None, None)
    assert totals.tolist() == [100.0, 100.0, 200.0]
    pd.testing.assert_frame_equal(lq, SMALL_LQ, check_names=False)
    assert regional_share.loc["A", "s3"] == 0.9 and industry_share.loc["C", "s2"] == 0.8


def test_nodes_by_hand():
    found = sp.nodes(SMALL)
    # Only A-s3 (LQ 1.8, 90 % of A, 45 % of s3) and C-s2 (LQ 1.6, 40 % of C, 80 % of s2).
    expected = pd.DataFrame(False, index=SMALL.index, columns=SMALL.columns)
    expected.loc["A", "s3"] = expected.loc["C", "s2"] = True
    pd.testing.assert_frame_equal(found.regional_relevant, expected)
    pd.testing.assert_frame_equal(found.industry_relevant, expected)
    counts = sp.node_counts(found)
    assert counts.loc["A"].tolist() == [1, 1] and counts.loc["B"].tolist() == [0, 0]


def test_share_thresholds_separate_the_two_node_kinds():
    found = sp.nodes(SMALL, regional_share_threshold=0.5, industry_share_threshold=0.5)
    assert found.regional_relevant.to_numpy().sum() == 1  # A-s3 (90 % of A); C-s2 is 40 %
    assert found.regional_relevant.loc["A", "s3"]
    assert found.industry_relevant.to_numpy().sum() == 1  # C-s2 (80 % of s2); A-s3 is 45 %
    assert found.industry_relevant.loc["C", "s2"]


def test_thresholds_are_strict_inequalities():
    balanced = pd.DataFrame({"x": [3.0, 1.0], "y": [1.0, 3.0]}, index=["A", "B"])
    assert sp.location_quotients(balanced).loc["A", "x"] == 1.5
    assert not sp.nodes(balanced).regional_relevant.loc["A", "x"]
    assert sp.nodes(balanced, lq_threshold=1.4).regional_relevant.loc["A", "x"]


def test_region_totals_and_benchmark_replace_the_defaults():
    totals = pd.Series({"A": 200.0, "B": 100.0, "C": 200.0})
    lq = sp.location_quotients(SMALL, region_totals=totals)
    # A: 10/200 over 100/500 = 0.25; E is the sum of the given totals.
    assert lq.loc["A", "s1"] == pytest.approx(0.25)
    benchmark = pd.concat([SMALL, pd.DataFrame({"s1": [100.0], "s2": [0.0], "s3": [0.0]})])
    benchmark.index = ["A", "B", "C", "D"]
    lq = sp.location_quotients(SMALL, benchmark=benchmark)
    # s1 benchmark share 200/500 = 0.4; A has 10 %.
    assert lq.loc["A", "s1"] == pytest.approx(0.25)


def test_vectorised_equals_loop_on_random_matrix():
    rng = np.random.default_rng(7)
    values = rng.integers(0, 500, size=(40, 25)).astype(float)
    values[rng.random(values.shape) < 0.2] = 0.0
    values[3] = 0.0  # a region with no employment: its ratios are NaN in both
    frame = pd.DataFrame(values, index=[f"R{i}" for i in range(40)])
    frame.columns = [f"S{j}" for j in range(25)]
    for options in ({}, {"lq_threshold": 1.2, "regional_share_threshold": 0.05}):
        fast, slow = sp.nodes(frame, **options), nodes_loop(frame, **options)
        for name in ("lq", "regional_share", "industry_share"):
            np.testing.assert_allclose(getattr(fast, name), getattr(slow, name), equal_nan=True)
        for kind in sp.NODE_KINDS:
            pd.testing.assert_frame_equal(getattr(fast, kind), getattr(slow, kind))


# --- from the tidy SBS frame, with confidential and missing cells ----------------------------


def _tidy(rows):
    frame = pd.DataFrame(rows, columns=["geo", "nace_r2", "value", "flag"])
    frame["indic_sb"] = sbs.PERSONS_EMPLOYED
    frame["year"] = 2014
    return frame


NAN = float("nan")
TIDY = _tidy(
    [
        ("AA11", "C", 100.0, ""),
        ("AA11", "C10", 60.0, ""),
        ("AA11", "C11", NAN, ":c"),  # confidential; section residual 40
        ("AA11", "F", 50.0, ""),
        ("AA11", "F41", 50.0, ""),
        ("AA12", "C", 80.0, ""),
        ("AA12", "C10", NAN, ":c"),  # two confidential cells share 80
        ("AA12", "C11", NAN, ":cd"),
        ("AA12", "F41", 40.0, ""),
        ("AA13", "C10", 10.0, ""),
        ("AA13", "C11", NAN, ":"),  # missing, and no section total to bound it
        ("AA13", "F41", 5.0, ""),
        ("AA14", "C10", NAN, ":c"),  # nothing published at all
        ("AA", "C10", 70.0, ""),  # country and aggregates are not regions
        ("EU28", "C10", 999.0, ""),
        ("AAZZ", "C10", 1.0, ""),  # extra-regio
        ("AA11", "C101", 5.0, ""),  # a 3-digit group, not a division
    ]
)


def test_employment_matrix_keeps_status_and_drops_empty_regions():
    matrix = sbs.employment_matrix(TIDY, 2014)
    assert list(matrix.employment.index) == ["AA11", "AA12", "AA13"]
    assert list(matrix.employment.columns) == ["C10", "C11", "F41"]
    assert matrix.empty_regions == ("AA14",)
    assert matrix.status.loc["AA11", "C11"] == sbs.STATUS_CONFIDENTIAL
    assert matrix.status.loc["AA12", "C11"] == sbs.STATUS_CONFIDENTIAL
    assert matrix.status.loc["AA13", "C11"] == sbs.STATUS_MISSING
    assert matrix.status_counts().to_dict() == {"ok": 5, "confidential": 3, "missing": 1}


def test_exclude_counts_unpublished_cells_as_zero():
    filled = sbs.employment_matrix(TIDY, 2014).filled("exclude")
    assert filled.employment.loc["AA11", "C11"] == 0.0
    assert (filled.cells_unpublished, filled.cells_estimated, filled.cells_zero) == (4, 0, 4)


def test_bound_fills_from_the_section_residual():
    filled = sbs.employment_matrix(TIDY, 2014).filled("bound")
    assert filled.employment.loc["AA11", "C11"] == 40.0
    assert filled.employment.loc["AA12", "C10"] == filled.employment.loc["AA12", "C11"] == 40.0
    assert filled.employment.loc["AA13", "C11"] == 0.0  # no section total
    assert (filled.cells_unpublished, filled.cells_estimated, filled.cells_zero) == (4, 3, 1)


def test_suppression_sensitivity_counts_cells_and_changed_nodes():
    report = sp.suppression_sensitivity(sbs.employment_matrix(TIDY, 2014))
    assert report.cells == 9
    assert (report.cells_confidential, report.cells_missing) == (3, 1)
    assert report.cells_estimated_under_bound == 3
    series = report.as_series()
    assert series["regional_nodes_changed"] >= 0 and series.dtype == "int64"


def test_nodes_need_an_explicit_choice_for_unpublished_cells():
    matrix = sbs.employment_matrix(TIDY, 2014)
    with pytest.raises(ValueError, match="suppressed='exclude'"):
        sp.nodes(matrix)
    with pytest.raises(ValueError, match="suppressed must be one of"):
        sp.nodes(matrix, suppressed="drop")
    with pytest.raises(ValueError, match="empty \\(NaN\\) cells"):
        sp.nodes(matrix.employment)
    assert sp.nodes(matrix, suppressed="bound").lq.notna().all().all()


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sp.nodes(SMALL, lq_threshold="1.5"), TypeError, "must be a number"),
        (lambda: sp.nodes(SMALL, lq_threshold=-1), ValueError, "in \\[1, 5\\]"),
        (lambda: sp.nodes(SMALL, lq_threshold=0.5), ValueError, "location quotient in"),
        (lambda: sp.nodes(SMALL, regional_share_threshold=1), ValueError, "0.01 means 1 %"),
        (lambda: sp.nodes(SMALL * -1), ValueError, "negative cells"),
        (lambda: sp.nodes(SMALL.to_numpy()), TypeError, "pandas DataFrame"),
        (lambda: sp.nodes(SMALL.iloc[:0]), ValueError, "is empty"),
        (lambda: sbs.employment_matrix(TIDY.drop(columns="flag"), 2014), ValueError, "flag"),
        (lambda: sbs.employment_matrix(TIDY, 2099), ValueError, "Years in the frame: \\[2014\\]"),
        (lambda: sbs.employment_matrix(TIDY, 2014, geo_level=3), ValueError, "geo_level"),
        (lambda: sbs.employment_matrix(TIDY, 2014, divisions=["C99"]), ValueError, "C99"),
        (
            lambda: sp.location_quotients(SMALL, region_totals=pd.Series({"A": 1.0})),
            ValueError,
            "no value for 2 regions",
        ),
    ],
)
def test_bad_input_says_what_is_wrong(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_divisions_accept_bare_numbers():
    matrix = sbs.employment_matrix(TIDY, 2014, divisions=["41", 10])
    assert list(matrix.employment.columns) == ["F41", "C10"]
