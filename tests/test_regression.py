"""Estimators on simulated data with a known coefficient, standard errors against statsmodels,
spatial tests, and the main estimate on the real data."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from eucluster.models import estimation, spatial

TRUE_BETA = 0.5


@pytest.fixture(scope="module")
def simulated():
    return estimation.simulate(n=2000, beta=TRUE_BETA, seed=3)


def test_fixed_effects_recover_known_coefficient(simulated):
    fit = estimation.ols(simulated, "y", ["strength", "control"], fixed_effects="country")
    coef, se, _ = fit.estimate("strength")
    assert abs(coef - TRUE_BETA) < 3 * se
    assert abs(coef - TRUE_BETA) < 0.05
    assert fit.estimate("control")[0] == pytest.approx(0.3, abs=0.06)


def test_pooled_ols_is_biased_when_strength_follows_country_effects(simulated):
    pooled = estimation.ols(simulated, "y", ["strength", "control"])
    assert pooled.estimate("strength")[0] > TRUE_BETA + 0.1


def test_hc3_matches_statsmodels(simulated):
    fit = estimation.ols(simulated, "y", ["strength", "control"])
    x = sm.add_constant(simulated[["strength", "control"]])
    direct = sm.OLS(simulated["y"], x).fit(cov_type="HC3")
    assert fit.cov_type == "HC3"
    np.testing.assert_allclose(fit.se.to_numpy(), direct.bse.to_numpy(), rtol=1e-10)
    np.testing.assert_allclose(fit.coef.to_numpy(), direct.params.to_numpy(), rtol=1e-10)


def test_clustered_se_matches_statsmodels(simulated):
    fit = estimation.ols(simulated, "y", ["strength", "control"], fixed_effects="country")
    dummies = pd.get_dummies(simulated["country"], prefix="fe", drop_first=True).astype(float)
    x = sm.add_constant(pd.concat([simulated[["strength", "control"]], dummies], axis=1))
    groups = pd.factorize(simulated["country"])[0]
    direct = sm.OLS(simulated["y"], x).fit(cov_type="cluster", cov_kwds={"groups": groups})
    assert fit.cov_type == "cluster" and fit.n_clusters == simulated["country"].nunique()
    assert fit.se["strength"] == pytest.approx(direct.bse["strength"], rel=1e-10)
    assert fit.nobs == len(simulated)


def test_partial_regression_slope_equals_coefficient(simulated):
    fit = estimation.ols(simulated, "y", ["strength", "control"], fixed_effects="country")
    part = estimation.partial_regression(fit, "strength")
    slope = (part["x_resid"] @ part["y_resid"]) / (part["x_resid"] @ part["x_resid"])
    assert slope == pytest.approx(fit.estimate("strength")[0], rel=1e-8)


def test_table_and_errors(simulated):
    fits = [
        estimation.ols(simulated, "y", ["strength"], label="a"),
        estimation.ols(simulated, "y", ["strength", "control"], fixed_effects="country"),
    ]
    table = estimation.regression_table(fits, {"strength": "Strength"})
    assert table.iloc[0, 0] == "Strength" and table.iloc[0, 1].endswith("***")
    assert "N" in table.iloc[:, 0].tolist()
    with pytest.raises(KeyError, match="lacks the columns"):
        estimation.ols(simulated, "y", ["nope"])
    with pytest.raises(ValueError, match="cov_type"):
        estimation.ols(simulated, "y", ["strength"], cov_type="HC9")


def test_influence_marks_regions_absorbed_by_their_dummy(simulated):
    data = simulated.copy()
    data.loc[data.index[0], "country"] = "ALONE"
    fit = estimation.ols(data, "y", ["strength"], fixed_effects="country")
    table = estimation.influence(fit)
    assert table["absorbed"].sum() == 1 and bool(table["absorbed"].iloc[0])
    assert np.isnan(table["cooks_distance"].iloc[0])
    assert table["cooks_distance"].iloc[1:].notna().all()


def test_stars():
    assert [estimation.stars(p) for p in (0.001, 0.03, 0.07, 0.5)] == ["***", "**", "*", ""]


# --------------------------------------------------------------------------- spatial


def _grid_weights(side: int) -> np.ndarray:
    """Row-standardised rook contiguity on a side x side grid."""
    n = side * side
    w = np.zeros((n, n))
    for i in range(side):
        for j in range(side):
            for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                a, b = i + di, j + dj
                if 0 <= a < side and 0 <= b < side:
                    w[i * side + j, a * side + b] = 1
    return w / w.sum(axis=1, keepdims=True)


def test_lm_error_equals_moran_identity_and_detects_spatial_error():
    rng = np.random.default_rng(0)
    w = _grid_weights(15)
    n = len(w)
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    errors = np.linalg.solve(np.eye(n) - 0.8 * w, rng.normal(size=n))
    y = x @ np.array([1.0, 2.0]) + errors
    lm = spatial.lagrange_multiplier(y, x, w)
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    e = y - x @ beta
    moran = (e @ w @ e) / (e @ e)  # row-standardised: S0 = n
    t = np.trace((w.T + w) @ w)
    assert lm.lm_error == pytest.approx(n**2 * moran**2 / t, rel=1e-10)
    assert lm.pvalues()["lm_error"] < 0.001
    assert lm.robust_lm_error > lm.robust_lm_lag


def test_lm_tests_quiet_without_dependence():
    rng = np.random.default_rng(0)
    w = _grid_weights(15)
    n = len(w)
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    y = x @ np.array([1.0, 2.0]) + rng.normal(size=n)
    assert min(spatial.lagrange_multiplier(y, x, w).pvalues().values()) > 0.01


def test_lm_lag_detects_spatial_lag():
    rng = np.random.default_rng(1)
    w = _grid_weights(15)
    n = len(w)
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    y = np.linalg.solve(np.eye(n) - 0.6 * w, x @ np.array([1.0, 2.0]) + rng.normal(size=n))
    lm = spatial.lagrange_multiplier(y, x, w)
    assert lm.pvalues()["lm_lag"] < 0.001
    assert lm.robust_lm_lag > lm.robust_lm_error


def test_morans_i_wrapper_matches_formula():
    from libpysal.weights import lat2W

    weights = lat2W(10, 10)
    weights.transform = "r"
    ids = list(weights.id_order)
    gradient = pd.Series([float(i // 10 + i % 10) for i in range(100)], index=ids)
    result = spatial.morans_i(gradient, weights, permutations=99, seed=1)
    z = gradient.to_numpy() - gradient.mean()
    w = spatial.dense(weights)
    assert result.statistic == pytest.approx((z @ w @ z) / (z @ z), rel=1e-10)
    assert result.statistic > 0.5 and result.pvalue_permutation <= 0.01


# --------------------------------------------------------------------------- real data


def _data_available() -> bool:
    try:
        from eucluster import data

        for name in ("sbs_r_nuts06_r2", "nama_10r_2gdp_pps_hab", "jrc_nuts_crosswalks"):
            data.path(name)
    except Exception:
        return False
    return True


@pytest.mark.skipif(
    not _data_available(),
    reason="the data folder (EUCLUSTER_DATA or ../shared/data/external) lacks the SBS, GDP "
    "or cross-walk files: the main estimate cannot be recomputed",
)
def test_main_estimate_on_real_data():
    """Pins the chapter's main estimate: a change in data, recoding or specification that
    moves it fails here and must be looked at."""
    from eucluster.models import regression_data

    frame, choices = regression_data.analysis_frame()
    fit = estimation.ols(frame, **regression_data.MAIN_SPECIFICATION)
    coef, se, _ = fit.estimate(regression_data.MAIN_SPECIFICATION["regressors"][0])
    assert choices["outcome_year"] == MAIN["outcome_year"]
    assert fit.nobs == MAIN["nobs"]
    assert coef == pytest.approx(MAIN["coef"], abs=5e-4)
    assert se == pytest.approx(MAIN["se"], abs=5e-4)


MAIN = {"outcome_year": 2023, "nobs": 237, "coef": -0.00477, "se": 0.01362}


# --------------------------------------------------------------------------- chapter parameters

GOOD_PARAMETERS = dict(
    strength_measure="node_share",
    lq_threshold=1.5,
    share_threshold=0.01,
    star_lq=2.0,
    benchmark_quantile=0.75,
    strength_years=[2008, 2009, 2010],
    sample="eu27",
    seed=0,
    k_neighbours=5,
    suppressed="bound",
)


def test_parameters_are_validated_with_clear_messages():
    from eucluster.models import regression_data

    regression_data.validate_parameters(**GOOD_PARAMETERS)
    bad = {**GOOD_PARAMETERS, "sample": "capitals", "lq_threshold": 0.5, "strength_years": [2020]}
    with pytest.raises(ValueError) as error:
        regression_data.validate_parameters(**bad)
    message = str(error.value)
    assert "sample must be one of" in message
    assert "lq_threshold" in message and "strength_years" in message


def test_select_sample():
    from eucluster.models import regression_data

    frame = pd.DataFrame(
        {"capital": [True, False, False], "weak": [False, True, False]}, index=["a", "b", "c"]
    )
    assert regression_data.select_sample(frame, "no_capitals").index.tolist() == ["b", "c"]
    assert regression_data.select_sample(frame, "weak").index.tolist() == ["b"]
    with pytest.raises(ValueError, match="sample must be one of"):
        regression_data.select_sample(frame, "all")


@pytest.mark.skipif(not _data_available(), reason="the JRC cross-walk file is not available")
def test_recoding_keeps_totals_and_splits_by_population():
    from eucluster.geo import nuts

    # PL12 (NUTS 2013, Mazowieckie) became PL91 + PL92 in 2021; FR10 kept its code.
    counts = pd.DataFrame({"jobs": [1000.0, 500.0]}, index=["PL12", "FR10"])
    recoded = nuts.recode_counts(counts, 2013)
    assert recoded["jobs"].sum() == pytest.approx(1500.0)
    assert recoded.loc["FR10", "jobs"] == pytest.approx(500.0)
    assert recoded.loc[["PL91", "PL92"], "jobs"].sum() == pytest.approx(1000.0)
    assert 0 < recoded.loc["PL91", "jobs"] < 1000
