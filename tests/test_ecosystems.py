"""Division -> ecosystem aggregation and ecosystem nodes on hand-computed examples."""

import pandas as pd
import pytest

from eucluster import data
from eucluster.measures import ecosystems as eco
from eucluster.measures import specialisation as sp

MAPPING = pd.DataFrame(
    {
        "ecosystem_id": ["E01", "E03", "E10", "E10"],
        "division": ["H49", "C10", "C29", "H49"],  # H49 is in two ecosystems
        "weight": [1.0, 1.0, 1.0, 1.0],
        "rule": ["x"] * 4,
    }
)
# Region totals 100 and 100, E = 200. Ecosystems: E01 = H49 (50, 10), E03 = C10 (50, 10),
# E10 = C29 + H49 (50, 90): region A's ecosystems add up to 150, more than its 100 jobs.
EMPLOYMENT = pd.DataFrame(
    {"C10": [50.0, 10.0], "C29": [0.0, 80.0], "H49": [50.0, 10.0]}, index=["A", "B"]
)


def test_ecosystem_employment_double_counts_shared_divisions():
    by_ecosystem = eco.ecosystem_employment(EMPLOYMENT, MAPPING)
    assert by_ecosystem.loc["A"].to_dict() == {"E01": 50.0, "E03": 50.0, "E10": 50.0}
    assert by_ecosystem.loc["B", "E10"] == 90.0


def test_ecosystem_lq_uses_division_totals_as_denominator():
    found = eco.ecosystem_nodes(EMPLOYMENT, MAPPING)
    # A in E01: (50 / 100) / (60 / 200) = 5/3, not (50 / 150) / ... as ecosystem sums would give.
    assert found.lq.loc["A", "E01"] == pytest.approx(5 / 3)
    assert found.lq.loc["B", "E10"] == pytest.approx(0.9 / 0.7)
    assert found.regional_relevant.loc["A", "E01"]
    assert not found.regional_relevant.loc["B", "E10"]


def test_ecosystem_benchmark_frame_changes_the_reference():
    benchmark = pd.concat(
        [EMPLOYMENT, pd.DataFrame({"C10": [0.0], "C29": [0.0], "H49": [200.0]}, index=["Z"])]
    )
    found = eco.ecosystem_nodes(EMPLOYMENT, MAPPING, benchmark=benchmark)
    # E01 benchmark share is 260 / 400; A has 50 % in it.
    assert found.lq.loc["A", "E01"] == pytest.approx(0.5 / (260 / 400))


def test_node_shares_by_group_in_percent():
    found = eco.ecosystem_nodes(EMPLOYMENT, MAPPING)
    groups = pd.Series({"A": "weak", "B": "non-weak"})
    shares = eco.ecosystem_node_shares(found, groups)
    assert shares.loc["E01", "weak"] == 100.0 and shares.loc["E01", "non-weak"] == 0.0
    assert eco.regions_per_group(groups).to_dict() == {"non-weak": 1, "weak": 1}


def test_division_nodes_roll_up_to_any_node_in_the_ecosystem():
    found = sp.nodes(EMPLOYMENT)
    shares = eco.ecosystem_node_shares(found, pd.Series({"A": "w", "B": "n"}), mapping=MAPPING)
    # B is specialised in C29 (LQ 0.8 / 0.4 = 2), which belongs to E10.
    assert shares.loc["E10", "n"] == 100.0


def test_real_mapping_loads_and_reports_missing_sbs_divisions():
    mapping = eco.load_ecosystem_map()
    assert mapping["ecosystem_id"].nunique() == 14
    divisions = data.load("nace_r2_divisions")
    in_sbs = pd.Index(divisions.loc[divisions["in_sbs_r_nuts06"], "division"])
    assert len(in_sbs) == 68
    coverage = eco.ecosystem_coverage(in_sbs, mapping)
    assert coverage.loc["E09", "divisions_missing"] == "Q86, Q87"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: eco.validate_mapping(MAPPING.drop(columns="weight")), "weight"),
        (lambda: eco.validate_mapping(MAPPING.assign(weight=2.0)), "in \\(0, 1\\]"),
        (lambda: eco.validate_mapping(pd.concat([MAPPING, MAPPING.head(1)])), "appear once"),
        (lambda: eco.validate_mapping(MAPPING.assign(division="Z999")), "not a NACE"),
        (
            lambda: eco.ecosystem_employment(EMPLOYMENT[["C10"]], MAPPING),
            "none of their divisions",
        ),
        (
            lambda: eco.ecosystem_node_shares(
                eco.ecosystem_nodes(EMPLOYMENT, MAPPING), pd.Series({"Q": "weak"})
            ),
            "no nodes computed",
        ),
        (
            lambda: eco.ecosystem_node_shares(
                eco.ecosystem_nodes(EMPLOYMENT, MAPPING), pd.Series({"A": "w"}), kind="any"
            ),
            "kind must be one of",
        ),
    ],
)
def test_bad_input_says_what_is_wrong(call, message):
    with pytest.raises(ValueError, match=message):
        call()
