"""The regression chapter's designs, inference and spillovers: toy data with known answers,
the libraries as oracles, and claims whose truth flips with the estimate."""

import numpy as np
import pandas as pd
import pytest

from eucluster.key_figures import Claim
from eucluster.models import designs, estimation, inference
from eucluster.models.design_findings import agreement_claims, design_figures, unclear_claim
from eucluster.models.spillovers import neighbour_mean


def toy_panel(beta: float = 0.05, regions: int = 100, years: int = 8, seed: int = 0):
    """Region-years with region and country-year effects and a known strength slope."""
    rng = np.random.default_rng(seed)
    geo = [f"C{r % 25:02d}{r:03d}" for r in range(regions)]
    rows = pd.DataFrame([(g, 2009 + t) for g in geo for t in range(years)], columns=["geo", "year"])
    rows["country"] = rows["geo"].str.slice(0, 3)
    rows["country_year"] = rows["country"] + rows["year"].astype(str)
    region_effect = pd.Series(rng.normal(0, 1, regions), index=geo)
    cy_effect = {key: rng.normal(0, 0.3) for key in rows["country_year"].unique()}
    rows["strength"] = rng.normal(0, 1, len(rows)) + 0.5 * rows["geo"].map(region_effect)
    rows["log_gdp"] = (
        beta * rows["strength"]
        + rows["geo"].map(region_effect)
        + rows["country_year"].map(cy_effect)
        + rng.normal(0, 0.05, len(rows))
    )
    return rows


def wild_oracle(frame, outcome, regressors, param, reps, seed):
    """pyfixest's wildboottest on the same (already partialled-out) data."""
    import pyfixest as pf

    data = frame.assign(cluster_id=pd.factorize(frame["country"])[0])
    fit = pf.feols(f"{outcome} ~ " + " + ".join(regressors), data=data, vcov={"CRV1": "cluster_id"})
    result = fit.wildboottest(param=param, reps=reps, seed=seed, weights_type="webb")
    return float(result["t value"]), float(result["Pr(>|t|)"])


@pytest.mark.parametrize("beta", [0.0, 0.3])
def test_wild_bootstrap_agrees_with_wildboottest(beta):
    data = estimation.simulate(n=300, beta=beta, countries=15, seed=4)
    data["country"] = data["country"].astype(str)
    mine = inference.wild_cluster(
        data, "y", ["strength", "control"], param="strength", reps=9999, seed=1
    )
    t_stat, pvalue = wild_oracle(data, "y", ["strength", "control"], "strength", 9999, 2)
    assert mine.t_stat == pytest.approx(t_stat, rel=1e-8)
    assert mine.pvalue == pytest.approx(pvalue, abs=0.03)
    assert mine.clusters == 15


def test_wild_bootstrap_with_fixed_effects_equals_the_within_regression():
    panel = toy_panel(beta=0.0, seed=2)
    mine = inference.wild_cluster(
        panel,
        "log_gdp",
        ["strength"],
        param="strength",
        effects=["geo", "country_year"],
        reps=999,
        seed=0,
    )
    within = inference.partial_out(panel[["log_gdp", "strength"]], panel[["geo", "country_year"]])
    t_stat, _ = wild_oracle(
        within.join(panel["country"]), "log_gdp", ["strength"], "strength", 99, 0
    )
    assert mine.t_stat == pytest.approx(t_stat, rel=1e-6)
    with pytest.raises(ValueError, match="not nested"):
        inference.wild_cluster(
            panel, "log_gdp", ["strength"], param="strength", effects=["year"], reps=9
        )


def brute_force_t(frame, b0, v_row, groups):
    """One bootstrap t statistic of H0: beta_strength = b0, built the long way: the restricted
    fit, the bootstrap outcome, a fresh OLS and its CRV1 error (numpy, no shortcuts)."""
    y = frame["y"].to_numpy()
    x = np.column_stack([np.ones(len(frame)), frame[["strength", "control"]].to_numpy()])
    z = x[:, [0, 2]]
    target = y - b0 * x[:, 1]
    gamma = np.linalg.lstsq(z, target, rcond=None)[0]
    restricted = target - z @ gamma
    y_star = z @ gamma + b0 * x[:, 1] + restricted * v_row[groups]
    inverse = np.linalg.inv(x.T @ x)
    beta = inverse @ x.T @ y_star
    residual = y_star - x @ beta
    n_groups = len(v_row)
    scores = np.array([x[groups == g].T @ residual[groups == g] for g in range(n_groups)])
    scale = n_groups / (n_groups - 1) * (len(y) - 1) / (len(y) - x.shape[1])
    variance = scale * inverse @ scores.T @ scores @ inverse
    return (beta[1] - b0) / np.sqrt(variance[1, 1])


def test_wild_draws_under_any_null_equal_the_long_way():
    data = estimation.simulate(n=120, beta=0.2, countries=9, seed=6)
    test = inference.wild_test(data, "y", ["strength", "control"], param="strength", reps=7, seed=3)
    groups = pd.factorize(data["country"])[0]
    v = inference.webb_weights(np.random.default_rng(3), 7, 9)
    for b0 in (0.0, 0.15, -0.4):
        expected = [brute_force_t(data, b0, v[r], groups) for r in range(7)]
        assert np.allclose(test.draws(b0), expected, rtol=1e-10, atol=1e-12)


def test_wild_interval_inverts_the_test_and_holds_the_estimate():
    data = estimation.simulate(n=200, beta=0.2, countries=12, seed=7)
    test = inference.wild_test(
        data, "y", ["strength", "control"], param="strength", reps=1999, seed=0
    )
    low, high = test.interval()
    tolerance = 1e-6 * test.se
    assert low < test.coef < high
    assert test.pvalue(low) >= 0.05 > test.pvalue(low - tolerance)
    assert test.pvalue(high) >= 0.05 > test.pvalue(high + tolerance)
    result = inference.wild_cluster(
        data, "y", ["strength", "control"], param="strength", reps=1999, seed=0
    )
    assert (result.low, result.high) == (low, high)
    assert (result.low <= 0 <= result.high) == (result.pvalue >= 0.05)


def test_wild_interval_with_many_clusters_is_close_to_the_crv1_interval():
    data = estimation.simulate(n=3000, beta=0.2, countries=300, seed=8)
    result = inference.wild_cluster(
        data, "y", ["strength", "control"], param="strength", reps=1999, seed=0
    )
    fit = estimation.ols(data, "y", ["strength", "control"], cluster="country")
    crv1_low, crv1_high = fit.conf_int("strength")
    width = crv1_high - crv1_low
    assert abs(result.low - crv1_low) < 0.05 * width
    assert abs(result.high - crv1_high) < 0.05 * width


def test_clustered_leave_one_out_equals_refitting_with_statsmodels():
    data = estimation.simulate(n=70, beta=0.2, countries=8, seed=9)
    data.loc[data.index[0], "country"] = "C99"  # a country with a single region
    fit = estimation.ols(data, "y", ["strength", "control"], fixed_effects="country")
    fast = estimation.leave_one_out(fit, "strength")
    for left_out in data.index[:12]:
        refit = estimation.ols(
            fit.data.drop(index=left_out), "y", ["strength", "control"], fixed_effects="country"
        )
        expected = refit.estimate("strength")
        assert np.allclose(fast.loc[left_out].to_numpy(), expected, rtol=1e-10, atol=1e-12)


def test_conley_errors_with_a_tiny_kernel_are_white_errors():
    import geopandas as gpd
    from shapely.geometry import Point

    data = estimation.simulate(n=80, beta=0.2, countries=5, seed=3)
    fit = estimation.ols(data, "y", ["strength", "control"], fixed_effects="country")
    shapes = gpd.GeoDataFrame(
        geometry=[Point(50_000 * (i % 10), 50_000 * (i // 10)) for i in range(len(data))],
        index=data.index,
        crs=3035,
    )
    white = fit.result.model.fit(cov_type="HC0").bse["strength"]
    assert inference.conley(fit, shapes, 1.0) == pytest.approx(white, rel=1e-6)
    assert inference.conley(fit, shapes, 400.0) != pytest.approx(white, rel=1e-3)


def test_dfbeta_is_the_leave_one_out_change():
    data = estimation.simulate(n=60, beta=0.2, countries=6, seed=5)
    fit = estimation.ols(data, "y", ["strength", "control"], fixed_effects="country")
    loo = estimation.leave_one_out(fit, "strength")
    change = fit.estimate("strength")[0] - loo["coef"]
    assert np.allclose(inference.dfbeta(fit, "strength"), change.loc[data.index], atol=1e-10)


def test_panel_design_recovers_its_slope_and_drops_singletons():
    panel = toy_panel(beta=0.05, seed=1)
    extra = pd.DataFrame(
        {"geo": ["Z99001"], "year": [2010], "country": ["Z99"], "country_year": ["Z992010"]}
    ).assign(strength=1.0, log_gdp=3.0)
    estimate = designs.fit_fixed_effects(
        pd.concat([panel, extra]),
        "log_gdp",
        ["strength"],
        ["geo", "country_year"],
        design="panel",
        seed=0,
    )
    assert estimate.coef == pytest.approx(0.05, abs=0.01)
    assert estimate.wild_p < 0.05 and "Z99001" not in estimate.regions
    assert "Z99001" in estimate.complete


def test_panel_lags_strength_and_windows_average_what_is_published():
    annual = pd.DataFrame(
        {
            "geo": ["AA01"] * 3 + ["BB01"],
            "year": [2008, 2009, 2010, 2010],
            "node_share": [0.1, 0.2, 0.3, 0.5],
        }
    )
    gdp = pd.DataFrame(
        np.exp(np.arange(2 * 16).reshape(2, 16) / 10),
        index=["AA01", "BB01"],
        columns=range(2008, 2024),
    )
    frame = designs.panel_frame(annual, gdp, "node_share", scale=0.1)
    row = frame[(frame["geo"] == "AA01") & (frame["year"] == 2010)].iloc[0]
    assert row["strength"] == pytest.approx(2.0) and row["log_gdp"] == pytest.approx(0.2)
    means = designs.window_mean(annual, "node_share", designs.FIRST_WINDOW)
    assert means["AA01"] == pytest.approx(0.2) and means["BB01"] == pytest.approx(0.5)
    growth = designs.growth_frame(annual, gdp, "node_share", 0.1, (2008, 2023)).set_index("geo")
    assert growth.loc["AA01", "growth"] == pytest.approx(1.5)


def make_estimate(coef: float, p: float, design: str = "growth") -> designs.DesignEstimate:
    regions = pd.Index(["AA01", "BB01"])
    low, high = (coef - 0.03, coef + 0.03) if p >= 0.05 else (coef - 0.005, coef + 0.005)
    return designs.DesignEstimate(design, coef, 0.01, p, low, high, 2, regions, regions)


def toy_designs(growth_coef: float, growth_p: float) -> designs.Designs:
    estimates = {key: make_estimate(0.001, 0.6, key) for key in designs.LABELS}
    estimates["growth"] = make_estimate(growth_coef, growth_p)
    estimates["growth_long"] = make_estimate(growth_coef, growth_p, "growth_long")
    return designs.Designs(estimates, estimates, pd.Index(["AA01", "BB01"]), {})


def test_design_claims_flip_with_the_estimate():
    def claims_of(found):
        return {c.id: c for c in design_figures(found) if isinstance(c, Claim)}

    unclear = claims_of(toy_designs(-0.002, 0.4))
    slower = claims_of(toy_designs(-0.02, 0.01))
    assert unclear["regression.growth.not_both_negative"].holds
    assert not slower["regression.growth.not_both_negative"].holds
    assert "convergence" in slower["regression.growth.not_both_negative"].if_false
    assert not slower["regression.growth.strength.unclear"].holds
    assert "clearly negative" in slower["regression.growth.strength.unclear"].if_false
    assert unclear_claim("x", 0.01, 0.4, "strength", (-0.02, 0.04)).holds
    assert (
        "-0.020 to 0.040, which includes zero"
        in unclear_claim("x", 0.01, 0.4, "strength", (-0.02, 0.04)).if_true
    )
    largest = {"panel": make_estimate(0.02, 0.01, "panel")}
    common = {"panel": make_estimate(0.02, 0.3, "panel")}
    claims = {c.id: c for c in agreement_claims(largest, common) if isinstance(c, Claim)}
    assert not claims["regression.designs.none_positive"].holds
    assert "panel" in claims["regression.designs.none_positive"].if_false
    assert claims["regression.common.some_answer_changes"].holds
    assert "panel" in claims["regression.common.some_answer_changes"].if_true
    same = {c.id: c for c in agreement_claims(largest, largest) if isinstance(c, Claim)}
    assert not same["regression.common.some_answer_changes"].holds


def test_neighbour_mean_averages_the_neighbours():
    from libpysal.weights import W

    weights = W({"a": ["b"], "b": ["a", "c"], "c": ["b"]})
    weights.transform = "r"
    values = pd.Series({"a": 1.0, "b": 2.0, "c": 4.0})
    assert neighbour_mean(values, weights).to_dict() == {"a": 2.0, "b": 2.5, "c": 2.0}


def test_wild_interval_claims_read_the_interval():
    from eucluster.models.design_findings import inference_figures

    data = estimation.simulate(n=90, beta=0.2, countries=9, seed=10)
    fit = estimation.ols(data, "y", ["strength", "control"], fixed_effects="country")
    coef, se, _ = fit.estimate("strength")
    influence = inference.dfbeta(fit)

    def wider_claim(low, high):
        wild = inference.WildBootstrap("strength", 2.0, 0.04, 999, 9, low, high)
        records = inference_figures(fit, wild, {250: se, 500: se}, influence, fit)
        return {r.id: r for r in records if isinstance(r, Claim)}["regression.main.wild_wider"]

    assert wider_claim(coef - 3 * se, coef + 3 * se).holds
    narrow = wider_claim(coef - se, coef + se)
    assert not narrow.holds and "no wider" in narrow.if_false
    clear = unclear_claim("x", -0.02, 0.01, "strength", (-0.03, -0.004))
    assert not clear.holds and "-0.030 to -0.004, which excludes zero" in clear.if_false
