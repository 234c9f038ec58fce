"""The corrected verdicts: the tolerance rule (an exact claim never judged more leniently than
an approximate one), checks that cannot fail ('feasible'), claims with two readings, and
discrepancies counted by finding."""

import itertools

import numpy as np
import pandas as pd
import pytest

from eucluster import audit
from eucluster.audit import engine, feasibility, rule

# ---------------------------------------------------------------- the tolerance rule

CLAIMS = [0.3, 2.0, 14, 19, 40, 97, 100, 300, 600, 1000, 2950]
STEPS = [None, 0.1, 1, 10, 100]


def observed_values(claim):
    """Values around a claim, from far below to far above, including the tolerance edges."""
    spread = np.concatenate([np.linspace(-0.6, 0.6, 49), [-0.1, -0.05, 0.05, 0.1]])
    return sorted({round(claim * (1 + s), 6) for s in spread})


def ranges(observed):
    return [None, (observed * 0.99, observed * 1.01), (observed - 5, observed + 5)]


@pytest.mark.parametrize("claim", CLAIMS)
def test_an_exact_claim_is_never_judged_more_leniently_than_an_approximate_one(claim):
    """For any pair of values, step and interval of B, the verdict under 'equals' ranks no
    better than under 'approx'."""
    for observed, step in itertools.product(observed_values(claim), STEPS):
        for observed_range in ranges(observed):
            kwargs = {"step": step, "observed_range": observed_range}
            exact = audit.judge(claim, observed, "equals", **kwargs)
            about = audit.judge(claim, observed, "approx", **kwargs)
            assert rule.RANK[exact] >= rule.RANK[about], (claim, observed, kwargs, exact, about)


def test_the_tolerance_is_the_printed_step_capped_at_a_share_of_the_claim():
    assert rule.tolerance(40) == 4  # half of 10, capped at 10 % of 40
    assert rule.tolerance(600) == 50  # half of 100
    assert rule.tolerance(100) == 10  # half of 100 would be 50: capped
    assert rule.tolerance(2.0, 0.1) == pytest.approx(0.05)  # the row's own printed step
    assert rule.tolerance(0) == 0.5


def test_an_exact_claim_off_by_a_rounding_amount_is_rounding_not_consistent():
    assert audit.judge(600, 593, "equals") == "rounding"
    assert audit.judge(600, 593, "approx") == "consistent"
    # 100 vs 140 was 'rounding' under the old rule (half of 100 = 50, uncapped)
    assert audit.judge(100, 140, "equals") == "discrepancy"


def test_best_verdict_of_several_readings():
    assert rule.best(["discrepancy", "rounding"]) == "rounding"
    assert rule.best(["rounding", "consistent"]) == "consistent"


# ---------------------------------------------------------------- feasibility

GROUPS = {"groups": pd.DataFrame({"group": ["weak", "strong"], "regions": [77, 124]})}


def rows(*specs):
    defaults = dict.fromkeys(engine.CHECK_FIELDS, "")
    defaults.update(kind="percentage vs group size", documents="000", location_a="here")
    defaults.update(location_b="there", relation="rounds_to", step="1", findings_table="000")
    frame = pd.DataFrame([{**defaults, **spec} for spec in specs])
    return frame.assign(check_id=[s.get("check_id", f"c{i}") for i, s in enumerate(specs)])


def test_parse_range_gives_every_claim_of_the_printed_precision():
    assert feasibility.parse_range("0..100", 1).tolist() == list(range(101))
    assert feasibility.parse_range("0..1", 0.25).tolist() == [0, 0.25, 0.5, 0.75, 1]
    with pytest.raises(ValueError, match="low..high"):
        feasibility.parse_range("0-100", 1)


def test_a_percentage_of_124_cannot_fail_but_one_of_77_can():
    checks = rows(
        {"check_id": "strong", "quantity_a": "31",
         "quantity_b": "nearest_share(A, groups['strong'].regions)", "claim_range": "0..100"},
        {"check_id": "weak", "quantity_a": "61",
         "quantity_b": "nearest_share(A, groups['weak'].regions)", "claim_range": "0..100"},
        {"check_id": "unranged", "quantity_a": "31",
         "quantity_b": "nearest_share(A, groups['strong'].regions)"},
    )  # fmt: skip
    result = audit.evaluate(checks, GROUPS).set_index("check_id")
    assert result["verdict"].to_dict() == {
        "strong": "feasible",
        "weak": "consistent",
        "unranged": "consistent",
    }
    assert result.loc["strong", "acceptance"] == 1
    # 78 of the 101 whole percentages are some k/77 to the nearest per cent
    assert result.loc["weak", "acceptance"] == pytest.approx(78 / 101)
    assert np.isnan(result.loc["unranged", "acceptance"])


def test_a_check_whose_b_does_not_follow_a_is_not_feasible():
    checks = rows(
        {"quantity_a": "62", "quantity_b": "round(100 * 18 / 29, 2)", "claim_range": "0..100"}
    )
    result = audit.evaluate(checks, GROUPS)
    assert result.loc[0, "verdict"] == "consistent"
    assert result.loc[0, "acceptance"] == pytest.approx(1 / 101)


def test_a_failing_check_in_a_range_stays_a_discrepancy():
    checks = rows(
        {"quantity_a": "40", "quantity_b": "round(100 * 18 / 29, 2)", "claim_range": "0..100"}
    )
    assert audit.evaluate(checks, GROUPS).loc[0, "verdict"] == "discrepancy"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"claim_range": "0 to 100"}, "must read low..high"),
        ({"claim_range": "0..100", "step": ""}, "needs the step"),
    ],
)
def test_validate_checks_refuses_a_malformed_claim_range(change, message, tmp_path):
    row = {"check_id": "x.y", "quantity_a": "1", "quantity_b": "1", **change}
    with pytest.raises(audit.AuditDataError, match=message):
        engine.validate_checks(rows(row).assign(check_id="x.y"), tmp_path / "checks.csv")


# ---------------------------------------------------------------- two readings

MEMBERS = {
    "members": pd.DataFrame(
        {"cluster": ["north", "south", "east"], "firms": [80, 95, 70], "research": [10, 5, 10]}
    )
}


def member_checks():
    spec = {"kind": "text vs table", "documents": "002", "findings_table": "002-cases"}
    spec.update(step="", relation="more_than", reading="with research organisations")
    return rows(
        {**spec, "check_id": "north", "quantity_a": "85",
         "quantity_b": "members['north'].firms + members['north'].research"},
        {**spec, "check_id": "south", "quantity_a": "100", "relation": "approx",
         "quantity_b": "members['south'].firms + members['south'].research"},
        {**spec, "check_id": "east", "quantity_a": "90",
         "quantity_b": "members['east'].firms + members['east'].research"},
    )  # fmt: skip


def member_readings():
    return pd.DataFrame(
        [
            {"check_id": c, "reading": "companies only", "location_b": "firms {B}",
             "quantity_b": f"members['{c}'].firms", "relation": r}
            for c, r in (("north", "more_than"), ("south", "approx"), ("east", "more_than"))
        ]
    )  # fmt: skip


def test_each_reading_is_judged_and_the_verdict_names_the_one_that_fits():
    result = audit.evaluate(member_checks(), MEMBERS, readings=member_readings())
    result = result.set_index("check_id")
    assert result.loc["north", "verdict"] == "consistent"
    assert result.loc["north", "reading"] == "with research organisations"
    assert result.loc["south", "reading"] == "both readings fit"
    assert result.loc["east", "verdict"] == "discrepancy"
    assert result.loc["east", "reading"] == "neither reading fits"
    assert result.loc["east", "readings"] == (
        "with research organisations: 80 (discrepancy); companies only: 70 (discrepancy)"
    )
    table = audit.readings_table(result.reset_index())
    assert table.loc["north", "Which reading fits"] == "with research organisations"


def test_a_reading_that_fits_only_the_second_way_takes_its_value_and_place():
    readings = member_readings().assign(quantity_b="members['east'].firms + 30")
    result = audit.evaluate(member_checks().iloc[[2]], MEMBERS, readings=readings.iloc[[2]])
    assert result.loc[0, "verdict"] == "consistent"
    assert result.loc[0, "value_b"] == 100 and result.loc[0, "location_b"] == "firms 100"
    assert result.loc[0, "reading"] == "companies only"


def test_validate_readings_names_the_unknown_check_and_the_missing_first_reading(tmp_path):
    path = tmp_path / "readings.csv"
    unknown = member_readings().assign(check_id="west")
    with pytest.raises(audit.AuditDataError, match="no such check"):
        engine.validate_readings(unknown, member_checks(), path)
    unnamed = member_checks().assign(reading="")
    with pytest.raises(audit.AuditDataError, match="name its first reading"):
        engine.validate_readings(member_readings(), unnamed, path)
    with pytest.raises(audit.AuditDataError, match="all filled"):
        engine.validate_readings(member_readings().assign(relation=""), member_checks(), path)


# ---------------------------------------------------------------- findings


def test_discrepancies_are_counted_by_finding():
    checks = rows(
        *[{"check_id": f"s{i}", "kind": "table vs annex", "relation": "equals", "step": "",
           "quantity_a": "9", "quantity_b": "8", "finding": "silver"} for i in range(3)],
        {"check_id": "alone", "kind": "text vs text", "relation": "equals", "step": "",
         "quantity_a": "1", "quantity_b": "2"},
    )  # fmt: skip
    result = audit.evaluate(checks, GROUPS)
    assert result["finding"].tolist() == ["silver", "silver", "silver", "alone"]
    assert audit.discrepancy_findings(result).to_dict() == {"silver": 3, "alone": 1}
    table = audit.summary(result)
    assert table.loc["000 ECCP paper", "Discrepancy"] == 4
    assert table.loc["000 ECCP paper", "Findings"] == 2


# ---------------------------------------------------------------- the real rows


@pytest.fixture(scope="module")
def real():
    return audit.run().results.set_index("check_id")


def test_the_feasible_checks_are_the_shares_of_groups_of_100_or_more(real):
    feasible = real[real["verdict"] == "feasible"]
    assert len(feasible) == 28
    assert feasible.index.str.contains(r"\.regions_pct\..*\.nonweak$").all()


def test_the_date_checks_find_the_annex_dated_twice(real):
    dates = real[real["kind"] == "date vs date"]
    assert dates.loc["002.dates.annex1_mapped", "verdict"] == "discrepancy"
    assert (dates.drop(index="002.dates.annex1_mapped")["verdict"] == "consistent").all()


def test_the_silver_finding_has_fourteen_cells(real):
    silver = real[real["finding"] == "002.silver_counts_tables_vs_annex1"]
    assert len(silver) == 14 and (silver["verdict"] == "discrepancy").all()


def test_every_labelled_finding_is_a_discrepancy(real):
    """A finding groups the cells of one difference: a consistent cell carries no label."""
    rows_ = audit.read_checks().set_index("check_id")
    labelled = rows_.index[rows_["finding"] != ""]
    assert (real.loc[labelled, "verdict"] == "discrepancy").all()
