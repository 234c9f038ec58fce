"""Traded/local classification of NACE divisions: the locational Gini and the quotient spread on
toy matrices, the Cluster Mapping shares, the claims, and the real-data result the issue
expects (retail, food service and specialised construction are local)."""

import numpy as np
import pandas as pd
import pytest

from eucluster.key_figures import Claim
from eucluster.measures import traded

# Four regions in two countries (AA, BB). "local" is proportional to total employment of the
# other sectors; "cluster" sits in one region.
TOTAL = np.array([100.0, 300.0, 200.0, 400.0])
TOY = pd.DataFrame(
    {
        "local": 0.2 * TOTAL,
        "cluster": [0.0, 0.0, 90.0, 0.0],
        "rest": [80.0, 240.0, 70.0, 320.0],
    },
    index=["AA01", "AA02", "BB01", "BB02"],
)


def _pairwise_gini(employment: pd.DataFrame, column: str) -> float:
    """The Gini as the weighted mean absolute difference of quotients (EU reference)."""
    totals = employment.sum(axis=1).to_numpy()
    x = totals / totals.sum()
    share = employment[column].to_numpy() / employment[column].sum()
    lq = share / x
    diff = np.abs(lq[:, None] - lq[None, :])
    return float((x[:, None] * x[None, :] * diff).sum() / (2 * (x * lq).sum()))


def test_population_following_sector_has_low_gini_and_concentrated_high():
    gini = traded.locational_gini(TOY, reference="eu")
    assert gini["local"] < 0.05
    assert gini["cluster"] > 0.75  # 1 - the employment share of the one region
    assert gini["local"] < gini["rest"] < gini["cluster"]


def test_lorenz_gini_equals_pairwise_formula():
    rng = np.random.default_rng(3)
    employment = pd.DataFrame(
        rng.uniform(0, 100, size=(7, 4)), index=[f"CC{i:02d}" for i in range(7)]
    )
    gini = traded.locational_gini(employment, reference="eu")
    for column in employment:
        assert gini[column] == pytest.approx(_pairwise_gini(employment, column), abs=1e-12)


def test_country_reference_ignores_national_differences_in_size():
    # "big_in_aa" is 40 % of employment in both AA regions and 10 % in both BB regions: it
    # follows employment within each country, but not across them.
    employment = pd.DataFrame(
        {"big_in_aa": [40.0, 80.0, 10.0, 30.0], "rest": [60.0, 120.0, 90.0, 270.0]},
        index=["AA01", "AA02", "BB01", "BB02"],
    )
    within = traded.locational_gini(employment, reference="country")
    across = traded.locational_gini(employment, reference="eu")
    assert within["big_in_aa"] == pytest.approx(0.0, abs=1e-12)
    assert across["big_in_aa"] > 0.2


def test_lq_spread_is_zero_for_a_proportional_sector():
    spread = traded.lq_spread(TOY, reference="eu")
    assert spread.loc["local", "lq_cv"] == pytest.approx(0.0, abs=1e-12)
    assert spread.loc["local", "lq_near_one"] == 1.0
    assert spread.loc["cluster", "lq_near_one"] == 0.0
    assert spread.loc["cluster", "lq_cv"] > 1.0


def test_cmp_local_shares_count_industries_through_the_subsector():
    definitions = pd.DataFrame(
        {
            "naics": ["722511", "722513", "336111", "336112", "441110"],
            "cluster_key": [
                "local_hospitality",
                "local_hospitality",
                "automotive",
                "automotive",
                "local_motor_vehicle",
            ],
        }
    )
    correspondence = pd.DataFrame(
        {"naics_subsector": ["722", "336", "336", "441"], "division": ["I56", "C29", "C30", "G45"]}
    )
    shares = traded.cmp_local_shares(definitions, correspondence)
    assert shares.loc["I56", "cmp_local_share"] == 1.0
    assert shares.loc["C29", "naics_industries"] == 2
    assert shares.loc["C30", "cmp_local_share"] == 0.0
    assert shares.loc["G45", "local_industries"] == 1


def _toy_table(threshold: float) -> pd.DataFrame:
    shares = pd.DataFrame(
        {"naics_industries": [3, 2], "local_industries": [3, 0], "cmp_local_share": [1.0, 0.0]},
        index=pd.Index(["local", "cluster"], name="division"),
    )
    return traded.classify_table(TOY, shares, gini_threshold=threshold, reference="eu")


def test_classify_table_flags_and_agreement():
    table = _toy_table(0.25)
    assert table["traded"].to_dict() == {"local": False, "cluster": True, "rest": False}
    assert not table.loc["local", "cmp_traded"]
    assert pd.isna(table.loc["rest", "cmp_traded"])
    assert bool(table.loc["local", "agree"]) and bool(table.loc["cluster", "agree"])
    assert pd.isna(table.loc["rest", "agree"])


def _claims(table: pd.DataFrame, threshold: float, population_gini: float) -> dict[str, Claim]:
    records = traded.classification_figures(
        table, gini_threshold=threshold, reference="eu", population_gini=population_gini
    )
    return {r.id: r for r in records if isinstance(r, Claim)}


def test_expected_local_claim_flips_when_retail_is_traded():
    table = pd.DataFrame(
        {
            "employment_share": [0.5, 0.3, 0.2],
            "traded": [False, False, True],
            "cmp_traded": pd.array([False, False, True], dtype="boolean"),
            "agree": pd.array([True, True, True], dtype="boolean"),
        },
        index=pd.Index(["G47", "I56", "F43"], name="division"),
    )
    claims = _claims(table, 0.25, 0.1)
    assert not claims["regression.traded.expected_local"].holds
    assert "F43" in claims["regression.traded.expected_local"].if_false
    assert claims["regression.traded.population_benchmark_local"].holds
    assert not _claims(table, 0.25, 0.3)["regression.traded.population_benchmark_local"].holds
    table["traded"] = [False, False, False]
    table["agree"] = pd.array([True, True, False], dtype="boolean")
    claims = _claims(table, 0.25, 0.1)
    assert claims["regression.traded.expected_local"].holds
    assert claims["regression.traded.mostly_agree"].holds
    table["agree"] = pd.array([True, False, False], dtype="boolean")
    assert not _claims(table, 0.25, 0.1)["regression.traded.mostly_agree"].holds


def test_rule_parameters_are_validated():
    with pytest.raises(ValueError, match="gini_threshold"):
        traded.validate_rule(1.5, "country", "bound", (2008,))
    with pytest.raises(ValueError, match="reference"):
        traded.validate_rule(0.25, "world", "bound", (2008,))
    with pytest.raises(ValueError, match="years"):
        traded.validate_rule(0.25, "country", "bound", (2007,))


def _data_available() -> bool:
    try:
        from eucluster import data

        for name in ("sbs_r_nuts06_r2", "us_cluster_definitions", "tgs00096"):
            data.path(name)
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _data_available(), reason="the SBS, CMP or population file is missing")
def test_real_data_retail_food_service_and_specialised_construction_are_local():
    result = traded.classify_divisions()
    local = set(result.local)
    assert {"G47", "I56", "F43"} <= local
    assert {"C29", "C21", "C30"} <= set(result.traded)
    assert set(traded.traded_divisions()) == set(result.traded)
    assert result.table["cmp_traded"].notna().all()
    assert result.population_gini < traded.DEFAULT_GINI_THRESHOLD
    claims = [r for r in result.figures if isinstance(r, Claim)]
    assert all(c.holds for c in claims)
