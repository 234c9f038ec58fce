"""The recommendations chapter's claims: each computed truth picks the sentence that says it.

Every claim is checked on the real cross-walk and survey tables (all true, as the chapter states
them) and on a copy changed so that its truth flips, where the other sentence must appear and
say what happened instead.
"""

import pandas as pd
import pytest

from eucluster.documents import advice_claims, advice_evidence, landscape, recommendations
from eucluster.key_figures import Claim


def shown(record: Claim) -> str:
    return record.if_true if record.holds else record.if_false


def by_id(records) -> dict[str, Claim]:
    return {record.id.split(".")[-1]: record for record in records if isinstance(record, Claim)}


@pytest.fixture(scope="module")
def agreement():
    crosswalk = recommendations.load_crosswalk()
    return crosswalk, recommendations.theme_agreement(crosswalk)


def test_every_theme_claim_holds_on_the_crosswalk(agreement):
    claims = advice_claims.theme_claims(*agreement)
    assert len(claims) == 11 and all(c.holds for c in claims)
    assert shown(by_id(claims)["core_everywhere"]).startswith("All four ask")
    assert "CLUSTERIX (2018)" in shown(by_id(claims)["evaluation_only_oldest"])


def test_core_agreement_fails_when_a_document_does_not_lead_with_management(agreement):
    _, result = agreement
    summary = result.summary.copy()
    summary.loc[summary["theme_id"] == "management", "documents_primary"] = 3
    claims = by_id(advice_claims.agreement_claims(summary, result.matrix))
    assert not claims["core_everywhere"].holds and not claims["core_agreed"].holds
    assert "only inter-cluster" in shown(claims["core_everywhere"])
    assert "management" not in shown(claims["core_everywhere"]).split(":")[1]


def test_evaluation_claims_follow_the_matrix(agreement):
    _, result = agreement
    matrix = result.matrix.copy()
    pathways = (matrix["document"] == "000") & (matrix["theme_id"] == "evaluation")
    matrix.loc[pathways, ["primary", "any"]] = 1
    claims = by_id(advice_claims.agreement_claims(result.summary, matrix))
    assert not claims["evaluation_only_oldest"].holds
    assert shown(claims["evaluation_only_oldest"]) == (
        "Evaluation is a recommendation of its own in the ECCP paper (000, 2021) and "
        "CLUSTERIX (004, 2018)."
    )
    summary = result.summary.copy()
    summary.loc[summary["theme_id"] == "skills", "documents_any"] = 3
    claims = by_id(advice_claims.agreement_claims(summary, result.matrix))
    assert not claims["evaluation_only_gap"].holds and not claims["skills_rarely_primary"].holds
    assert shown(claims["evaluation_only_gap"]).startswith("2 themes go unmentioned")
    assert shown(claims["skills_rarely_primary"]).endswith("go unmentioned in some document.")


def test_skills_claim_names_the_theme_with_fewer_primary_items(agreement):
    _, result = agreement
    summary = result.summary.copy()
    summary.loc[summary["theme_id"] == "skills", "items_primary"] = 5
    claim = by_id(advice_claims.agreement_claims(summary, result.matrix))["skills_rarely_primary"]
    assert not claim.holds
    assert "5 of the 46 items, more than" in shown(claim)


def test_difference_claims_flip_with_the_shares(agreement):
    crosswalk, result = agreement
    matrix = result.matrix.copy()
    review = matrix["group"] == "004 review of 2014 list"
    matrix.loc[review & (matrix["theme_id"] == "funding"), "any_share"] = 0.75
    policies = matrix["group"] == "002 national policies (2024)"
    matrix.loc[policies & (matrix["theme_id"] == "firms"), "any_share"] = 0.9
    claims = by_id(advice_claims.difference_claims(matrix, "targeting"))
    assert not claims["review_collaboration"].holds
    assert shown(claims["review_collaboration"]).endswith(
        "support instruments, funding and continuity touch 75%"
    )
    assert not claims["policies_money"].holds and "firms" in shown(claims["policies_money"])
    assert not claims["interreg_opens_with_transition"].holds
    assert shown(claims["interreg_opens_with_transition"]).endswith(
        "targeting and smart specialisation instead"
    )
    assert advice_claims.first_recommendation_theme(crosswalk) == "transition"


def test_service_claims_hold_and_flip():
    shares = advice_evidence.service_shares()
    claims = by_id(advice_evidence.service_claims(shares))
    assert all(c.holds for c in claims.values())
    assert "one of the 4 least offered of 12 general services" in shown(
        claims["human_resources_least"]
    )
    changed = shares.copy()
    service = advice_evidence.EVIDENCE_SERVICES["human_resources"][1]
    changed.loc[service, ["share", "rank_from_least"]] = [0.6, 10]
    changed.loc[advice_evidence.EVIDENCE_SERVICES["external"][1], "share"] = 0.4
    digital = advice_evidence.EVIDENCE_SERVICES["digital_projects"][1]
    changed.loc[digital, "share"] = 0.1
    claims = by_id(advice_evidence.service_claims(changed))
    assert not claims["human_resources_least"].holds
    assert "more than 9 of the 12 general services" in shown(claims["human_resources_least"])
    assert not claims["external_most"].holds and "missing" in shown(claims["external_most"])
    assert not claims["digital_projects_top"].holds
    assert "fewer than 'Support towards digitalisation of processes' (56%" in shown(
        claims["digital_projects_top"]
    )


def test_membership_claims():
    classes = pd.Series([10, 10, 9])
    claims = by_id(advice_evidence.membership_claims(65.0, classes, 29))
    assert all(c.holds for c in claims.values())
    claims = by_id(advice_evidence.membership_claims(40.0, classes, 31))
    assert shown(claims["staff_small_most"]).startswith("Small teams are not the rule: 40 %")
    assert shown(claims["gold_large_firms"]).startswith("29 of the 31 gold-labelled")


def test_label_claim_names_the_significant_services():
    comparison = pd.DataFrame({"service_short": ["A", "B"], "p_value": [0.3, 0.01]})
    claim = advice_evidence.label_claim(comparison)
    assert not claim.holds
    assert shown(claim).startswith("1 of the 2 services differ significantly")
    assert "(Fisher p below 5%: B)" in shown(claim)
    assert advice_evidence.label_claim(comparison.assign(p_value=0.5)).holds


def test_node_gap_claims_follow_sign_size_and_interval():
    tests = pd.Series({"difference": -0.9, "ci_low": -2.0, "ci_high": 0.2, "level": 0.95})
    claims = by_id(advice_evidence.node_gap_claims(tests, -1.5))
    assert all(c.holds for c in claims.values())
    positive = pd.Series({"difference": 2.9, "ci_low": 0.5, "ci_high": 4.0, "level": 0.95})
    claims = by_id(advice_evidence.node_gap_claims(positive, -1.5))
    assert not any(c.holds for c in claims.values())
    assert shown(claims["nodes_gap_sign"]).endswith("unlike in the paper")
    assert "+2.9 nodes per region, is at least as large as the published -1.5" in shown(
        claims["nodes_gap_smaller"]
    )
    assert shown(claims["nodes_gap_noise"]).endswith("(+0.5 to +4.0) excludes zero")


def test_threshold_claim_and_the_summary():
    grid = pd.DataFrame(
        {
            "node_kind": ["industry_relevant"] * 2 + ["regional_relevant"],
            "lq_threshold": [1.5, 2.0, 1.5],
            "share_threshold": [0.01, 0.01, 0.01],
            "gap": [-0.5, 0.3, 1.0],
        }
    )
    assert advice_evidence.threshold_claim(grid).holds
    one_sign = advice_evidence.threshold_claim(grid.assign(gap=-0.5))
    assert not one_sign.holds
    assert shown(one_sign).endswith(
        "more industry-relevant nodes at 0 and fewer at 2: the sign "
        "of the contrast does not depend on the thresholds tested."
    )
    assert advice_evidence.summary_claim(True, True).holds
    mixed = advice_evidence.summary_claim(True, False)
    assert "unevenly" in shown(mixed) and "holds across the thresholds" in shown(mixed)


def test_headline_claims_hold_and_flip():
    box = landscape.headline_box()
    assert all(c.holds for c in box.claims)
    assert box.markdown().count(box.claims[0].if_true) == 1
    values = pd.Series(
        {
            ("panorama.employment.share_pct", "001"): 20.0,
            ("panorama.employment.share_pct", "003"): 20.0,
            ("panorama.clusters.count", "001"): 2900,
            ("panorama.clusters.count", "003"): 2900,
            ("panorama.productivity_premium.cluster_firms_pct", "001"): -3,
            ("esif.cluster_support.earmarked", "003"): 30,
            ("esif.innovation_investment.total", "003"): 100,
        }
    )
    claims = by_id(landscape.headline_claims(values))
    assert not any(c.holds for c in claims.values())
    assert "yet print the same shares of employment and the same counts" in shown(
        claims["editions_differ"]
    )
    assert shown(claims["productivity_premium"]).endswith("(-3 %)")
    assert shown(claims["esif_share_small"]).endswith(
        "sizeable part of the structural funds for innovation (30.0%)"
    )
