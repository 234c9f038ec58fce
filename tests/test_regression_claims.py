"""The regression chapter's claims agree with their computation: toy results where the truth
flips, and the sentence the book would show in each case."""

import numpy as np
import pytest

from eucluster.key_figures import Claim
from eucluster.models import estimation, prosperity, verdicts
from eucluster.models import prosperity_claims as pc
from eucluster.models.spatial import MoranResult, dependence_claims
from tests.test_regression import TOY_CHOICES, toy_analysis_frame


def claims_of(records) -> dict[str, Claim]:
    return {record.id: record for record in records if isinstance(record, Claim)}


def shown(record: Claim) -> str:
    return record.if_true if record.holds else record.if_false


# --------------------------------------------------------------------------- the words


def test_verdict_words():
    assert verdicts.p_text(0.0004) == "p < 0.001" and verdicts.p_text(0.0213) == "p = 0.021"
    assert verdicts.is_small(np.log(0.97), np.log(1.02))
    assert not verdicts.is_small(np.log(1.007), np.log(1.072))
    assert verdicts.same_answer((-0.1, 0.3), (0.2, 0.6))  # both unclear
    assert not verdicts.same_answer((-0.1, 0.01), (0.2, 0.01))  # clear, other signs
    assert not verdicts.same_answer((0.1, 0.01), (0.1, 0.2))  # clear against unclear
    assert (
        verdicts.richer_or_poorer(-0.1, 0.01, "they", clear=True) == "they are poorer (p = 0.010)"
    )
    assert "neither clearly" in verdicts.richer_or_poorer(0.1, 0.4, "they", clear=False)


# --------------------------------------------------------------------------- the models


@pytest.mark.parametrize("beta", [0.0, 0.4, -0.4])
def test_main_claims_follow_the_estimate(beta):
    frame = toy_analysis_frame()
    rng = np.random.default_rng(1)
    frame["node_share_z"] = rng.normal(size=len(frame))
    frame["log_gdp"] = beta * frame["node_share_z"] + rng.normal(0, 0.3, len(frame))
    models = prosperity.estimate(frame, "node_share")
    coef, _, p = models.main.estimate("strength")
    claims = claims_of(models.figures)
    includes_zero = claims["regression.main.strength.includes_zero"]
    assert includes_zero.holds == (p >= 0.05)
    text = shown(includes_zero)
    if p >= 0.05:
        assert "neither clearly richer nor poorer" in text
    else:
        assert ("poorer" if coef < 0 else "richer") in text and "neither" not in text
    no_support = claims["regression.main.no_support"]
    assert no_support.holds == (not (coef > 0 and p < 0.05))
    assert claims["regression.pooled.strength.positive"].holds == (
        models.fits["pooled"].estimate("strength")[0] >= 0
    )


def test_the_index_sentence_says_whether_the_sign_turns():
    frame = toy_analysis_frame()
    models = prosperity.estimate(frame, "node_share", ["tertiary", "log_density"])
    same, index = (models.fits[k].estimate("strength")[0] for k in ("rci_sample", "rci"))
    keeps = claims_of(models.figures)["regression.rci.keeps_sign"]
    assert keeps.holds == ((same < 0) == (index < 0))
    rng = np.random.default_rng(3)
    strength = frame["node_share_z"]
    index_value = strength + rng.normal(0, 0.1, len(frame))
    flipped = frame.assign(
        rci_2010=index_value,
        log_gdp=0.5 * strength - 1.0 * index_value + rng.normal(0, 0.05, len(frame)),
    )
    turned = claims_of(prosperity.estimate(flipped, "node_share", ["tertiary"]).figures)
    assert not turned["regression.rci.keeps_sign"].holds
    assert shown(turned["regression.rci.keeps_sign"]).startswith("turns the coefficient positive")


def test_the_controls_listed_are_those_of_the_model_fitted():
    frame = toy_analysis_frame()
    models = prosperity.estimate(frame, "node_share", ["tertiary", "log_density"])
    values = {r.id: r.value for r in models.figures if not isinstance(r, Claim)}
    assert values["regression.main.controls"] == (
        f"{pc.CONTROL_DESCRIPTIONS['tertiary']} and {pc.CONTROL_DESCRIPTIONS['log_density']}"
    )
    assert "R&D" not in values["regression.main.controls"]


def test_an_all_weak_sample_says_the_interaction_is_missing():
    frame = toy_analysis_frame().assign(weak=True, weak_int=1.0)
    models = prosperity.estimate(frame, "node_share")
    stated = claims_of(models.figures)["regression.interaction.no_difference"]
    assert not stated.holds and "every region of this sample is weak" in stated.if_false


# --------------------------------------------------------------------------- influence


def test_one_region_that_carries_the_estimate_is_named():
    frame = toy_analysis_frame()
    rng = np.random.default_rng(2)
    frame["node_share_z"] = rng.normal(size=len(frame))
    frame["log_gdp"] = rng.normal(0, 0.3, len(frame))
    outlier = frame.index[frame["country"].eq(frame["country"].iloc[0])][0]
    frame.loc[outlier, ["node_share_z", "log_gdp"]] = [25.0, 20.0]
    main = prosperity.estimate(frame, "node_share").main
    summary = prosperity.influence_summary(main, frame["capital"])
    claims = claims_of(summary.figures)
    carried = claims["regression.influence.no_single_region"]
    assert not carried.holds and f"without {outlier}" in carried.if_false
    values = {r.id: r.value for r in summary.figures if not isinstance(r, Claim)}
    assert values["regression.influence.dropped_region"] == outlier


def test_leave_one_out_refits_without_each_region():
    data = estimation.simulate(n=60, countries=5, seed=4)
    fit = estimation.ols(data, "y", ["strength", "control"], fixed_effects="country")
    dropped = estimation.leave_one_out(fit, "strength")
    assert list(dropped.index) == list(fit.data.index)
    first = dropped.index[0]
    refit = estimation.ols(
        data.drop(index=first), "y", ["strength", "control"], fixed_effects="country"
    )
    assert dropped.loc[first, "coef"] == pytest.approx(refit.estimate("strength")[0])


def test_a_sample_without_capitals_says_so():
    frame = toy_analysis_frame().assign(capital=False)
    main = prosperity.estimate(frame, "node_share").main
    summary = prosperity.influence_summary(main, frame["capital"])
    ids = {record.id for record in summary.figures}
    assert "regression.influence.capital_mean_residual" not in ids  # no 0.00 placeholder
    above = claims_of(summary.figures)["regression.influence.capitals_above"]
    assert not above.holds and "no capital region" in above.if_false


# --------------------------------------------------------------------------- the design


def test_design_claims_follow_the_parameters():
    full = toy_analysis_frame()
    default = claims_of(pc.design_claims(full, TOY_CHOICES, "node_share"))
    assert all(record.holds for record in default.values())
    later = {
        **TOY_CHOICES,
        "strength_years": (2011, 2012),
        "late_countries": {},
        "lq_threshold": 2.0,
    }
    records = pc.design_claims(full, later, "node_count")
    claims = claims_of(records)
    assert shown(claims["regression.strength.crisis_years"]).startswith("years after")
    assert not claims["regression.strength.france_late"].holds
    node = claims["regression.rule.node_published"]
    assert not node.holds and "location quotient above 2 and" in node.if_false
    values = {r.id: r.value for r in records if not isinstance(r, Claim)}
    assert values["regression.strength.measure_name"] == "node count"
    assert values["regression.strength.sd"].endswith("nodes")


# --------------------------------------------------------------------------- spatial tests


def moran(statistic: float, pvalue: float) -> MoranResult:
    return MoranResult(statistic, -0.01, 2.0, pvalue, 999, pvalue)


def test_spatial_claims_follow_the_tests():
    calm = {"lm_error": 0.4, "lm_lag": 0.9, "robust_lm_error": 0.2, "robust_lm_lag": 0.1}
    claims = claims_of(dependence_claims(moran(0.02, 0.3), calm))
    assert claims["regression.moran.not_clustered"].holds
    assert "do not reject independence" in shown(claims["regression.lm.none_reject"])
    assert shown(claims["regression.lm.lag_over_error"]).startswith("lean towards a spatial lag")
    assert claims["regression.lm.robust_undecided"].holds
    decided = {"lm_error": 0.001, "lm_lag": 0.07, "robust_lm_error": 0.03, "robust_lm_lag": 0.9}
    claims = claims_of(dependence_claims(moran(0.15, 0.002), decided))
    assert not claims["regression.moran.not_clustered"].holds
    assert shown(claims["regression.lm.none_reject"]).endswith("only in the error form")
    assert shown(claims["regression.lm.robust_undecided"]).startswith("and the robust error test")
