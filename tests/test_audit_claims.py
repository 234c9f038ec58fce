"""The audit chapter's claims: each statement agrees with its computation, and the sentence
the book shows changes when the verdicts behind it change (toy results made from the real ones
by turning verdicts or values)."""

import pytest

from eucluster import audit
from eucluster.audit.claims import audit_claims

MOBILITY = 20.0


@pytest.fixture(scope="module")
def real():
    return audit.run().results


def stated(results, mobility=MOBILITY):
    """Each claim's truth and the sentence the book would show."""
    return {
        c.id: (c.holds, c.if_true if c.holds else c.if_false)
        for c in audit_claims(results, mobility)
    }


def with_verdict(results, check_ids, verdict):
    changed = results.copy()
    changed.loc[changed["check_id"].isin(check_ids), "verdict"] = verdict
    return changed


def test_every_claim_holds_on_the_real_results(real):
    assert all(holds for holds, _ in stated(real).values())


def test_mostly_consistent_turns_when_fewer_than_half_are_consistent(real):
    half = real["check_id"].iloc[: len(real) // 2 + 1]
    holds, sentence = stated(with_verdict(real, half, "rounding"))["audit.claim.mostly_consistent"]
    assert not holds and sentence == "Fewer than half of them do"


def test_a_document_without_discrepancies_is_left_out_of_the_opening(real):
    clusterix = real.loc[real["documents"] == "004", "check_id"]
    holds, sentence = stated(with_verdict(real, clusterix, "consistent"))[
        "audit.claim.each_document_contradicted"
    ]
    assert not holds
    assert sentence.startswith("only the ECCP paper and the EU4Digital report make")


def test_findings_concentrate_names_the_document_and_its_share(real):
    holds, sentence = stated(real)["audit.claim.findings_concentrate"]
    assert (
        holds
        and sentence == "More than half of the findings, 15 of 26, are in the EU4Digital report"
    )
    eu4d = real[(real["documents"] == "002") & (real["verdict"] == "discrepancy")]
    six_findings = eu4d["finding"].drop_duplicates().iloc[:6]
    eu4d = eu4d.loc[eu4d["finding"].isin(six_findings), "check_id"]
    holds, sentence = stated(with_verdict(real, eu4d, "consistent"))[
        "audit.claim.findings_concentrate"
    ]
    assert not holds and sentence.startswith("No document holds more than half")


def test_a_failing_percentage_check_is_counted(real):
    ranged = real.loc[real["acceptance"].notna(), "check_id"].iloc[:2]
    holds, sentence = stated(with_verdict(real, ranged, "discrepancy"))[
        "audit.claim.percentages_pass"
    ]
    assert not holds and sentence == "2 of them fail"


def test_the_eccp_claims_follow_the_tables(real):
    flipped = real.copy()
    direction = flipped["finding"] == "000.specialisation_of_non_weak_regions"
    flipped.loc[direction, "value_b"] = "non-weak"
    assert not stated(flipped)["audit.claim.eccp_direction_reversed"][0]
    ratios = flipped["finding"] == "000.twice_as_likely"
    flipped.loc[ratios, "value_b"] = 1.5
    assert not stated(flipped)["audit.claim.eccp_twice_understated"][0]
    slip = real.loc[real["kind"] == "percentage vs group size", "check_id"].iloc[:1]
    holds, sentence = stated(with_verdict(real, slip, "discrepancy"))[
        "audit.claim.eccp_tables_agree"
    ]
    assert not holds and sentence.startswith("1 checks of the ECCP paper's tables")


def test_the_eu4d_claims_follow_the_values(real):
    changed = real.copy()
    row = changed["check_id"] == "002.text.eu4d_tf_018"
    changed.loc[row, "value_a"] = 499.0
    holds, sentence = stated(changed)["audit.claim.digitalisation_off_by_one"]
    assert not holds and sentence == "differ by 4"
    holds, sentence = stated(real)["audit.claim.over_half_list_omits"]
    assert (
        sentence
        == "leaves out access to finance: public funding, which the annex counts put above half"
    )
    # a yardstick between 9 % and 12 % puts the two shares on both sides of it
    holds, sentence = stated(real, mobility=10)["audit.claim.large_share_same_side"]
    assert not holds and sentence.startswith("reverses")
    dated = with_verdict(real, ["002.dates.annex1_mapped"], "consistent")
    assert stated(dated)["audit.claim.annex_dated_twice"] == (
        False,
        "gives the annex's data one date",
    )


def test_the_shared_figure_claims_follow_the_verdicts(real):
    shares = real.loc[real["finding"] == "across.share_of_jobs_in_clusters", "check_id"]
    agreed = stated(with_verdict(real, shares, "consistent"))
    assert agreed["audit.claim.jobs_share_disagrees"][0] is False
    assert agreed["audit.claim.jobs_share_not_one_quantity"][1] == (
        "They may all describe the same quantity"
    )
    belgium = with_verdict(real, ["001_002.flanders_country"], "consistent")
    assert stated(belgium)["audit.claim.flanders_misplaced"][1] == (
        "places Flanders in Belgium, as document 002 does"
    )
