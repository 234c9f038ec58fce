"""Mapping variants of the ecosystems, their deviation from the paper and the paper's
statements under each, on toy mappings and toy tables where each claim can be made to flip."""

import pandas as pd
import pytest

from eucluster.measures import ecosystem_statements as st
from eucluster.measures import ecosystem_variants as ev
from eucluster.report import ecosystem_charts

MAPPING = pd.DataFrame(
    {
        "ecosystem_id": ["E02", "E02", "E14", "E14", "E14", "E09", "E09"],
        "division": ["C25", "C30", "C13", "G46", "G47", "C21", "Q86"],
        "weight": 1.0,
        "rule": "x",
        "partial": [True, True, False, True, True, False, False],
    }
)


def test_strict_keeps_whole_divisions_only_and_drops_an_all_partial_ecosystem():
    strict = ev.mapping_variant(MAPPING, ev.VARIANTS["strict"])
    assert set(strict["division"]) == {"C13", "C21", "Q86"}
    assert "E02" not in set(strict["ecosystem_id"])


def test_no_wholesale_retail_and_traded_filters():
    no_trade = ev.mapping_variant(MAPPING, ev.VARIANTS["no_wholesale_retail"])
    assert not no_trade["division"].isin(["G46", "G47"]).any()
    both = ev.mapping_variant(MAPPING, ev.VARIANTS["strict_traded"], traded=("C13", "C30"))
    assert list(both["division"]) == ["C13"]
    with pytest.raises(ValueError, match="traded divisions"):
        ev.mapping_variant(MAPPING, ev.VARIANTS["traded"])


def test_measurable_drops_ecosystems_without_data():
    kept = ev.measurable(MAPPING, pd.Index(["C13", "G46", "Q86"]))
    # E09 keeps Q86 (present), E02 has neither C25 nor C30 in the data
    assert set(kept["ecosystem_id"]) == {"E14", "E09"}


def test_trade_shares_and_their_claims_flip():
    employment = pd.DataFrame(
        {"C13": [10.0, 10.0], "G46": [20.0, 0.0], "G47": [40.0, 20.0], "C21": [50.0, 50.0]},
        index=["A", "B"],
    )
    shares = ev.trade_shares(employment, MAPPING)
    assert shares.loc["E14", "trade"] == pytest.approx(80 / 100)
    assert shares.loc["E14", "G45"] == 0.0
    assert shares.loc["E09", "trade"] == 0.0
    textile, health = ev.trade_claims(shares)
    assert textile.holds and "80%" in textile.if_true
    assert not health.holds and "other divisions" in health.if_false


def long_tables(recomputed: dict[str, list[float]]) -> pd.DataFrame:
    """Two ecosystems x two groups x two tables; published shares 10 everywhere, recomputed
    per variant as given (8 values: Table 2 E03 weak, non-weak, E14 weak, non-weak, then the
    same for Table 3); NaN: not measured."""
    rows = []
    for variant, values in recomputed.items():
        cells = iter(values)
        for node_type, table in (
            ("regional-relevant", "Table 2"),
            ("industry-relevant", "Table 3"),
        ):
            for ecosystem in ("E03", "E14"):
                for group in ("weak", "non-weak"):
                    value = next(cells)
                    rows.append(
                        {
                            "node_type": node_type,
                            "table": table,
                            "ecosystem_id": ecosystem,
                            "ecosystem": ecosystem,
                            "group": group,
                            "published_pct": 10.0,
                            "recomputed_pct": value,
                            "difference": value - 10.0,
                            "variant": variant,
                        }
                    )
    return pd.DataFrame(rows)


def all_variants(default: list[float], other: list[float]) -> pd.DataFrame:
    return long_tables({key: default if key == "default" else other for key in ev.VARIANTS})


def test_deviation_table_means_and_common_ecosystems():
    nan = float("nan")
    tables = all_variants([12.0] * 8, [10.0, 10.0, nan, nan, 10.0, 10.0, nan, nan])
    deviations = ev.deviation_table(tables)
    assert deviations.loc["default", "both"] == pytest.approx(2.0)
    assert deviations.loc["strict", "both"] == 0.0
    assert deviations.loc["strict", "ecosystems"] == 1
    assert deviations.loc["default", "common"] == pytest.approx(2.0)  # E03 only
    figures = {f.id: f.value for f in ev.deviation_figures(deviations)}
    assert figures["ecosystems.strict.mean_dev_pp"] == 0.0


def test_mapping_claims_name_the_closest_mapping_or_the_default():
    near, far = [10.0] * 8, [20.0] * 8
    claims = {c.id: c for c in ev.mapping_claims(*_deviations(all_variants(far, near)))}
    assert claims["ecosystems.mapping.closest_not_default"].holds
    assert not claims["ecosystems.mapping.gain_small"].holds
    assert not claims["ecosystems.mapping.traded_farther"].holds
    claims = {c.id: c for c in ev.mapping_claims(*_deviations(all_variants(near, far)))}
    closest = claims["ecosystems.mapping.closest_not_default"]
    assert not closest.holds and closest.if_false.startswith("the default mapping comes nearest")
    assert claims["ecosystems.mapping.traded_farther"].holds
    assert not claims["ecosystems.trade.textile_nearer_without_trade"].holds
    assert claims["ecosystems.trade.nearer_without_trade"].value == "none of the ecosystems"


def _deviations(tables):
    return ev.deviation_table(tables), tables


def test_statements_hold_or_fail_on_toy_tables():
    # weak above non-weak in agri-food and textile in both tables
    weak_ahead = [30.0, 5.0, 20.0, 5.0, 16.0, 1.0, 14.0, 6.0]
    truths = st.truths(long_tables({"default": weak_ahead}))["default"]
    assert truths["regional_more_in_weak"] and truths["industry_weak_at_least"]
    assert truths["textile_industry_weak_more"] and truths["agri_textile_regional_weak_more"]
    # health, digital, CCI and renewables are not measured: statements about them fail
    assert not truths["cci_digital_health_nonweak_more"] and not truths["renewables_weak_more"]
    behind = [5.0, 30.0, 5.0, 20.0, 1.0, 16.0, 6.0, 14.0]
    truths = st.truths(long_tables({"default": behind}))["default"]
    assert not truths["regional_more_in_weak"] and not truths["textile_industry_weak_more"]


def test_outcome_and_claim_sentences():
    row = pd.Series({"default": True, "strict": False, "traded": True})
    assert st.outcome(row) == st.DEPENDS
    assert st.outcome(row | True) == st.SURVIVES and st.outcome(row & False) == st.FAILS
    text = st.outcome_sentence("renewables_weak_more", row, st.DEPENDS)
    assert text.endswith("holds under every mapping but 'strict'")
    table = pd.DataFrame({"default": [True], "strict": [False]}, index=["regional_more_in_weak"])
    (result, *counts) = st.statement_claims(table)
    # expected to survive every mapping; here it fails under the strict one
    assert not result.holds and "but 'strict'" in result.if_false
    assert {c.id: c.value for c in counts}["ecosystems.paper.depends_count"] == 1


def test_variant_heatmaps_one_chart_per_table_with_published_column():
    tables = all_variants([12.0] * 8, [10.0] * 8)
    charts = ecosystem_charts.variant_heatmaps(tables)
    assert set(charts) == {"fig-ecosystems-mappings-table2", "fig-ecosystems-mappings-table3"}
    long = ecosystem_charts.variant_long(tables)
    assert (long["column"] == "published").sum() == 8
