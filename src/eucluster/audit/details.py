"""The numbers behind the chapter's account of single findings, computed from the verdicts.

Each sentence of the chapter that says how large, how many or how far ("far larger", "small
shares", "each time by one", "the annex is dated ...") cites one of these records instead of
typing a number or an adjective.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data
from eucluster.key_figures import Figure, computed

_CASES = "checks"


def _count(figure_id: str, value: int, definition: str, unit: str = _CASES) -> Figure:
    return computed(figure_id, int(value), unit=unit, definition=definition, fmt="{:d}")


def _cited(figure_id: str, value, unit: str, check_id: str, fmt: str) -> Figure:
    """A value the documents print, as compared in one check, cited by that check."""
    return Figure(figure_id, value, unit, source=f"as compared in check {check_id}", fmt=fmt)


def eccp_details(by_id: pd.DataFrame) -> list[Figure]:
    """The largest share of weak regions among the ecosystems Table 3 adds to agri-food and
    textiles (document 000)."""
    named = by_id.loc["000.table3.weak_only_agrifood_textile", "value_a"].split("; ")
    table = data.load("eccp_table3")
    names = table["ecosystem"].str.replace(r"^E\d{2}\.\s*", "", regex=True)
    others = table.loc[~names.isin(named), "weak_regions_pct"]
    return [
        computed(
            "audit.eccp.table3.other_weak_max_share",
            float(others.max()),
            unit="% of weak regions",
            definition="Largest share of weak regions with an industry-relevant node among the "
            "ecosystems other than agri-food and textiles, document 000 Table 3",
            fmt="{:g}",
        )
    ]


def eu4d_details(results: pd.DataFrame, by_id: pd.DataFrame) -> list[Figure]:
    """The silver finding's cells, the date the report gives the annex twice, the section
    2.4.2 counts against Table 3, the case-study counts against Table 5, and the mobility
    ecosystem's share of large firms."""
    silver = results[results["finding"] == "002.silver_counts_tables_vs_annex1"]
    wider = by_id[by_id["finding"] == "002.section_242_wider_categories"]
    cases = results[
        (results["findings_table"] == "002-cases")
        & results["check_id"].str.startswith("002.text.")
        & results["location_b"].str.contains("Table 5")
    ]
    membership = data.load("eu4d_membership").set_index("statistic_id")["value"]
    dated = by_id.loc["002.dates.annex1_mapped"]
    tables_dated = by_id.loc["002.dates.eccp_retrieval_footnotes"]
    return [
        _count(
            "audit.eu4d.silver_finding_cells",
            len(silver),
            "Cells (checks) of the finding 'silver counts of Tables 3 and 4 against Annex 1'",
        ),
        _count(
            "audit.eu4d.silver_finding_sums",
            silver["check_id"].str.contains("_sum_").sum(),
            "Column sums among the cells of that finding",
        ),
        _cited("audit.dates.annex_text", dated["value_a"], "date", dated.name, "{}"),
        _cited("audit.dates.tables", tables_dated["value_b"], "date", tables_dated.name, "{}"),
        _cited("audit.dates.annex_source", dated["value_b"], "date", dated.name, "{}"),
        computed(
            "audit.eu4d.wider_min_ratio",
            float((wider["value_a"].astype(float) / wider["value_b"].astype(float)).min()),
            unit="ratio",
            definition="Smallest ratio of a section 2.4.2 count to the Table 3 row of a "
            "similar name (document 002)",
        ),
        _count("audit.eu4d.case_checks", len(cases), "Case-study figures compared with Table 5"),
        _count(
            "audit.eu4d.case_discrepancy",
            (cases["verdict"] == "discrepancy").sum(),
            "Case-study figures that differ from Table 5 beyond rounding, under every reading",
        ),
        Figure(
            "audit.eu4d.mobility_large_share",
            int(membership["eccp_large_share_mobility"]),
            "% of members",
            source="document 002, section 2.3.3 (eu4d_membership: eccp_large_share_mobility)",
            fmt="{:d}",
        ),
    ]


def across_details(by_id: pd.DataFrame) -> list[Figure]:
    """The share of wages in clusters as documents 002 and 003 give it."""
    wages = by_id.loc["003_002.wage_share"]
    return [
        _cited(
            "audit.wages_share.doc002", float(wages["value_a"]), "% of wages", wages.name, "{:g}"
        ),
        _cited(
            "audit.wages_share.doc003", float(wages["value_b"]), "% of wages", wages.name, "{:g}"
        ),
    ]


def clusterix_details(results: pd.DataFrame) -> list[Figure]:
    """In how many recommendation areas the overview lists fewer, or more, lettered points than
    chapter 3 (document 004)."""
    areas = results[results["check_id"].str.startswith("004.subpoints.")]
    differ = areas[areas["verdict"] == "discrepancy"]
    fewer = (differ["value_a"].astype(int) < differ["value_b"].astype(int)).sum()
    return [
        _count("audit.clusterix.areas", len(areas), "Recommendation areas compared", "areas"),
        _count(
            "audit.clusterix.fewer",
            fewer,
            "Areas whose overview lists fewer lettered points than chapter 3",
            "areas",
        ),
        _count(
            "audit.clusterix.more",
            len(differ) - fewer,
            "Areas whose overview lists more lettered points than chapter 3",
            "areas",
        ),
    ]


def detail_figures(results: pd.DataFrame) -> list[Figure]:
    """Every number of the chapter's account of single findings."""
    by_id = results.set_index("check_id", drop=False).rename_axis(None)
    return (
        eccp_details(by_id)
        + eu4d_details(results, by_id)
        + across_details(by_id)
        + clusterix_details(results)
    )
