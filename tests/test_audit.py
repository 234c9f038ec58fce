"""The audit: the verdict rule, the expression language, the engine on toy rows, the special
functions on tiny hand-made frames, and every row of ``data/audit`` on the real tables."""

import pandas as pd
import pytest

from eucluster import audit, data
from eucluster.audit import engine, special
from eucluster.audit.expressions import BUILTINS, Evaluator, ExpressionError
from eucluster.audit.presentation import display_value
from eucluster.key_figures import Claim, Figure

# ---------------------------------------------------------------- the verdict rule


@pytest.mark.parametrize(
    ("claim", "observed", "relation", "kwargs", "expected"),
    [
        (496, 495, "equals", {}, "discrepancy"),
        (187, 187, "equals", {}, "consistent"),
        (600, 593, "equals", {}, "rounding"),
        (100, 140, "equals", {}, "discrepancy"),
        (100, 140, "approx", {}, "discrepancy"),
        (100, 95, "equals", {}, "rounding"),
        (100, 95, "approx", {}, "consistent"),
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
def test_judge(claim, observed, relation, kwargs, expected):
    assert audit.judge(claim, observed, relation, **kwargs) == expected


def test_judge_refuses_an_unknown_relation():
    with pytest.raises(ValueError, match="unknown relation"):
        audit.judge(1, 1, "roughly")


@pytest.mark.parametrize(
    ("value", "step"), [(40, 10), (600, 100), (497, 1), (0.35, 0.01), (2.5, 0.1), (0, 1)]
)
def test_rounding_step(value, step):
    assert audit.rounding_step(value) == pytest.approx(step)


# ---------------------------------------------------------------- the expression language

TOY = {
    "groups": pd.DataFrame({"group": ["weak", "strong"], "regions": [77, 124]}),
    "figures": pd.DataFrame(
        {
            "figure_id": ["share", "share"],
            "document": ["001", "003"],
            "value": [23.4, 19.0],
            "refers_to": ["x; the reason", "y"],
        }
    ),
}


def evaluator(tables=None):
    return Evaluator((tables or TOY).__getitem__, {**BUILTINS, **special.FUNCTIONS})


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("groups['weak'].regions", 77),
        ("groups['weak'].regions + groups['strong'].regions", 201),
        ("round(groups['weak'].regions / (groups['weak'].regions + 124), 4)", 0.3831),
        ("sum(groups.regions) / 100", 2.01),
        ("-max(1, 2) * 2", -4),
        ("row(figures, figure_id='share', document='003').value", 19.0),
        ("'Agri-food; Textile'", "Agri-food; Textile"),
        ("detail(row(figures, figure_id='share', document='001').refers_to)", "the reason"),
    ],
)
def test_expressions_read_cells_columns_and_functions(expression, value):
    result = evaluator().evaluate(expression)
    assert result == (value if isinstance(value, str) else pytest.approx(value))


def test_expressions_bind_names_and_render_templates():
    toy = evaluator()
    assert toy.evaluate("A * 2", {"A": 3}) == 6
    text = toy.render("k = {groups['weak'].regions} of {A:.1f}, {LOW:.3f}", {"A": 2, "LOW": 0.5})
    assert text == "k = 77 of 2.0, 0.500"


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("groups['north'].regions", "no row with group='north'"),
        ("groups['weak'].people", "no column 'people'"),
        ("rivers['weak'].length", "no such table"),
        ("figures['share'].value", "2 rows"),
        ("mean(groups.regions)", "unknown function 'mean'"),
        ("groups['weak'].regions > 1", "not allowed"),
        ("__import__('os')", "unknown function '__import__'"),
        ("(1).real", "needs a table or a row"),
        ("1 +", "not an expression"),
    ],
)
def test_expressions_refuse_what_they_cannot_name(expression, message):
    def tables(name):
        if name not in TOY:
            raise ExpressionError(f"no such table {name!r}")
        return TOY[name]

    with pytest.raises(ExpressionError, match=message):
        Evaluator(tables, BUILTINS).evaluate(expression)


# ---------------------------------------------------------------- the engine on toy rows


def checks(*rows):
    """Rows of checks.csv with every optional column empty unless given."""
    defaults = dict.fromkeys(engine.CHECK_FIELDS, "")
    defaults.update(kind="k", documents="000", location_a="here", location_b="there")
    defaults.update(relation="equals", findings_table="000")
    frame = pd.DataFrame([{**defaults, **row} for row in rows])
    return frame.assign(check_id=[r.get("check_id", f"c{i}") for i, r in enumerate(rows)])


@pytest.mark.parametrize(
    ("a", "b", "relation", "extra", "expected"),
    [
        ("77 + 124", "201", "equals", {}, "consistent"),
        ("2.0", "1.96", "equals", {"step": "0.1"}, "consistent"),
        ("2.0", "1.94", "equals", {"step": "0.1"}, "discrepancy"),
        ("14", "nearest_share(14, groups['weak'].regions)", "rounds_to", {"step": "1"},
         "consistent"),
        ("40", "46.5", "approx", {}, "discrepancy"),
        ("2", "groups['strong'].regions / groups['weak'].regions", "ratio_approx", {},
         "discrepancy"),
        ("300", "312.6", "more_than", {}, "consistent"),
        ("40", "40", "at_least", {}, "consistent"),
        ("95", "87", "at_most", {}, "discrepancy"),
        ("95", "87", "at_most", {"observed_low": "B - 10", "observed_high": "B + 10"},
         "rounding"),
        ("4", "0.234", "fraction", {}, "consistent"),
        ("'Netherlands'", "'Belgium'", "equals", {}, "discrepancy"),
    ],
)  # fmt: skip
def test_engine_judges_each_relation(a, b, relation, extra, expected):
    rows = checks({"quantity_a": a, "quantity_b": b, "relation": relation, **extra})
    result = audit.evaluate(rows, TOY)
    assert list(result.columns) == audit.COLUMNS
    assert result.loc[0, "verdict"] == expected


def test_engine_renders_notes_and_keeps_the_order_of_the_rows():
    rows = checks(
        {"check_id": "b", "quantity_a": "3", "quantity_b": "A", "note": "{A} of {B}"},
        {"check_id": "a", "quantity_a": "1", "quantity_b": "2", "note": "plain"},
    )
    result = audit.evaluate(rows, TOY)
    assert result["check_id"].tolist() == ["b", "a"]
    assert result["note"].tolist() == ["3 of 3", "plain"]
    assert result["difference"].tolist() == [0, 1]


@pytest.mark.parametrize(
    ("quantity", "named"),
    [
        ("rivers['weak'].length", "no table named 'rivers'"),
        ("groups['weak'].people", "no column 'people'"),
        ("groups['north'].regions", "no row with group='north'"),
        ("median(groups.regions)", "unknown function 'median'"),
    ],
)
def test_a_row_naming_a_missing_quantity_says_file_line_check_and_fix(quantity, named, tmp_path):
    rows = checks(
        {"quantity_a": "1", "quantity_b": "1"}, {"quantity_a": "1", "quantity_b": quantity}
    )
    path = tmp_path / "checks.csv"
    with pytest.raises(audit.AuditDataError) as raised:
        audit.evaluate(rows, TOY, path=path)
    message = str(raised.value)
    assert str(path) in message and "line 3" in message and "check c1" in message
    assert named in message and "Fix the quantity" in message


def test_a_row_naming_a_table_that_is_not_digitised_names_the_known_tables():
    rows = checks({"quantity_a": "nowhere['x'].value", "quantity_b": "1"})
    with pytest.raises(audit.AuditDataError, match="no table named 'nowhere'.*Known tables"):
        audit.evaluate(rows)


def test_a_relation_on_text_values_other_than_equals_is_refused():
    rows = checks({"quantity_a": "'a'", "quantity_b": "'b'", "relation": "at_most"})
    with pytest.raises(audit.AuditDataError, match="needs two numbers"):
        audit.evaluate(rows, TOY)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"relation": "roughly"}, "unknown relation 'roughly'"),
        ({"quantity_b": ""}, "empty quantity_b"),
        ({"check_id": "Bad Id"}, "dotted lower-case"),
        ({"observed_low": "1"}, "both observed_low and observed_high"),
        ({"step": "about 1"}, "must be a positive number"),
    ],
)
def test_validate_checks_refuses_a_malformed_row(change, message, tmp_path):
    path = tmp_path / "checks.csv"
    row = {"check_id": "x.y", "quantity_a": "1", "quantity_b": "1", **change}
    with pytest.raises(audit.AuditDataError, match=message) as raised:
        engine.validate_checks(checks(row).assign(check_id=row["check_id"]), path)
    assert f"{path}, line 2" in str(raised.value)


def test_validate_checks_refuses_repeated_ids_and_wrong_columns(tmp_path):
    path = tmp_path / "checks.csv"
    twice = checks({"quantity_a": "1", "quantity_b": "1"}, {"quantity_a": "1", "quantity_b": "1"})
    with pytest.raises(audit.AuditDataError, match="unique"):
        engine.validate_checks(twice.assign(check_id="same"), path)
    with pytest.raises(audit.AuditDataError, match="columns are"):
        engine.validate_checks(twice.drop(columns="note"), path)


def test_validate_set_aside_refuses_an_empty_reason(tmp_path):
    path = tmp_path / "set_aside.csv"
    frame = pd.DataFrame({"statement_id": ["eu4d_tf_040"], "reason": [""]})
    with pytest.raises(audit.AuditDataError, match="all filled"):
        engine.validate_set_aside(frame, path)


def test_the_audit_tables_come_through_the_data_door():
    """checks.csv, readings.csv and set_aside.csv are tables of the door
    (``data/audit/datapackage.json``): the engine reads them with ``data.load``, an empty cell
    as the empty string."""
    assert data.catalogue()[engine.CHECKS_TABLE] == "audit"
    tables = [engine.CHECKS_TABLE, engine.READINGS_TABLE, engine.SET_ASIDE_TABLE]
    assert data.tables("audit") == tables
    assert [f["name"] for f in data.resource(engine.READINGS_TABLE).fields] == (
        engine.READING_FIELDS
    )
    rows = audit.read_checks()
    assert list(rows.columns) == engine.CHECK_FIELDS
    assert [f["name"] for f in data.resource(engine.CHECKS_TABLE).fields] == engine.CHECK_FIELDS
    assert not rows.isna().any().any() and (rows["step"] == "").any()
    assert data.resource(engine.SET_ASIDE_TABLE).path.name == "set_aside.csv"


def test_a_missing_audit_table_names_the_file_and_the_fix(tmp_path, monkeypatch):
    from eucluster.data import door

    package = door.table_folders()["audit"] / "datapackage.json"
    (tmp_path / "datapackage.json").write_text(package.read_text(encoding="utf-8"))
    monkeypatch.setattr(door, "table_folders", lambda: {"audit": tmp_path})
    with pytest.raises(data.PublishedDataError, match=r"checks\.csv: listed .* but missing"):
        audit.read_checks()


# ---------------------------------------------------------------- special functions


def test_achievable_counts_and_nearest_share():
    assert special.achievable_counts(61, 77) == [47]
    assert special.achievable_counts(1, 124) == [1]
    assert special.achievable_counts(50, 0) == []
    assert special.nearest_share(61, 77) == 61.04
    assert special.share_counts_note(61, 77.0) == "k = [47] of 77"


def test_node_share_flags_an_impossible_share():
    # 1 % of 124 regions is one region, so 50 % of its nodes is impossible
    assert special.node_share(50, 1, 124) == 0.0
    assert special.node_share_note(50, 1, 124) == "no j/k rounds to the printed value"
    assert special.node_share(9, 61, 77) == 9
    assert special.node_share_note(0, 0, 77) == "no region with the node, so 0 % is the only value"


def test_node_averages_and_organisation_share_of_nodes():
    table = pd.DataFrame({"weak_regions_pct": [10, 30], "weak_nodes_with_co_pct": [40, 0]})
    assert special.organisation_share_of_nodes(table, "weak") == pytest.approx(0.10)
    low = special.node_average_low(table["weak_regions_pct"], 77)
    high = special.node_average_high(table["weak_regions_pct"], 77)
    assert low == high == pytest.approx((8 + 23) / 77)  # 8 and 23 of 77 regions
    assert special.node_average_high(pd.Series([1, 1]), 124) == pytest.approx(2 / 124)


def eco_table():
    return pd.DataFrame(
        {
            "ecosystem": ["E03. Agri-food", "E06. Digital", "E14. Textile"],
            "weak_regions_pct": [16, 3, 14],
            "nonweak_regions_pct": [1, 15, 10],
        }
    )


def test_ecosystem_lists_and_the_larger_group():
    table = eco_table()
    assert special.ecosystems_with_share(table, "weak_regions_pct") == "Agri-food; Digital; Textile"
    assert special.other_ecosystem_shares(table, "weak_regions_pct", "Agri-food; Textile") == (
        "Digital 3 %"
    )
    assert special.count_positive(table["nonweak_regions_pct"]) == 3
    assert special.larger_group(61, 2) == "weak"
    assert special.larger_group(0, 15) == "non-weak"
    assert special.larger_group(4, 4) == "equal"


ANNEX = pd.DataFrame(
    {
        "service": [
            "Facilitation of collaboration between members (within the cluster)",
            "Access to finance: Public funding",
            "Support towards digitalisation of processes",
            "Number of general services",
        ],
        "gold_n": [16, 19, 18, 35],
        "gold_pct": [55.0, 66.0, 62.0, None],
        "silver_n": [8, 4, 5, 12],
        "silver_pct": [57.0, 29.0, 36.0, None],
    }
)


def test_annex_sum_matches_services_without_regard_to_case():
    services = pd.Series(["Access to finance: public funding", "Other services"])
    assert special.annex_sum(ANNEX, services, "gold_n") == 19


def test_services_over_half_and_the_ones_a_list_leaves_out():
    general = ANNEX["service"].iloc[:2]
    found = special.services_over_half(ANNEX, 43, general, "general")
    assert (
        found == "Access to finance: Public funding; Facilitation of collaboration between members"
    )
    note = special.services_over_half_note(
        ANNEX, 43, general, "general", "Facilitation of collaboration between members"
    )
    assert note == "Access to finance: Public funding: 23/43"
    assert special.services_over_half(ANNEX, 43, general, "digitalisation") == (
        "Support towards digitalisation of processes"
    )


def test_listed_in_short_service_and_detail():
    clusters = pd.Series(["Latvian IT Cluster", "Danish Sound Cluster"])
    assert special.listed_in("Latvian IT", clusters) == "listed"
    assert special.listed_in("Bron Innovation", clusters) == "not listed"
    name = "Facilitation of external collaboration (beyond cluster) such as matchmaking"
    assert special.short_service(name) == "Facilitation of external collaboration"
    assert special.detail("x; one point split") == "one point split"


# ---------------------------------------------------------------- presentation


def toy_results():
    rows = checks(
        {"check_id": "000.a", "quantity_a": "1", "quantity_b": "1",
         "location_a": "000 line 1 (lines 1-2)", "location_b": "000 Table 1"},
        {"check_id": "000.b", "quantity_a": "2", "quantity_b": "3", "location_a": "000 line 3",
         "location_b": "000 Table 1"},
        {"check_id": "x.c", "documents": "001; 003", "quantity_a": "19.0", "quantity_b": "23.4",
         "relation": "approx", "location_a": "003 line 13", "location_b": "001 line 115",
         "findings_table": "across"},
    )  # fmt: skip
    return audit.evaluate(rows, TOY)


def test_findings_list_only_the_non_consistent_rows_of_a_table():
    results = toy_results()
    own = audit.findings(results, "000")
    assert own.index.tolist() == ["000.b"]
    # Readers' places: line 3 of the text conversion is the paper's front matter.
    assert own.loc["000.b", "Statement or cell (A)"] == "front matter"
    assert audit.findings(results, "across").index.tolist() == ["x.c"]
    assert audit.findings(results, "004").empty
    with pytest.raises(ValueError, match="unknown findings table"):
        audit.findings(results, "005")


def test_summary_counts_every_check_by_group_and_verdict():
    table = audit.summary(toy_results())
    assert table.loc["000 ECCP paper", "Consistent"] == 1
    assert table["All"].sum() == 3
    assert list(table.columns) == [
        "Consistent",
        "Feasible",
        "Rounding",
        "Discrepancy",
        "Findings",
        "All",
    ]
    assert table.loc["000 ECCP paper", "Findings"] == 1


def test_document_group_and_display_value():
    assert audit.document_group("002") == "002"
    assert audit.document_group("001; 003") == "across"
    assert audit.document_group("003") == "across"
    assert display_value(2950.0) == "2,950"
    assert display_value(0.38312) == "0.3831"
    assert display_value("listed") == "listed"


def test_verdict_chart_counts_every_check():
    spec = audit.verdict_chart(toy_results()).to_dict()
    values = spec["datasets"][next(iter(spec["datasets"]))]
    assert sum(row["checks"] for row in values) == 3


# ---------------------------------------------------------------- every row, on the real tables


@pytest.fixture(scope="module")
def real():
    return audit.run()


def test_every_row_of_data_audit_is_evaluated(real):
    rows = audit.read_checks()
    assert real.results["check_id"].tolist() == rows["check_id"].tolist()
    assert set(real.results["verdict"]) <= set(audit.VERDICTS)
    assert (real.results["verdict"] == "discrepancy").any()
    assert set(rows["findings_table"]) <= set(audit.FINDINGS_TABLES)


def test_every_text_figure_with_a_reference_is_checked_or_set_aside(real):
    statements = data.load("eu4d_text_figures").dropna(subset=["refers_to"])
    checked = {c.removeprefix("002.text.") for c in real.results["check_id"]}
    set_aside = set(real.set_aside["statement_id"])
    assert not checked & set_aside
    assert set(statements["statement_id"]) == (checked & set(statements["statement_id"])) | (
        set_aside
    )


def test_the_chapter_figures_are_unique_and_count_every_check(real):
    values = {f.id: f.value for f in real.figures if isinstance(f, Figure)}
    claims = {f.id: f.holds for f in real.figures if isinstance(f, Claim)}
    assert len(values) + len(claims) == len(real.figures) == 85
    assert values["audit.checks.total"] == len(real.results)
    assert sum(values[f"audit.checks.{v}"] for v in audit.VERDICTS) == len(real.results)
    assert values["audit.text_figures.skipped"] == len(real.set_aside)
    assert values["audit.checks.findings"] == sum(
        values[f"audit.checks.{group}.findings"] for group in ("000", "002", "004", "across")
    )
    assert values["audit.eu4d.silver_finding_cells"] == (
        values["audit.eu4d.silver_annex_differs"] + values["audit.eu4d.silver_finding_sums"]
    )


def test_every_claim_holds_on_the_documents(real):
    """The chapter's statements are phrased for what the documents give: all true."""
    claims = {f.id: f.holds for f in real.figures if isinstance(f, Claim)}
    assert len(claims) == 18
    assert [k for k, holds in claims.items() if not holds] == []
