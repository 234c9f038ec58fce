"""Estimators on simulated data with a known coefficient, standard errors against statsmodels,
spatial tests, and the main estimate on the real data."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from eucluster.models import estimation, spatial
from tests import lm_oracle

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


def _grid_weights(side: int):
    """Row-standardised rook contiguity on a side x side grid (libpysal), and as a dense
    matrix for the oracle."""
    from libpysal.weights import lat2W

    weights = lat2W(side, side, rook=True)
    weights.transform = "r"
    return weights, spatial.dense(weights)


def _simulated_design(rng, n):
    return np.column_stack([np.ones(n), rng.normal(size=n)])


def test_spreg_lm_tests_match_the_formulas():
    """The oracle: Anselin et al. (1996) written out (tests/lm_oracle.py), on a toy design
    with fixed-effect dummies, gives the same four statistics as spreg."""
    rng = np.random.default_rng(4)
    weights, w = _grid_weights(12)
    n = len(w)
    groups = np.repeat(np.arange(6), n // 6)
    dummies = (groups[:, None] == np.arange(1, 6)).astype(float)
    x = np.column_stack([rng.normal(size=n), rng.normal(size=n), dummies])
    errors = np.linalg.solve(np.eye(n) - 0.5 * w, rng.normal(size=n))
    y = x @ rng.normal(size=x.shape[1]) + 0.3 * groups + errors
    design = np.column_stack([np.ones(n), x])
    expected = lm_oracle.lagrange_multiplier(y, design, w)
    got = spatial.lagrange_multiplier(y, design, weights)
    for name, value in expected.items():
        assert getattr(got, name) == pytest.approx(value, rel=1e-8), name


def test_lm_error_equals_moran_identity_and_detects_spatial_error():
    rng = np.random.default_rng(0)
    weights, w = _grid_weights(15)
    n = len(w)
    x = _simulated_design(rng, n)
    errors = np.linalg.solve(np.eye(n) - 0.8 * w, rng.normal(size=n))
    y = x @ np.array([1.0, 2.0]) + errors
    lm = spatial.lagrange_multiplier(y, x, weights)
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    e = y - x @ beta
    moran = (e @ w @ e) / (e @ e)  # row-standardised: S0 = n
    t = np.trace((w.T + w) @ w)
    assert lm.lm_error == pytest.approx(n**2 * moran**2 / t, rel=1e-10)
    assert lm.pvalues()["lm_error"] < 0.001
    assert lm.robust_lm_error > lm.robust_lm_lag


def test_lm_tests_quiet_without_dependence():
    rng = np.random.default_rng(0)
    weights, w = _grid_weights(15)
    n = len(w)
    x = _simulated_design(rng, n)
    y = x @ np.array([1.0, 2.0]) + rng.normal(size=n)
    assert min(spatial.lagrange_multiplier(y, x, weights).pvalues().values()) > 0.01


def test_lm_lag_detects_spatial_lag():
    rng = np.random.default_rng(1)
    weights, w = _grid_weights(15)
    n = len(w)
    x = _simulated_design(rng, n)
    y = np.linalg.solve(np.eye(n) - 0.6 * w, x @ np.array([1.0, 2.0]) + rng.normal(size=n))
    lm = spatial.lagrange_multiplier(y, x, weights)
    assert lm.pvalues()["lm_lag"] < 0.001
    assert lm.robust_lm_lag > lm.robust_lm_error


def test_lm_tests_of_a_fit_use_its_dummies_and_the_weights_order():
    """The fit's rows are put in the weights' order and its fixed-effect dummies enter the
    design: the same numbers as spreg on that design built by hand."""
    weights, w = _grid_weights(10)
    rng = np.random.default_rng(2)
    ids = list(weights.id_order)
    data = pd.DataFrame(
        {
            "y": rng.normal(size=len(ids)),
            "strength": rng.normal(size=len(ids)),
            "country": [f"C{i % 4}" for i in range(len(ids))],
        },
        index=ids,
    ).iloc[::-1]  # rows in another order than the weights
    fit = estimation.ols(data, "y", ["strength"], fixed_effects="country")
    got = spatial.lagrange_multiplier_fit(fit, weights)
    ordered = data.loc[ids]
    dummies = pd.get_dummies(ordered["country"], drop_first=True).astype(float)
    x = np.column_stack([np.ones(len(ids)), ordered["strength"], dummies])
    expected = spatial.lagrange_multiplier(ordered["y"].to_numpy(), x, weights)
    assert got.__dict__ == pytest.approx(expected.__dict__, rel=1e-10)
    fewer = estimation.ols(data.iloc[1:], "y", ["strength"], fixed_effects="country")
    with pytest.raises(ValueError, match="cover exactly"):
        spatial.lagrange_multiplier_fit(fewer, weights)


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


MAIN = {"outcome_year": 2023, "nobs": 229, "coef": -0.00181, "se": 0.01805}


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
    recoded = nuts.recode(counts, 2013, policy="apportion", column=None).data
    assert recoded["jobs"].sum() == pytest.approx(1500.0)
    assert recoded.loc["FR10", "jobs"] == pytest.approx(500.0)
    assert recoded.loc[["PL91", "PL92"], "jobs"].sum() == pytest.approx(1000.0)
    assert 0 < recoded.loc["PL91", "jobs"] < 1000


def test_parameter_rules_come_from_the_one_validator_per_rule():
    from eucluster.models import regression_data

    bad = {
        **GOOD_PARAMETERS,
        "share_threshold": 1.0,
        "benchmark_quantile": 0.3,
        "seed": True,
        "k_neighbours": 25,
        "suppressed": "zero",
        "star_lq": 6,
    }
    with pytest.raises(ValueError) as error:
        regression_data.validate_parameters(**bad)
    message = str(error.value)
    assert "it is a fraction: 0.01 means 1 %" in message  # parameters.fraction's hint
    assert "benchmark_quantile must be at least 0.5" in message
    assert "seed must be an integer" in message
    assert "k_neighbours must be between 1 and 20" in message
    assert "'bound' fills them" in message  # parameters.suppressed's explanation
    assert "star_lq must be a location quotient in [1, 5]" in message
    assert message.count("\n- ") == 6


# --------------------------------------------------------------------------- the chapter's models


def toy_analysis_frame(n: int = 240, seed: int = 5) -> pd.DataFrame:
    """A frame with the columns of :func:`regression_data.analysis_frame` the models use."""
    rng = np.random.default_rng(seed)
    toy = estimation.simulate(n=n, beta=0.1, countries=12, seed=seed)
    countries = [f"{chr(65 + int(c[1:]) // 26)}{chr(65 + int(c[1:]) % 26)}" for c in toy["country"]]
    frame = pd.DataFrame(index=[f"{c}{i:02d}" for i, c in enumerate(countries)])
    frame["country"] = countries
    frame["log_gdp"] = toy["y"].to_numpy()
    frame["log_gdp_avg"] = frame["log_gdp"] + rng.normal(0, 0.05, n)
    frame["log_gdp_base"] = frame["log_gdp"] - rng.normal(0.2, 0.05, n)
    frame["growth"] = rng.normal(0, 0.1, n)
    for name in ("node_share", "node_count", "star_share", "benchmark_share"):
        frame[name] = rng.uniform(0, 0.3, n)
        frame[f"{name}_z"] = (frame[name] - frame[name].mean()) / frame[name].std()
    frame["node_share_z"] = toy["strength"].to_numpy()
    for name in (
        "tertiary_2008",
        "log_density_2008",
        "log_patents",
        "tertiary",
        "log_density",
        "high_wage_share",
        "eqi_2021",
        "ris_2023",
    ):
        frame[name] = rng.normal(size=n)
    frame["rd_intensity"] = np.where(rng.uniform(size=n) < 0.2, np.nan, rng.normal(size=n))
    frame["rci_2010"] = np.where(rng.uniform(size=n) < 0.15, np.nan, rng.normal(size=n))
    frame["weak"] = rng.uniform(size=n) < 0.3
    frame["weak_int"] = frame["weak"].astype(float)
    frame["capital"] = np.arange(n) % 20 == 0
    frame["apportioned"] = np.arange(n) % 15 == 0
    return frame


def chapter_ids() -> set[str]:
    """The ids the regression chapter publishes, from its reviewed key figures."""
    from eucluster.paths import PROJECT_ROOT

    text = (PROJECT_ROOT / "tests" / "chapters" / "regression.txt").read_text(encoding="utf-8")
    return {line.split(" = ")[0] for line in text.splitlines() if " = " in line}


def test_models_and_their_figures():
    from eucluster.models import prosperity, regression_data

    frame = toy_analysis_frame()
    models = prosperity.estimate(frame, "node_share", regression_data.BASE_CONTROLS)
    assert set(models.fits) == {
        "pooled",
        "controls",
        "main",
        "interaction",
        "rci_sample",
        "rci",
        "average",
    }
    assert models.unsplit.nobs == int((~frame["apportioned"]).sum())
    values = {record.id: getattr(record, "value", None) for record in models.figures}
    assert len(values) == len(models.figures), "an id is published twice"
    assert values["regression.main.strength.coef"] == models.main.estimate("strength")[0]
    assert values["regression.rci.lost"] == frame["rci_2010"].isna().sum()
    assert models.fits["rci_sample"].nobs == models.fits["rci"].nobs
    assert values["regression.interaction.coef"] == pytest.approx(
        models.fits["interaction"].estimate("weak_x_strength")[0]
    )
    low, high = models.main.conf_int("strength")
    assert values["regression.main.strength.low_pct"] == pytest.approx(100 * np.expm1(low))
    assert str(values["regression.unsplit.strength.coef"]) != "-0.0"
    assert [f.label for f in models.table_fits(prosperity.MAIN_TABLE)][-1] == "× weak"


def test_without_weak_and_non_weak_regions_the_interaction_is_said_to_be_missing():
    from eucluster.key_figures import Claim
    from eucluster.models import prosperity

    frame = toy_analysis_frame().assign(weak=False, weak_int=0.0)
    models = prosperity.estimate(frame, "node_share")
    assert "interaction" not in models.fits
    records = {record.id: record for record in models.figures}
    assert "regression.interaction.coef" not in records  # no "n/a" placeholder
    stated = records["regression.interaction.no_difference"]
    assert isinstance(stated, Claim) and not stated.holds
    assert "this sample has no weak region" in stated.if_false
    assert len(models.table_fits(prosperity.MAIN_TABLE)) == 3


def test_influence_summary_leaves_out_regions_alone_in_their_country():
    from eucluster.models import prosperity

    frame = toy_analysis_frame()
    frame.loc[frame.index[1], "country"] = "ZZ"
    main = prosperity.estimate(frame, "node_share").main
    summary = prosperity.influence_summary(main, frame["capital"])
    assert summary.absorbed == 1 and frame.index[1] not in summary.table.index
    values = {record.id: getattr(record, "value", None) for record in summary.figures}
    capitals = summary.table["capital"]
    assert values["regression.influence.capital_mean_residual"] == pytest.approx(
        summary.table.loc[capitals, "residual"].mean()
    )
    assert values["regression.influence.max_cooks_region"] in summary.table.index


def test_sample_figures():
    from eucluster.models import regression_data

    full = toy_analysis_frame()
    frame = regression_data.select_sample(full, "no_capitals")
    values = {
        record.id: getattr(record, "value", None)
        for record in regression_data.sample_figures(full, frame, TOY_CHOICES, "node_share")
    }
    assert values["regression.sample.regions"] == len(frame)
    assert values["regression.outcome.window_start"] == "2019"
    assert values["regression.strength.last_year"] == "2010"
    assert values["regression.strength.sd_pp"] == pytest.approx(100 * full["node_share"].std())


TOY_CHOICES = {
    "outcome_year": 2023,
    "outcome_window": (2019, 2023),
    "strength_years": (2008, 2010),
    "late_countries": {"FR": 2010},
    "lq_threshold": 1.5,
    "share_threshold": 0.01,
    "star_lq": 2.0,
    "benchmark_quantile": 0.75,
    "scope": "traded",
    "strength_divisions": 49,
}


#: The main specification in the curve's terms, at the defaults.
MAIN_CHOICE = {
    "measure": "node_share",
    "sample": "eu27",
    "controls": "baseline",
    "fixed_effects": True,
    "threshold": "node LQ 1.5",
}


def test_every_key_figure_of_the_chapter_has_one_home():
    """The records the package returns carry ids of the chapter's reviewed key figures and
    claims, none twice; the chapter's other ids come from the designs, inference and
    spillovers (``models.evidence``, tested in test_regression_designs) and the traded
    classification (``measures.traded``)."""
    import geopandas as gpd
    from shapely.geometry import Point

    from eucluster.models import prosperity, regression_data, spatial

    frame = toy_analysis_frame()
    models = prosperity.estimate(frame, "node_share")
    shapes = gpd.GeoDataFrame(
        geometry=[Point(1000 * (i % 16), 1000 * (i // 16)) for i in range(len(frame))],
        index=frame.index,
        crs=3035,
    )
    dependence = spatial.residual_dependence(models.main, shapes, k=5, permutations=9)
    records = [
        *regression_data.sample_figures(frame, frame, TOY_CHOICES, "node_share"),
        *models.figures,
        *prosperity.influence_summary(models.main, frame["capital"]).figures,
        *dependence.figures,
    ]
    ids = [record.id for record in records]
    assert len(ids) == len(set(ids))
    assert set(ids) <= chapter_ids()
    families = {
        "traded", "coverage", "panel", "long_difference", "growth", "growth_long", "common",
        "designs", "main", "conley", "influence", "influential", "slx", "error_model", "wild",
    }  # fmt: skip
    assert {name.split(".")[1] for name in chapter_ids() - set(ids)} <= families


# --------------------------------------------------------------------------- charts


def test_regression_charts_build():
    from eucluster.models import prosperity
    from eucluster.report import regression_charts

    frame = toy_analysis_frame()
    models = prosperity.estimate(frame, "node_share")
    summary = prosperity.influence_summary(models.main, frame["capital"])
    panels = regression_charts.residual_panels(summary.table).to_dict()
    assert len(panels["vconcat"]) == 2
