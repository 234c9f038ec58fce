"""Strength over traded divisions, the CMP establishment floor and the annual panel, on toy
matrices (and, where the data are present, the one-pass recoding against the per-year one)."""

import numpy as np
import pandas as pd
import pytest

from eucluster.measures import sbs_employment, strength, strength_panel

RNG = np.random.default_rng(11)
DIVISIONS = ["C29", "C30", "G47", "I56", "F43", "J62"]
REGIONS = [f"{country}{i:02d}" for country in ("AA", "BB") for i in range(1, 7)]


def _matrix(seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = rng.gamma(2.0, 50.0, size=(len(REGIONS), len(DIVISIONS)))
    return pd.DataFrame(values, index=pd.Index(REGIONS, name="geo"), columns=DIVISIONS)


TRADED = ("C29", "C30", "J62")


def test_scope_all_reproduces_the_measures_of_before():
    matrix = _matrix()
    default = strength.measures(matrix)
    explicit = strength.measures(matrix, scope="all")
    pd.testing.assert_frame_equal(default, explicit)
    assert list(default.columns) == list(strength.MEASURES)


def test_traded_scope_leaves_out_local_divisions_and_keeps_all_jobs_as_denominator():
    matrix = _matrix()
    # Make I56 a node of AA01 under scope="all": it must not count under scope="traded".
    matrix.loc["AA01", "I56"] = 5000.0
    everything = strength.measures(matrix, scope="all")
    traded_only = strength.measures(matrix, scope="traded", traded=TRADED)
    assert (traded_only["node_count"] <= everything["node_count"]).all()
    assert traded_only.loc["AA01", "node_count"] < everything.loc["AA01", "node_count"]
    # The same strong traded cells, computed by hand: LQ against all divisions, share of all jobs.
    totals = matrix.sum(axis=1)
    lq = matrix.div(totals, axis=0) / (matrix.sum() / totals.sum())
    share = matrix.div(totals, axis=0)
    nodes = (lq > 1.5) & (share > 0.01)
    expected = (matrix * nodes)[list(TRADED)].sum(axis=1) / totals
    pd.testing.assert_series_equal(
        traded_only["node_share"], expected, check_names=False, rtol=1e-12
    )


def test_traded_scope_refuses_a_matrix_without_traded_divisions():
    with pytest.raises(ValueError, match="traded"):
        strength.measures(_matrix()[["G47", "I56"]], scope="traded", traded=TRADED)
    with pytest.raises(ValueError, match="scope"):
        strength.measures(_matrix(), scope="local")


def test_establishment_floor_removes_cells_with_few_local_units():
    employment = pd.DataFrame(
        {"S": [100.0, 10.0, 10.0, 10.0, 10.0], "T": [10.0, 50.0, 50.0, 50.0, 50.0]},
        index=["r1", "r2", "r3", "r4", "r5"],
    )
    many = pd.DataFrame(10.0, index=employment.index, columns=employment.columns)
    many.loc[["r2", "r3", "r4", "r5"], "S"] = [2.0, 3.0, 4.0, 5.0]
    without = strength.benchmark_strong_clusters(employment)
    assert without.strong.loc["r1", "S"]
    floored = strength.benchmark_strong_clusters(employment, many)
    assert floored.strong.loc["r1", "S"]  # 10 local units: above the 25th percentile
    few = many.copy()
    few.loc["r1", "S"] = 1.0  # the fewest local units of the sector: below the floor
    assert not strength.benchmark_strong_clusters(employment, few).strong.loc["r1", "S"]
    table = strength.measures(employment, establishments=few, establishment_floor=0.25)
    assert table.loc["r1", "benchmark_floor_share"] < table.loc["r1", "benchmark_share"]
    with pytest.raises(ValueError, match="establishment_floor"):
        strength.measures(employment, establishments=few, establishment_floor=25)


def test_panel_of_identical_years_equals_the_averaged_matrix_measure():
    matrix = _matrix()
    panel = strength_panel.strength_from_matrices(
        {2008: matrix, 2009: matrix, 2010: matrix}, scope="traded", traded=TRADED
    )
    mean = panel.groupby(level="geo").mean()
    once = strength.measures(matrix, scope="traded", traded=TRADED)
    pd.testing.assert_frame_equal(mean, once, check_names=False, rtol=1e-12)


def test_panel_mean_differs_from_measure_of_mean_when_years_differ():
    """The averaging order matters once the years differ: thresholds are not linear."""
    base = _matrix()
    years = {year: base * np.exp(0.3 * _matrix(year) / 100 - 0.3) for year in (2008, 2009, 2010)}
    panel = strength_panel.strength_from_matrices(years)
    mean_of_measures = panel.groupby(level="geo").mean()
    measure_of_mean = strength.measures(sum(years.values()) / 3)
    assert not np.allclose(mean_of_measures["node_share"], measure_of_mean["node_share"])
    # ...but both are measures of the same regions: they move together.
    assert np.corrcoef(mean_of_measures["star_share"], measure_of_mean["star_share"])[0, 1] > 0


def test_coverage_counts_absent_rows_by_reason_and_never_fills_them():
    full = _matrix()
    matrices = {
        2013: full.drop(index=["BB01", "BB02", "BB03", "BB04", "BB05", "BB06"]),
        2014: full.drop(index=["AA03"]),
        2015: full,
    }
    report = strength_panel.coverage(matrices)
    assert report.rows_in == 3 * len(REGIONS)
    assert report.rows_dropped == {
        strength_panel.COUNTRY_ABSENT: 6,
        strength_panel.REGION_ABSENT: 1,
    }
    assert report.rows_kept == report.rows_in - 7
    panel = strength_panel.strength_from_matrices(matrices)
    assert len(panel) == report.rows_kept
    assert ("AA03", 2014) not in panel.index


def test_panel_with_local_units_gives_zero_establishments_to_unpublished_cells():
    matrix = _matrix()
    units = pd.DataFrame(5.0, index=matrix.index, columns=matrix.columns).drop(index="AA01")
    panel = strength_panel.strength_from_matrices({2010: matrix}, {2010: units})
    assert panel.loc[("AA01", 2010), "benchmark_floor_share"] == 0.0


def test_panel_parameters_are_validated():
    with pytest.raises(ValueError, match="years"):
        strength_panel.validate_panel_years([2007])
    with pytest.raises(ValueError, match="measure"):
        strength_panel.annual_strength(measure="gdp")


def _data_available() -> bool:
    try:
        from eucluster import data

        for name in ("sbs_r_nuts06_r2", "jrc_nuts_crosswalks"):
            data.path(name)
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _data_available(), reason="the SBS or cross-walk file is missing")
def test_side_by_side_recoding_equals_recoding_each_year():
    years = (2009, 2010, 2013, 2014)
    indicators = (sbs_employment.PERSONS_EMPLOYED, sbs_employment.LOCAL_UNITS)
    together = sbs_employment.eu_regions_years(years, "exclude", indicators)
    for (indicator, year), matrix in together.items():
        alone = sbs_employment.eu_regions_year(year, "exclude", indicator)
        pd.testing.assert_frame_equal(matrix, alone, rtol=1e-12)
