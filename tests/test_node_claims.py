"""The nodes and ecosystems chapters' claims: each sentence agrees with the computation that
decides it, and a toy result that turns the truth shows the other sentence."""

import pandas as pd
import pytest

from eucluster.key_figures import KeyFigures
from eucluster.measures import ecosystem_claims, node_claims


def shown(record):
    return record.if_true if record.holds else record.if_false


def gap_tests(regional, industry):
    """A table1_tests-like frame: (difference, ci_low, ci_high, welch_p, mann_whitney_p)."""
    columns = ["difference", "ci_low", "ci_high", "welch_p", "mann_whitney_p"]
    frame = pd.DataFrame(
        [regional, industry], index=["regional_relevant", "industry_relevant"], columns=columns
    )
    frame["level"] = 0.95
    return frame


def table1_frame(industry_weak=3.2, industry_non_weak=4.1):
    return pd.DataFrame(
        {
            "weak": [8.3, industry_weak],
            "non_weak": [6.6, industry_non_weak],
            "published_weak": [7.9, 4.8],
            "published_non_weak": [7.2, 6.3],
        },
        index=["regional_relevant", "industry_relevant"],
    )


DEFAULT = gap_tests((1.7, 0.9, 2.5, 3e-5, 4e-5), (-0.9, -2.0, 0.2, 0.128, 0.495))
# lq_threshold 2.0: weak regions have more industry-relevant nodes than the others
FLIPPED = gap_tests((1.3, 0.7, 2.0, 5e-5, 4e-5), (0.2, -0.7, 1.1, 0.66, 0.90))


def by_id(records):
    return {record.id: record for record in records}


def test_default_table1_claims_are_all_true():
    claims = by_id(node_claims.table1_claims(table1_frame(), DEFAULT))
    assert all(record.holds for record in claims.values())
    assert shown(claims["nodes.table1.industry_gap_published_sign"]) == (
        "weak regions have fewer industry-relevant nodes than the others, as published"
    )
    assert "-0.9" in shown(claims["nodes.table1.industry_gap_size"])
    assert "includes zero" in shown(claims["nodes.table1.industry_gap_within_noise"])


def test_a_positive_industry_gap_is_stated_as_unlike_the_paper():
    claims = by_id(node_claims.table1_claims(table1_frame(2.9, 2.7), FLIPPED))
    sign = claims["nodes.table1.industry_gap_published_sign"]
    assert not sign.holds
    assert shown(sign) == (
        "weak regions have more industry-relevant nodes than the others, unlike the paper"
    )
    assert "deficit" not in shown(sign) and "fewer" not in shown(sign)
    assert claims["nodes.table1.regional_gap_published_sign"].holds


def test_a_zero_gap_reads_as_many():
    record = node_claims.direction_claim("x.y", 0.0, expected=-1, noun="nodes", published=-1.5)
    assert not record.holds
    assert shown(record) == "weak regions have as many nodes as the others, unlike the paper"
    assert record.if_true == "weak regions have fewer nodes than the others, as published"


@pytest.mark.parametrize(
    ("interval", "expect_inside", "holds", "phrase"),
    [
        ((-2.0, 0.2), True, True, "within the statistical noise"),
        ((-2.0, -0.1), True, False, "larger than the statistical noise"),
        ((0.9, 2.5), False, True, "excludes zero"),
        ((-0.1, 2.5), False, False, "includes zero"),
    ],
)
def test_noise_claim_follows_the_interval(interval, expect_inside, holds, phrase):
    row = pd.Series({"ci_low": interval[0], "ci_high": interval[1], "level": 0.95})
    record = node_claims.noise_claim("x.noise", row, expect_zero_inside=expect_inside)
    assert record.holds is holds
    assert phrase in shown(record)


def test_size_claim_compares_absolute_sizes():
    smaller = node_claims.size_claim("x.s", 0.2, -1.5, expect_smaller=True, unit="nodes")
    larger = node_claims.size_claim("x.s", -2.0, -1.5, expect_smaller=True, unit="nodes")
    assert smaller.holds and "smaller in size" in shown(smaller)
    assert not larger.holds and "at least as large" in shown(larger)


def test_tests_that_disagree_with_the_interval_are_said_to_disagree():
    row = pd.Series(
        {"ci_low": -2.0, "ci_high": 0.2, "welch_p": 0.03, "mann_whitney_p": 0.4, "level": 0.95}
    )
    record = node_claims.tests_agree_claim("x.t", row)
    assert not record.holds
    assert "do not both agree" in shown(record) and "0.030" in shown(record)


def test_level_reasons_turn_with_the_region_frame_and_denominator():
    claims = by_id(
        node_claims.level_claims(
            divisions=68, paper_divisions=88, regions=92, paper_regions=201, denominator="lfs"
        )
    )
    assert claims["nodes.levels.fewer_divisions"].holds
    assert shown(claims["nodes.levels.more_regions"]).startswith("fewer, and so larger")
    assert "does not raise" in shown(claims["nodes.levels.business_denominator"])


def test_other_denominator_claims_name_the_direction_found():
    means = pd.DataFrame(
        {"weak": [8.0, 3.0], "non_weak": [6.0, 4.0]},
        index=["regional_relevant", "industry_relevant"],
    )
    claims = by_id(node_claims.other_denominator_claims(means, "business-economy employment"))
    regional = claims["nodes.other_denominator.regional_fewer"]
    assert not regional.holds and shown(regional).startswith("weak regions have more")
    assert "business-economy employment" in regional.definition
    assert claims["nodes.other_denominator.industry_fewer"].holds


def test_first_place_is_shared_when_two_divisions_tie():
    top = pd.DataFrame(
        {"division": ["E39", "B08"], "label": ["Waste", "Mining"], "regions": [27, 27]}
    )
    record = node_claims.first_place_claim(top)
    assert not record.holds and "first place is shared" in shown(record)


def test_size_correlation_claim_needs_a_significant_positive_correlation():
    assert node_claims.size_correlation_claim(0.86, 1e-70).holds
    weak = node_claims.size_correlation_claim(0.1, 0.2)
    assert not weak.holds and "do not gather" in shown(weak)


# --- ecosystems ------------------------------------------------------------------------


def covered_frame(textile_missing=""):
    return pd.DataFrame(
        {
            "divisions_missing": {
                "E03": "A01, A03",
                "E09": "Q86, Q87",
                "E11": "Q88, S94, S96",
                "E14": textile_missing,
                "E07": "",
            }
        }
    )


def ecosystem_tables(textile=11.0, health=12.0, electronics=1.0, agri=40.0):
    rows = []
    for eid, name, deviation in (
        ("E03", "Agri-food", agri),
        ("E09", "Health", health),
        ("E11", "Proximity", 8.0),
        ("E14", "Textile", textile),
        ("E07", "Electronics", electronics),
    ):
        for group in ("weak", "non-weak"):
            rows.append(
                {"ecosystem_id": eid, "ecosystem": name, "group": group, "difference": deviation}
            )
    return pd.DataFrame(rows)


def test_deviation_findings_name_close_and_far_ecosystems():
    records = by_id(ecosystem_claims.deviation_findings(ecosystem_tables(), covered_frame()))
    assert records["ecosystems.deviation.farthest"].value.startswith("Agri-food (40.0)")
    close = records["ecosystems.deviation.some_close"]
    assert close.holds and "(Electronics)" in shown(close)
    assert records["ecosystems.deviation.health_above_median"].holds
    assert records["ecosystems.deviation.largest_incomplete"].holds
    assert "A01, A03" in shown(records["ecosystems.deviation.largest_incomplete"])


def test_deviation_findings_turn_when_no_ecosystem_is_close_and_health_is_typical():
    tables = ecosystem_tables(health=6.0, electronics=30.0, agri=50.0)
    records = by_id(ecosystem_claims.deviation_findings(tables, covered_frame()))
    assert not records["ecosystems.deviation.some_close"].holds
    assert "no ecosystem" in shown(records["ecosystems.deviation.some_close"])
    assert "no more than the median" in shown(records["ecosystems.deviation.health_above_median"])


def test_coverage_claims_follow_the_missing_divisions():
    mapping = pd.DataFrame({"ecosystem_id": ["E09"] * 3, "division": ["C21", "Q86", "Q87"]})
    records = by_id(ecosystem_claims.coverage_claims(covered_frame("C13"), mapping))
    assert records["ecosystems.coverage.health_without_care"].holds
    assert "(C21)" in shown(records["ecosystems.coverage.health_without_care"])
    assert shown(records["ecosystems.coverage.textile_complete"]).startswith("and these data miss")


def grid(gaps_at_share):
    rows = [
        {"node_kind": "industry_relevant", "lq_threshold": lq, "share_threshold": 0.01, "gap": gap}
        for lq, gap in gaps_at_share.items()
    ]
    rows.append(
        {"node_kind": "regional_relevant", "lq_threshold": 1.5, "share_threshold": 0.01, "gap": 1}
    )
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("gaps", "share", "varies", "flip", "phrase"),
    [
        ({1.25: -1.5, 1.5: -0.9, 2.0: 0.2, 3.0: 0.9}, 0.01, True, True, "threshold of 2 upwards"),
        ({3.0: 0.9}, 0.01, False, False, "at every location-quotient threshold"),
        ({1.5: -0.9, 2.0: -0.1}, 0.01, False, False, "no more such nodes at any"),
        ({1.25: 0.5, 1.5: -0.9, 2.0: 0.2}, 0.01, True, False, "more than once"),
        ({1.5: -0.9, 2.0: 0.2}, 0.015, True, False, "no share threshold equal"),
    ],
)
def test_grid_claims_describe_the_sign_along_the_grid(gaps, share, varies, flip, phrase):
    records = by_id(ecosystem_claims.grid_claims(grid(gaps), share))
    assert records["ecosystems.grid.industry_sign_varies"].holds is varies
    assert records["ecosystems.answer.industry_sign_varies"].holds is varies
    assert records["ecosystems.grid.industry_flip"].holds is flip
    assert phrase in shown(records["ecosystems.grid.industry_flip"])


def variants_frame(denominator_shift):
    rows = []
    for variant, regional, countries in (
        ("this chapter", 1.7, 27),
        ("2012", 1.8, 26),
        ("NUTS 1", 1.4, 27),
        ("denominator: LFS", 1.7 - denominator_shift, 27),
    ):
        rows.append(
            {
                "variant": variant,
                "node_kind": "regional_relevant",
                "gap": regional,
                "countries": countries,
            }
        )
    return pd.DataFrame(rows)


def test_the_denominator_matters_most_only_when_it_moves_the_gap_furthest():
    kwargs = {
        "base_label": "this chapter",
        "denominator_label": "denominator: LFS",
        "year_labels": ["2012"],
    }
    most = by_id(ecosystem_claims.variant_claims(variants_frame(3.0), **kwargs))
    least = by_id(ecosystem_claims.variant_claims(variants_frame(0.1), **kwargs))
    assert most["ecosystems.variants.denominator_moves_most"].holds
    assert most["ecosystems.variants.countries_vary"].holds
    record = least["ecosystems.variants.denominator_moves_most"]
    assert not record.holds and "'NUTS 1' by 0.3" in shown(record)


def test_business_share_and_nearness_to_published():
    assert ecosystem_claims.business_share_claim(0.51, 0.60).holds
    other = ecosystem_claims.business_share_claim(0.7, 0.6)
    assert not other.holds and "do not weigh more" in shown(other)
    gaps = pd.DataFrame(
        {
            "variant": ["this chapter", "denominator: LFS"],
            "node_kind": ["industry_relevant"] * 2,
            "gap": [-0.9, 0.5],
        }
    )
    labels = {"sbs": "this chapter", "lfs": "denominator: LFS"}
    (record,) = ecosystem_claims.denominator_claims(gaps, labels=labels, published_gap=-1.5)
    assert not record.holds and "does not bring" in shown(record)


def test_claims_register_with_both_sentences(tmp_path, monkeypatch):
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", str(tmp_path))
    figures = KeyFigures("nodes_claims_test", glue=False)
    figures.publish_all(node_claims.table1_claims(table1_frame(2.9, 2.7), FLIPPED))
    truths = figures.claims()
    assert truths["nodes.table1.industry_gap_published_sign"] is False
    record = figures.figures["nodes.table1.industry_gap_published_sign"]
    assert record.display == record.statements["false"]
