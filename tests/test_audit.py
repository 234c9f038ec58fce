"""The audit checks: the verdict rule, and each check on tiny hand-made frames."""

import pandas as pd
import pytest

from eucluster import audit

# ---------------------------------------------------------------- the verdict rule


@pytest.mark.parametrize(
    ("claim", "observed", "comparison", "kwargs", "expected"),
    [
        (496, 495, "equals", {}, "discrepancy"),
        (187, 187, "equals", {}, "consistent"),
        (600, 593, "equals", {}, "rounding"),
        (0.4, 0.39, "equals", {"step": 0.1}, "consistent"),
        (0.3, 0.35, "equals", {"step": 0.1, "observed_range": (0.33, 0.36)}, "rounding"),
        (0.3, 0.45, "equals", {"step": 0.1}, "discrepancy"),
        (14, 14.29, "rounds_to", {"step": 1}, "consistent"),
        (14, 14.6, "rounds_to", {"step": 1}, "discrepancy"),
        (40, 37.2, "approx", {}, "consistent"),
        (40, 46.5, "approx", {}, "discrepancy"),
        (2900, 2950, "approx", {}, "consistent"),
        (19, 23.4, "approx", {}, "discrepancy"),
        (300, 312.6, "more_than", {}, "consistent"),
        (2950, 2950, "more_than", {}, "discrepancy"),
        (2950, 2950, "more_than", {"observed_range": (2945, 2955)}, "rounding"),
        (40, 40, "at_least", {}, "consistent"),
        (95, 187, "at_most", {}, "consistent"),
        (95, 87, "at_most", {}, "discrepancy"),
        (2, 1.9, "ratio_approx", {}, "consistent"),
        (2, 2.7, "ratio_approx", {}, "discrepancy"),
        (4, 0.234, "fraction", {}, "consistent"),
        (3, 0.383, "fraction", {}, "consistent"),
        (4, 0.5, "fraction", {}, "discrepancy"),
    ],
)
def test_judge(claim, observed, comparison, kwargs, expected):
    assert audit.judge(claim, observed, comparison, **kwargs) == expected


def test_judge_refuses_an_unknown_comparison():
    with pytest.raises(ValueError, match="unknown comparison"):
        audit.judge(1, 1, "roughly")


@pytest.mark.parametrize(
    ("value", "step"), [(40, 10), (600, 100), (497, 1), (0.35, 0.01), (2.5, 0.1), (0, 1)]
)
def test_rounding_step(value, step):
    assert audit.rounding_step(value) == pytest.approx(step)


def test_to_frame_has_the_tidy_columns_and_judges_text_values():
    frame = audit.to_frame(
        [
            audit.Check("a", "k", "000", "here", 1, "there", 1),
            audit.Check("b", "k", "001", "here", "Netherlands", "there", "Belgium"),
        ]
    )
    assert list(frame.columns) == audit.COLUMNS
    assert frame["verdict"].tolist() == ["consistent", "discrepancy"]
    assert frame.loc[0, "difference"] == 0


def verdicts(checks):
    return audit.to_frame(checks).set_index("check_id")["verdict"]


# ---------------------------------------------------------------- percentages vs group sizes


def test_achievable_counts():
    assert audit.achievable_counts(61, 77) == [47]
    assert audit.achievable_counts(1, 124) == [1]
    assert audit.achievable_counts(50, 0) == []


def eco_table(weak_pct, weak_co, nonweak_pct, nonweak_co):
    return pd.DataFrame(
        {
            "ecosystem": ["E03. Agri-food"],
            "weak_regions_pct": [weak_pct],
            "weak_nodes_with_co_pct": [weak_co],
            "nonweak_regions_pct": [nonweak_pct],
            "nonweak_nodes_with_co_pct": [nonweak_co],
        }
    )


def test_ecosystem_percentages_pass_when_whole_regions_fit():
    result = verdicts(audit.ecosystem_percentages(eco_table(61, 9, 2, 0), "Table 2"))
    assert (result == "consistent").all()


def test_ecosystem_percentages_flag_an_impossible_share():
    # 1 % of 124 non-weak regions is one region, so 50 % of its nodes is impossible
    result = verdicts(audit.ecosystem_percentages(eco_table(61, 9, 1, 50), "Table 2"))
    assert result["000.table2.co_pct.e03.nonweak"] == "discrepancy"
    assert result["000.table2.regions_pct.e03.nonweak"] == "consistent"


def test_annex_percentages():
    annex = pd.DataFrame(
        {
            "service": ["A", "B"],
            "gold_n": [19, 19],
            "gold_pct": [66.0, 60.0],
            "silver_n": [4, 4],
            "silver_pct": [29.0, 29.0],
        }
    )
    result = verdicts(audit.annex_percentages(annex, {"gold": 29, "silver": 14}))
    assert result["002.annex1.pct.a.gold"] == "consistent"
    assert result["002.annex1.pct.b.gold"] == "discrepancy"


# ---------------------------------------------------------------- tables vs the annex


def service_table(silver):
    return pd.DataFrame(
        {
            "service": ["Communication"],
            "total": [56],
            "gold": [7],
            "silver": [silver],
            "bronze": [15],
        }
    )


ANNEX = pd.DataFrame(
    {
        "service": ["Communication", "Number of general services"],
        "gold_n": [7, 7],
        "gold_pct": [24.0, None],
        "silver_n": [3, 3],
        "silver_pct": [21.0, None],
    }
)


def test_tables_vs_annex():
    ok = verdicts(audit.tables_vs_annex(service_table(3), ANNEX, "Table 3", "1-2"))
    bad = verdicts(audit.tables_vs_annex(service_table(4), ANNEX, "Table 3", "1-2"))
    assert (ok == "consistent").all()
    assert bad["002.table3_vs_annex1.communication.silver"] == "discrepancy"
    assert bad["002.table3_vs_annex1.communication.gold"] == "consistent"


def test_column_sums_vs_annex():
    ok = verdicts(
        audit.column_sums_vs_annex(service_table(3), ANNEX, "Table 3", "Number of general services")
    )
    bad = verdicts(
        audit.column_sums_vs_annex(service_table(4), ANNEX, "Table 3", "Number of general services")
    )
    assert (ok == "consistent").all()
    assert bad["002.table3_sum_vs_annex1.silver"] == "discrepancy"


def test_table_rows_within_groups():
    sizes = {"gold": 29, "silver": 14, "bronze": 52}
    ok = verdicts(audit.table_rows_within_groups(service_table(3), "Table 3", sizes, 187))
    too_many = service_table(3).assign(total=180)
    bad = verdicts(audit.table_rows_within_groups(too_many, "Table 3", sizes, 187))
    assert (ok == "consistent").all()
    assert bad["002.table3.unlabelled.communication"] == "discrepancy"


# ---------------------------------------------------------------- text figures


def test_text_figures_vs_tables():
    statements = pd.DataFrame(
        {
            "statement_id": ["s1", "s2", "s3", "s4"],
            "lines": ["10", "11", "12", "99"],
            "claim": ["members", "SMEs", "share of SMEs", "same line"],
            "value": [90.0, 53.0, 97.0, 170.0],
            "unit": ["members", "SMEs", "percent of companies", "members per organisation"],
            "comparison": ["approx", "equals", "approx", "equals"],
            "refers_to": [
                "eu4d_table5: Pool / A / large_companies + smes + research_orgs",
                "eu4d_table5: Pool / A / smes",
                "eu4d_table5: Pool / A / smes / (large_companies + smes)",
                "eu4d_membership: avg",
            ],
        }
    )
    table5 = pd.DataFrame(
        {"organisation": ["Pool / A"], "large_companies": [19], "smes": [56], "research_orgs": [12]}
    )
    membership = pd.DataFrame(
        {
            "statistic_id": ["avg"],
            "value": [170.0],
            "unit": ["members per organisation"],
            "lines": ["99"],
        }
    )
    checks, skipped = audit.text_figures_vs_tables(statements, {"eu4d_table5": table5}, membership)
    result = verdicts(checks)
    assert result["002.text.s1"] == "consistent"
    assert result["002.text.s2"] == "discrepancy"
    assert result["002.text.s3"] == "discrepancy"
    assert skipped["statement_id"].tolist() == ["s4"]


# ---------------------------------------------------------------- document 000 statements


def ecosystems(agri_weak, agri_nonweak):
    names = [
        "E03. Agri-food",
        "E05. Creative & Cultural Industries",
        "E06. Digital",
        "E09. Health",
        "E12. Renewable Energy",
        "E14. Textile",
    ]
    return pd.DataFrame(
        {
            "ecosystem": names,
            "weak_regions_pct": [agri_weak, 0, 0, 1, 17, 31],
            "weak_nodes_with_co_pct": [9, 0, 0, 0, 23, 4],
            "nonweak_regions_pct": [agri_nonweak, 10, 15, 15, 4, 10],
            "nonweak_nodes_with_co_pct": [0, 8, 37, 26, 20, 15],
        }
    )


def test_ecosystem_statements_flag_the_agrifood_direction():
    table3 = ecosystems(16, 1).assign(weak_regions_pct=[16, 0, 0, 0, 0, 14])
    flagged = verdicts(audit.ecosystem_statements(ecosystems(61, 2), table3))
    passed = verdicts(audit.ecosystem_statements(ecosystems(1, 40), table3))
    assert flagged["000.table2.direction.agri_food"] == "discrepancy"
    assert passed["000.table2.direction.agri_food"] == "consistent"
    assert passed["000.table2.direction.digital"] == "consistent"
    assert passed["000.table3.weak_only_agrifood_textile"] == "consistent"


def test_co_share_of_nodes_weights_by_regions():
    table = pd.DataFrame({"weak_regions_pct": [10, 30], "weak_nodes_with_co_pct": [40, 0]})
    assert audit.co_share_of_nodes(table, "weak") == pytest.approx(0.10)


# ---------------------------------------------------------------- document 002 sums and lists


def membership(participating_exec):
    values = {
        "dih_gold": 29,
        "dih_silver": 14,
        "dih_bronze": 52,
        "dih_participating": 187,
        "dih_participating_exec": participating_exec,
        "dih_gold_silver": 43,
        "dih_digital_sector": 461,
        "dih_support_digitalisation": 495,
        "dih_both": 260,
        "dih_internationalisation": 168,
        "eccp_members_sme_share": 84,
        "eccp_members_large_share": 9,
        "eccp_members_research_share": 7,
        "eccp_size_lt100_share": 62,
        "eccp_size_101_200_share": 22,
        "eccp_size_gt400_share": 5,
        "dih_gold_large_1_14": 10,
        "dih_gold_large_15_49": 10,
        "dih_gold_large_50_150": 9,
        "dih_gold_with_large": 29,
        "dih_silver_large_gt50": 1,
        "dih_silver_large_15_49": 2,
        "dih_silver_without_large": 1,
    }
    return pd.DataFrame(
        {
            "statistic_id": list(values),
            "value": [float(v) for v in values.values()],
            "lines": ["1"] * len(values),
        }
    )


def test_membership_checks():
    ok = verdicts(audit.membership_checks(membership(187)))
    bad = verdicts(audit.membership_checks(membership(87)))
    assert (ok == "consistent").all()
    assert bad["002.dih.labelled_within_exec_group"] == "discrepancy"


def test_over_half_lists_flag_an_unlisted_service():
    annex = pd.DataFrame(
        {
            "service": [
                "Facilitation of collaboration between members (within the cluster)",
                "Support of Research, Development and Innovation",
                "Facilitation of external collaboration (beyond cluster) such as matchmaking",
                "Access to finance: Public funding",
            ],
            "gold_n": [16, 20, 16, 19],
            "gold_pct": [55.0, 69.0, 55.0, 66.0],
            "silver_n": [8, 7, 7, 4],
            "silver_pct": [57.0, 50.0, 50.0, 29.0],
        }
    )
    general = annex["service"]
    flagged = verdicts(audit.over_half_lists(annex, 43, general))
    passed = verdicts(audit.over_half_lists(annex.iloc[:3], 43, general))
    assert flagged["002.annex1.over_half_list.general"] == "discrepancy"
    assert passed["002.annex1.over_half_list.general"] == "consistent"


def test_services_sum():
    table5 = pd.DataFrame(
        {
            "organisation": ["A", "B"],
            "services_total": [13, 12],
            "services_general": [5, 5],
            "services_digital": [8, 8],
        }
    )
    result = verdicts(audit.services_sum(table5))
    assert result["002.table5.services_sum.a"] == "consistent"
    assert result["002.table5.services_sum.b"] == "discrepancy"


def test_clusterix_subpoints():
    text = pd.DataFrame(
        {
            "statement_id": [
                "004.overview.area1_subpoints",
                "004.chapter3.area1_subpoints",
                "004.overview.area2_subpoints",
                "004.chapter3.area2_subpoints",
            ],
            "lines": ["1", "2", "3", "4"],
            "value": [4.0, 4.0, 7.0, 8.0],
            "refers_to": ["x", "x", "x", "x; one point split"],
        }
    )
    result = verdicts(audit.clusterix_subpoints(text))
    assert result["004.subpoints.area1"] == "consistent"
    assert result["004.subpoints.area2"] == "discrepancy"


# ---------------------------------------------------------------- on the real tables


def test_run_all_on_the_digitised_tables():
    results, skipped = audit.run_all()
    assert results["check_id"].is_unique
    assert set(results["verdict"]) <= set(audit.VERDICTS)
    assert (results["verdict"] == "discrepancy").any()
    summary = audit.summary(results)
    assert summary.to_numpy().sum() == len(results)
    assert not skipped.empty


def test_findings_list_only_the_non_consistent_rows_of_a_group():
    results = audit.to_frame(
        [
            audit.Check("000.a", "k", "000", "000 line 1 (lines 1-2)", 1, "000 Table 1", 1),
            audit.Check("000.b", "k", "000", "000 line 3", 2, "000 Table 1", 3),
            audit.Check("x.c", "k", "001; 003", "003 line 13", 19.0, "001 line 115", 23.4),
        ]
    )
    own = audit.findings(results, "000")
    assert own.index.tolist() == ["000.b"]
    assert own.loc["000.b", "Statement or cell (A)"] == "line 3"
    assert audit.findings(results, "across").index.tolist() == ["x.c"]
    assert audit.findings(results, "000", ["other kind"]).empty


def test_document_group_and_short_service():
    assert audit.document_group("002") == "002"
    assert audit.document_group("001; 003") == "across"
    assert audit.document_group("003") == "across"
    name = "Facilitation of external collaboration (beyond cluster) such as matchmaking"
    assert audit.short_service(name) == "Facilitation of external collaboration"


def test_verdict_chart_counts_every_check():
    results = audit.to_frame(
        [
            audit.Check("a", "k", "000", "x", 1, "y", 1),
            audit.Check("b", "k", "000", "x", 1, "y", 2),
        ]
    )
    spec = audit.verdict_chart(results).to_dict()
    values = spec["datasets"][next(iter(spec["datasets"]))]
    assert sum(row["checks"] for row in values) == 2
