"""Count models of nodes per region and the country-block bootstrap, on toy worlds.

The oracles are statsmodels itself (a frequency-weighted GLM for each bootstrap draw, the
group-mean ratio for an unadjusted model) and constructions whose answer is known: a world
where the node gap is pure size, countries that each hold one group, a draw without weak
regions.
"""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from eucluster.models import country_bootstrap as boot
from eucluster.models import node_counts


def toy_world(seed=1, n_countries=12, per_country=8, weak_effect=1.0, size_power=1.0):
    """Regions in countries; half the countries hold weak regions, which are smaller. Nodes are
    Poisson with mean proportional to employment**size_power times weak_effect if weak."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_countries):
        for r in range(per_country):
            weak = c % 2 == 0 and r % 2 == 0
            employment = float(rng.lognormal(12.0 - (0.8 if weak else 0.0), 0.6))
            rate = 3 * (employment / 150_000) ** size_power * (weak_effect if weak else 1.0)
            rows.append(
                {
                    "geo": f"C{c:02d}{r}",
                    "country": f"C{c:02d}",
                    "weak": weak,
                    "employment": employment,
                    "industry_relevant": rng.poisson(rate),
                    "regional_relevant": rng.poisson(6 * (weak_effect if weak else 1.0)),
                }
            )
    return pd.DataFrame(rows).set_index("geo")


def test_region_frame_keeps_labelled_regions_with_plain_types():
    nodes = pd.DataFrame(
        {
            "regional_relevant": [3, 4, 5],
            "industry_relevant": [1, 0, 2],
            "weak": pd.array([True, pd.NA, False], dtype="boolean"),
            "country": ["AA", "AA", "BB"],
            "employment": [10.0, 20.0, 30.0],
        },
        index=["AA1", "AA2", "BB1"],
    )
    frame = node_counts.region_frame(nodes)
    assert list(frame.index) == ["AA1", "BB1"]
    assert frame["weak"].dtype == bool and frame["industry_relevant"].dtype.kind == "i"


def test_unadjusted_ratio_is_the_ratio_of_group_means():
    world = toy_world()
    fitted = node_counts.fit(world, "industry_relevant", model="poisson", adjusted=False)
    means = world.groupby("weak")["industry_relevant"].mean()
    assert fitted.irr == pytest.approx(means[True] / means[False], rel=1e-8)
    assert fitted.low < fitted.irr < fitted.high
    assert fitted.clusters == 12


def test_size_adjustment_removes_a_pure_size_gap():
    """Weak regions are smaller and have no effect of their own: the raw ratio is below one,
    the size-adjusted ratio is near one and the size coefficient near the true power."""
    world = toy_world(seed=3, n_countries=30, per_country=10)
    before = node_counts.fit(world, "industry_relevant", model="poisson", adjusted=False)
    after = node_counts.fit(world, "industry_relevant", model="poisson", adjusted=True)
    assert before.high < 1
    assert after.low < 1 < after.high
    assert after.size_elasticity == pytest.approx(1.0, abs=0.15)


def test_overdispersion_test_tells_poisson_from_negative_binomial_counts():
    world = toy_world(seed=5, n_countries=20, per_country=10)
    assert not node_counts.overdispersion(world, "regional_relevant").overdispersed
    rng = np.random.default_rng(7)
    mean = 4.0
    world["industry_relevant"] = rng.negative_binomial(1.0, 1 / (1 + mean), len(world))
    test = node_counts.overdispersion(world, "industry_relevant", adjusted=False)
    assert test.overdispersed and test.alpha > 0.5 and test.aic_negbin < test.aic_poisson


def test_negative_binomial_with_zero_dispersion_is_the_poisson_fit():
    world = toy_world(seed=2, n_countries=20, per_country=10)
    negbin = node_counts.fit(world, "regional_relevant", model="negbin", adjusted=True)
    poisson = node_counts.fit(world, "regional_relevant", model="poisson", adjusted=True)
    assert negbin.dispersion == 0 and negbin.irr == poisson.irr and negbin.low == poisson.low
    assert negbin.aic == pytest.approx(poisson.aic + 2)
    with pytest.raises(ValueError, match="model must be one of"):
        node_counts.fit(world, "industry_relevant", model="ols", adjusted=True)


def test_fixed_effects_drop_single_region_and_zero_countries_and_name_mixed_ones():
    world = toy_world(seed=4)
    single = world.iloc[[0]].copy()
    single.index, single["country"] = ["ZZ0"], "ZZ"
    empty = world[world["country"] == "C01"].copy()
    empty.index = empty.index.str.replace("C01", "YY")
    empty["country"], empty["industry_relevant"] = "YY", 0
    within = node_counts.fixed_effects(pd.concat([world, single, empty]), "industry_relevant")
    assert within.single_region_countries == ["ZZ"]
    assert within.zero_count_countries == ["YY"]
    assert within.countries == 12 and within.regions == len(world)
    assert within.mixed_countries == [f"C{c:02d}" for c in range(0, 12, 2)]


def test_weighted_fits_match_statsmodels_frequency_weights():
    world = toy_world(seed=6)
    exog = node_counts.design(world, adjusted=True)
    weights = boot.country_weights(world["country"], n_bootstrap=5, seed=11)
    for dispersion in (0.0, 0.4):
        family = (
            sm.families.Poisson()
            if dispersion == 0
            else sm.families.NegativeBinomial(alpha=dispersion)
        )
        start = sm.GLM(world["industry_relevant"], exog, family=family).fit().params * 0.9
        fitted, converged = node_counts.weighted_fits(
            exog.to_numpy(), world["industry_relevant"].to_numpy(float), weights, start.to_numpy(),
            dispersion=dispersion,
        )  # fmt: skip
        assert converged.all()
        for draw in range(5):
            keep = weights[draw] > 0
            oracle = sm.GLM(
                world["industry_relevant"][keep], exog[keep], family=family,
                freq_weights=weights[draw][keep],
            ).fit(tol=1e-13)  # fmt: skip
            np.testing.assert_allclose(fitted[draw], oracle.params.to_numpy(), rtol=1e-7)


def test_weighted_fits_flag_a_draw_without_weak_regions():
    world = toy_world(seed=6)
    exog = node_counts.design(world, adjusted=False)
    weights = np.ones((2, len(world)))
    weights[1, world["weak"].to_numpy()] = 0
    start = np.zeros(exog.shape[1])
    fitted, converged = node_counts.weighted_fits(
        exog.to_numpy(), world["industry_relevant"].to_numpy(float), weights, start
    )
    assert converged.tolist() == [True, False]
    assert np.isnan(fitted[1]).all()


def test_country_weights_draw_whole_countries():
    country = pd.Series(["A", "A", "B", "C", "C", "C"])
    weights = boot.country_weights(country, n_bootstrap=400, seed=1)
    assert weights.shape == (400, 6)
    assert (weights[:, 0] == weights[:, 1]).all() and (weights[:, 3] == weights[:, 5]).all()
    per_draw = weights[:, [0, 2, 3]].sum(axis=1)
    assert (per_draw == 3).all()  # as many countries drawn as there are
    again = boot.country_weights(country, n_bootstrap=400, seed=1)
    np.testing.assert_array_equal(weights, again)


def test_gap_draws_mark_empty_groups_and_intervals_count_them():
    values = pd.Series([1.0, 3.0, 5.0])
    weak = pd.Series([True, False, False])
    weights = np.array([[1, 1, 1], [0, 2, 1], [2, 0, 0], [1, 0, 2]], float)
    gaps = boot.gap_draws(values, weak, weights)
    np.testing.assert_allclose(gaps[[0, 3]], [1 - 4, 1 - 5])
    assert np.isnan(gaps[1]) and np.isnan(gaps[2])
    interval = boot.interval_from(gaps)
    assert interval.dropped == 2 and interval.draws == 2
    with pytest.raises(ValueError, match="every draw had an empty group"):
        boot.interval_from(np.full(3, np.nan))


def test_country_interval_is_wider_when_countries_share_their_level():
    """Regions of one country share a country effect: the country bootstrap and the clustered
    interval see it, the region bootstrap (passed in) does not."""
    world = toy_world(seed=8, n_countries=16, per_country=10)
    effect = np.random.default_rng(9).normal(0, 3, 16)
    codes = pd.factorize(world["country"])[0]
    world["regional_relevant"] = np.maximum(0, world["regional_relevant"] + effect[codes]).round()
    weights = boot.country_weights(world["country"], n_bootstrap=1000, seed=2)
    n = len(world)
    region_draws = np.random.default_rng(3).multinomial(n, np.full(n, 1 / n), 1000)
    naive = boot.interval_from(
        boot.gap_draws(world["regional_relevant"], world["weak"], region_draws.astype(float))
    )
    gaps = boot.gap_intervals(world, "regional_relevant", weights, (naive.low, naive.high))
    assert gaps.width_ratio > 1
    assert gaps.clustered_high - gaps.clustered_low > naive.high - naive.low
