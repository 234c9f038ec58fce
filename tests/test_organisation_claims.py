"""The organisations chapter's claims: each sentence agrees with its computation, and a toy
result where the truth flips gets the other sentence, which says what happened instead."""

import pandas as pd
import pytest

from eucluster.documents import (
    case_studies,
    cluster_membership,
    gold_silver_services,
    label_claims,
    leading_organisations,
)
from eucluster.key_figures import Claim

HIGHLIGHTED = gold_silver_services.HIGHLIGHTED_SERVICES


def shown(record: Claim) -> str:
    return record.if_true if record.holds else record.if_false


def by_id(records):
    return {record.id: record for record in records if isinstance(record, Claim)}


def toy_comparison(**overrides) -> pd.DataFrame:
    """Three highlighted services and one more, with p-values chosen per test."""
    rows = {
        "service": [*HIGHLIGHTED.values(), "Advisory services"],
        "service_short": [
            "Access to finance: public funding",
            "Access to the European internal market",
            "Digital training courses for members",
            "Advisory services",
        ],
        "gold_share": [0.66, 0.24, 0.28, 0.30],
        "silver_share": [0.36, 0.0, 0.43, 0.20],
        "p_value": [0.10, 0.08, 0.49, 0.70],
        "p_holm": [1.0, 1.0, 1.0, 1.0],
        "annex_p_value": [0.048, 0.08, 0.70, 0.70],
    }
    rows.update(overrides)
    frame = pd.DataFrame(rows)
    frame["difference"] = frame["gold_share"] - frame["silver_share"]
    return frame


@pytest.fixture(scope="module")
def survey():
    return gold_silver_services.compare_services_by_label()


def test_every_claim_of_the_default_survey_holds_and_agrees_with_its_figures(survey):
    claims = by_id(survey.figures)
    figures = {r.id: r.value for r in survey.figures if not isinstance(r, Claim)}
    assert claims and all(record.holds for record in claims.values())
    holm_hits = figures["organisations.tests.significant_holm"]
    assert claims["organisations.label.none_after_correction"].holds == (holm_hits == 0)
    mdd = min(figures["organisations.power.mdd_half"], figures["organisations.power.mdd_tenth"])
    assert claims["organisations.power.reported_gaps_undetectable"].holds == (mdd > 0.2)
    exact = figures["organisations.public_funding.exact_power"]
    assert claims["organisations.public_funding.underpowered"].holds == (exact < 0.8)
    assert "39%" in shown(claims["organisations.public_funding.underpowered"])


def test_a_lower_confidence_flips_the_significance_sentences_not_the_verdict():
    looser = by_id(gold_silver_services.compare_services_by_label(confidence=0.8).figures)
    assert looser["organisations.label.none_after_correction"].holds
    public = looser["organisations.public_funding.not_significant"]
    assert not public.holds
    assert shown(public).startswith("significant at face value at 80% confidence")
    assert "but not after Holm" in shown(public)
    sole = looser["organisations.public_funding.sole_hit"]
    assert not sole.holds
    assert "2 services fall below the threshold" in shown(sole)


def test_correction_claims_name_the_services_that_survive_holm():
    comparison = toy_comparison(p_holm=[0.01, 1.0, 1.0, 1.0])
    claims = by_id(label_claims.correction_claims(comparison, alpha=0.05))
    verdict = claims["organisations.label.none_after_correction"]
    assert not verdict.holds
    assert shown(verdict).startswith("1 of the 4 services (access to finance: public funding)")
    assert "does go with part of the service mix" in shown(verdict)


def test_month_matters_when_the_two_counts_pass_different_services():
    same = toy_comparison(annex_p_value=[0.10, 0.08, 0.49, 0.70])
    claims = by_id(label_claims.correction_claims(same, alpha=0.05))
    assert not claims["organisations.label.month_matters"].holds
    assert "does not change" in shown(claims["organisations.label.month_matters"])


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (0.5, "detectable whatever the shares"),
        (0.3, "detectable only where shares are near one tenth"),
        (0.1, "below what these groups can detect"),
    ],
)
def test_reach_says_where_a_gap_is_detectable(gap, expected):
    assert label_claims.reach(gap, mdd_half=0.45, mdd_tenth=0.27) == expected


def test_power_claims_flip_with_a_smaller_detectable_difference():
    values = {
        "organisations.power.mdd_half": 0.32,
        "organisations.power.mdd_tenth": 0.15,
        "organisations.public_funding.exact_power": 0.81,
    }
    claims = by_id(label_claims.power_claims(values, power=0.5))
    gaps = claims["organisations.power.reported_gaps_undetectable"]
    assert not gaps.holds
    assert "twenty points is detectable only where shares are near one tenth" in shown(gaps)
    assert "ten points is below what these groups can detect" in shown(gaps)
    underpowered = claims["organisations.public_funding.underpowered"]
    assert not underpowered.holds
    assert "only" not in shown(underpowered)
    assert "at least the 50% asked for" in shown(underpowered)


def test_highlight_claims_name_the_largest_gaps_when_the_report_picked_others():
    comparison = toy_comparison(gold_share=[0.66, 0.24, 0.28, 0.90])
    claims = by_id(label_claims.highlight_claims(comparison, HIGHLIGHTED, alpha=0.05))
    largest = claims["organisations.highlights.largest"]
    assert not largest.holds
    assert "advisory services and access to finance: public funding" in shown(largest)
    comparison = toy_comparison(silver_share=[0.36, 0.0, 0.10, 0.20])
    claims = by_id(label_claims.highlight_claims(comparison, HIGHLIGHTED, alpha=0.05))
    ahead = claims["organisations.digital_training.silver_ahead"]
    assert not ahead.holds
    assert shown(ahead) == "run the same way as the others: gold (28%) ahead of silver (10%)"


def test_annex_claims_describe_a_single_organisation_and_its_alternatives():
    counts = pd.DataFrame({"service": [*HIGHLIGHTED.values(), "Advisory services"]})
    counts["silver"] = [5, 0, 6, 3]
    annex = counts.set_index("service").assign(silver=[4, 0, 6, 3])
    sole = by_id(
        label_claims.annex_claims(
            toy_comparison(), counts, annex, service=HIGHLIGHTED["public_funding"], alpha=0.05
        )
    )
    assert sole["organisations.public_funding.sole_hit"].holds
    assert shown(sole["organisations.public_funding.annex_change"]).startswith(
        "With the Annex 1 count, one silver organisation fewer, p falls to 0.048"
    )
    assert shown(sole["organisations.annex.by_one"]) == "always by one organisation"
    strict = by_id(
        label_claims.annex_claims(
            toy_comparison(), counts, annex, service=HIGHLIGHTED["public_funding"], alpha=0.01
        )
    )
    assert shown(strict["organisations.public_funding.sole_hit"]).startswith(
        "At this confidence level no service falls below the threshold"
    )
    wider = annex.assign(silver=[4, 0, 3, 3])
    claims = by_id(
        label_claims.annex_claims(
            toy_comparison(), counts, wider, service=HIGHLIGHTED["public_funding"], alpha=0.05
        )
    )
    assert shown(claims["organisations.annex.by_one"]) == "by up to 3 organisations"


def test_pooled_claims_say_when_no_service_is_offered_by_most_of_both_groups():
    per_organisation = pd.DataFrame(
        {
            "Services": ["general", "digitalisation"],
            "Gold (Tables 3-4)": [3.0, 4.0],
            "Silver (Tables 3-4)": [3.5, 3.0],
        }
    )
    claims = by_id(label_claims.pooled_claims(toy_comparison(), per_organisation))
    assert shown(claims["organisations.services.most_in_both"]) == (
        "no service is offered by more than half of both groups"
    )
    assert shown(claims["organisations.per_org.general_gold_more"]).startswith(
        "gold organisations offer no more general services"
    )
    assert shown(claims["organisations.per_org.digital_close"]) == (
        "the digital offers differ (4.0 against 3.0)"
    )


def test_service_lists_read_as_prose():
    assert label_claims.service_list(["Advisory services"]) == "advisory services"
    assert label_claims.service_list(["IPR management", "Communication"]) == (
        "IPR management and communication"
    )
    assert label_claims.service_list(["A b", "C d", "E f"]) == "a b; c d; and e f"
    assert label_claims.in_words(1) == "one" and label_claims.in_words(12) == "12"


def test_leading_spread_claims_count_where_smes_are_not_the_majority():
    table = pd.DataFrame({"members": [100, 40], "smes": [80, 10], "services_total": [12, 10]})
    claims = by_id(leading_organisations.spread_claims(table))
    assert not claims["organisations.top10.order_of_magnitude"].holds
    assert shown(claims["organisations.top10.sme_majority_everywhere"]) == (
        "SMEs are the majority of members in 1 of the ten"
    )


def test_case_pattern_claims_flip_without_a_fee_majority():
    cases = pd.DataFrame(
        {"fee_structure": ["Flat rate.", "Scaled by size.", None, "One flat fee."]}
    )
    named = pd.DataFrame(
        {"membership fees": [True, False, False], "public funding": [False, True, True]}
    )
    described = pd.Series({"fees": 3, "staff": 1})
    claims = by_id(case_studies.pattern_claims(cases, named, described))
    assert shown(claims["organisations.cases.mixed_fee_model"]) == (
        "no single funding model is the rule"
    )
    assert shown(claims["organisations.cases.size_scaled_rule"]) == (
        "only 1 of the 3 that describe fees scale them by member size"
    )
    assert shown(claims["organisations.cases.uneven"]).startswith("The profiles are uneven")


def test_membership_claims_flip_on_toy_statistics():
    statistics = pd.Series(
        {
            "eccp_staff_1_5_share": 40,
            "eccp_members_large_share": 9,
            "eccp_members_large_share_exec": 9,
        }
    )
    mix = pd.DataFrame(
        {
            "group": ["platform"] * 2 + ["leading"] * 2,
            "member_type": ["SMEs", "large firms"] * 2,
            "share": [84, 16, 60, 40],
        }
    )
    gold_large = pd.DataFrame({"organisations": [10, 9]})
    claims = by_id(cluster_membership.membership_claims(statistics, mix, gold_large, 29))
    assert shown(claims["organisations.membership.small_teams_most"]).startswith("Only 40 %")
    assert shown(claims["organisations.membership.exec_contradicts"]) == (
        "the executive summary gives the same share for large firms"
    )
    assert "(SMEs by 24 points)" in shown(claims["organisations.membership.leading_like_average"])
    assert shown(claims["organisations.gold.all_with_large_firms"]).startswith("19 of the 29")
