"""The numbers the audit chapter states, as key-figure records computed from the verdicts.

Each record carries its definition (a computed number) or its source (a number the documents
print, as compared in a named check), so the chapter publishes them all in one call and its
prose cites them with ``{glue}``.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data
from eucluster.audit.claims import audit_claims
from eucluster.audit.details import detail_figures
from eucluster.audit.presentation import document_group
from eucluster.audit.rule import RELATIVE_CAP, VERDICTS
from eucluster.key_figures import Claim, Figure, computed, quoted

_CHECKS = "checks"


def _count(figure_id: str, value: int, definition: str, unit: str = _CHECKS) -> Figure:
    return computed(figure_id, int(value), unit=unit, definition=definition, fmt="{:d}")


def verdict_figures(results: pd.DataFrame, set_aside: pd.DataFrame) -> list[Figure]:
    """How many checks ran, by verdict and by document group, and how many text figures were
    set aside; the tolerance cap of the verdict rule."""
    verdicts = results["verdict"].value_counts().reindex(list(VERDICTS), fill_value=0)
    records = [
        _count("audit.checks.total", len(results), "Consistency checks run on the digitised tables")
    ]
    records += [
        _count(f"audit.checks.{v}", n, f"Checks with the verdict '{v}'")
        for v, n in verdicts.items()
    ]
    records.append(
        _count(
            "audit.text_figures.skipped",
            len(set_aside),
            "Text figures of document 002 not evaluated (no digitised cell, a restatement of "
            "the same line, or different units)",
            unit="text figures",
        )
    )
    records.append(
        computed(
            "audit.rule.relative_cap",
            RELATIVE_CAP,
            unit="share of the claim",
            definition="Largest tolerance of an approximate claim or ratio, as a share of the "
            "claim",
            fmt="{:.0%}",
        )
    )
    discrepant = results[results["verdict"] == "discrepancy"]
    records.append(
        _count(
            "audit.checks.findings",
            discrepant["finding"].nunique(),
            "Underlying findings behind the discrepancies: checks that share a 'finding' in "
            "data/audit/checks.csv count once",
            unit="findings",
        )
    )
    groups = results["documents"].map(document_group)
    for group in ("000", "002", "004", "across"):
        in_group = results[groups == group]
        records.append(
            _count(f"audit.checks.{group}.total", len(in_group), f"Checks in group {group}")
        )
        records.append(
            _count(
                f"audit.checks.{group}.discrepancy",
                (in_group["verdict"] == "discrepancy").sum(),
                f"Checks in group {group} with the verdict 'discrepancy'",
            )
        )
        records.append(
            _count(
                f"audit.checks.{group}.findings",
                in_group.loc[in_group["verdict"] == "discrepancy", "finding"].nunique(),
                f"Underlying findings behind the discrepancies of group {group}",
                unit="findings",
            )
        )
    return records


def coverage_figures(results: pd.DataFrame) -> list[Figure]:
    """What the checks could test: the percentage checks and how many cannot fail, how much a
    check on the 77 weak regions accepts, the checks with two readings and the date checks."""
    ranged = results[results["acceptance"].notna()]
    weak = ranged.loc[
        ranged["check_id"].str.contains(r"\.regions_pct\..*\.weak$"), "acceptance"
    ].unique()
    if len(weak) != 1:
        raise ValueError("the percentage checks on the weak regions accept different shares")
    two = results[results["readings"] != ""]
    one_fits = ~two["reading"].isin(["both readings fit", "neither reading fits"])
    dates = results[results["kind"] == "date vs date"]
    return [
        _count("audit.percentages.checks", len(ranged), "Checks with a claim range (percentages)"),
        _count(
            "audit.percentages.feasible",
            (ranged["verdict"] == "feasible").sum(),
            "Percentage checks that accept every whole percentage from 0 to 100 (cannot fail)",
        ),
        computed(
            "audit.percentages.weak_acceptance",
            float(weak[0]),
            unit="share of whole percentages",
            definition="Share of the whole percentages 0-100 that are some k/77 to the nearest "
            "per cent: what a percentage check on the 77 weak regions accepts",
            fmt="{:.0%}",
        ),
        _count("audit.readings.checks", len(two), "Checks whose text admits two readings"),
        _count("audit.readings.one_fits", one_fits.sum(), "Checks where one reading fits"),
        _count(
            "audit.readings.both_fit",
            (two["reading"] == "both readings fit").sum(),
            "Checks where both readings fit",
        ),
        _count(
            "audit.readings.neither_fits",
            (two["reading"] == "neither reading fits").sum(),
            "Checks where neither reading fits",
        ),
        _count("audit.dates.checks", len(dates), "Checks of two dates given for one source"),
        _count(
            "audit.dates.discrepancy",
            (dates["verdict"] == "discrepancy").sum(),
            "Date checks whose two dates differ",
        ),
    ]


def group_figures() -> list[Figure]:
    """The group sizes behind the percentage checks, quoted from the documents."""
    regions = data.load("text_figures").set_index("statement_id")["value"]
    labels = data.load("eu4d_membership").set_index("statistic_id")["value"]
    return [
        quoted(figure_id, int(value), unit=unit, table=table, fmt="{:d}")
        for figure_id, value, unit, table in (
            ("audit.groups.weak", regions["000.eccp.regions_weak"], "regions", "text_figures"),
            (
                "audit.groups.nonweak",
                regions["000.eccp.regions_nonweak"],
                "regions",
                "text_figures",
            ),
            ("audit.groups.gold", labels["dih_gold"], "organisations", "eu4d_membership"),
            ("audit.groups.silver", labels["dih_silver"], "organisations", "eu4d_membership"),
        )
    ]


def _as_compared(
    by_id: pd.DataFrame, figure_id: str, check_id: str, column: str, unit: str, document: str
) -> Figure:
    """A printed value as compared in one check, cited by that check."""
    return Figure(
        figure_id,
        int(by_id.loc[check_id, column]),
        unit,
        source=f"document {document}, as compared in check {check_id}",
        fmt="{:d}",
    )


def finding_figures(results: pd.DataFrame) -> list[Figure]:
    """The numbers the chapter's account of the findings cites."""
    by_id = results.set_index("check_id")
    records = [
        computed(
            f"audit.eccp.{table}.co_likelihood_ratio",
            float(by_id.loc[f"000.{table}.co_likelihood_ratio", "value_b"]),
            unit="ratio non-weak to weak",
            definition="Share of ecosystem nodes with an active cluster organisation, non-weak "
            f"over weak regions, node-weighted from document 000 Table {table[-1]}",
        )
        for table in ("table2", "table3")
    ]
    weak_only = by_id.loc["000.table3.weak_only_agrifood_textile"]
    records.append(
        _count(
            "audit.eccp.table3.other_weak_ecosystems",
            len(weak_only["value_b"].split("; ")) - len(weak_only["value_a"].split("; ")),
            "Ecosystems besides agri-food and textiles with a non-zero share of weak regions in "
            "document 000, Table 3",
            unit="ecosystems",
        )
    )
    records += silver_figures(results)
    for figure_id, check_id, column, unit in (
        ("group_exec", "002.text.eu4d_tf_021", "value_a", "organisations"),
        ("group", "002.text.eu4d_tf_021", "value_b", "organisations"),
        ("labelled", "002.dih.labelled_within_exec_group", "value_a", "organisations"),
        ("digitalisation_exec", "002.text.eu4d_tf_018", "value_a", "organisations"),
        ("digitalisation", "002.text.eu4d_tf_018", "value_b", "organisations"),
        ("large_share_exec", "002.text.eu4d_tf_014", "value_a", "% of members"),
        ("large_share", "002.text.eu4d_tf_014", "value_b", "% of members"),
    ):
        records.append(
            _as_compared(by_id, f"audit.eu4d.{figure_id}", check_id, column, unit, "002")
        )
    transilvania = by_id.loc["002.text.eu4d_tf_153"]
    records.append(
        computed(
            "audit.eu4d.transilvania_ratio",
            float(transilvania["value_a"]) / float(transilvania["value_b"]),
            unit="ratio",
            definition="Transilvania IT Cluster: members in the case-study profile over "
            "members in Table 5 (document 002)",
        )
    )
    return records + jobs_share_figures(by_id)


def silver_figures(results: pd.DataFrame) -> list[Figure]:
    """How far the silver counts of Tables 3 and 4 differ from Annex 1, and what one silver
    organisation weighs in its group."""
    silver = results[
        (results["kind"] == "table vs annex")
        & results["check_id"].str.endswith(".silver")
        & (results["verdict"] == "discrepancy")
    ]
    gap = (silver["value_a"] - silver["value_b"]).astype(int)
    if not gap.min() == gap.max() > 0:
        raise ValueError(
            "the silver counts of Tables 3/4 and Annex 1 no longer differ by one "
            "constant amount: rewrite the chapter's sentence about them"
        )
    silver_group = data.load("eu4d_membership").set_index("statistic_id")["value"]
    return [
        _count(
            "audit.eu4d.silver_annex_differs",
            len(silver),
            "Services whose silver count in Table 3 or 4 differs from Annex 1",
            unit="services",
        ),
        _count(
            "audit.eu4d.silver_annex_gap",
            gap.max(),
            "Difference between the silver count of Table 3 or 4 and Annex 1, in every "
            "service where they differ",
            unit="organisations",
        ),
        computed(
            "audit.eu4d.one_silver_share",
            1 / int(silver_group["dih_silver"]),
            unit="share of the silver group",
            definition="One organisation as a share of the silver group of document 002",
            fmt="{:.0%}",
        ),
    ]


def jobs_share_figures(by_id: pd.DataFrame) -> list[Figure]:
    """The share of European jobs in clusters as documents 001, 002 and 003 quote it, and the
    Panorama's cluster count that document 002 repeats."""
    shares = {
        doc: float(by_id.loc[check_id, column])
        for doc, check_id, column in (
            ("001", "001_003.employment_share", "value_b"),
            ("002", "001_002.employment_share", "value_a"),
            ("003", "001_003.employment_share", "value_a"),
        )
    }
    checks = {"001": "001_003", "002": "001_002", "003": "001_003"}
    records = [
        Figure(
            f"audit.jobs_share.doc{doc}",
            share,
            "% of European jobs in clusters",
            source=f"document {doc}, as quoted in check {checks[doc]}.employment_share",
            fmt="{:.4g}",
        )
        for doc, share in shares.items()
    ]
    records.append(
        computed(
            "audit.jobs_share.max_over_min",
            max(shares.values()) / min(shares.values()),
            unit="ratio",
            definition="Largest over smallest share of European jobs in clusters quoted in "
            "documents 001, 002 and 003",
        )
    )
    records.append(
        Figure(
            "audit.panorama.clusters",
            int(by_id.loc["001_002.clusters_count.eu4d_tf_001", "value_b"]),
            "clusters",
            source="document 001, section 1 (European Panorama of Clusters and Industrial Change)",
            fmt="{:,d}",
        )
    )
    return records


def key_figures(results: pd.DataFrame, set_aside: pd.DataFrame) -> list[Figure | Claim]:
    """Every number and every qualitative statement the audit chapter makes."""
    membership = data.load("eu4d_membership").set_index("statistic_id")["value"]
    claims = audit_claims(results, membership["eccp_large_share_mobility"])
    return claims + (
        verdict_figures(results, set_aside)
        + coverage_figures(results)
        + group_figures()
        + finding_figures(results)
        + detail_figures(results)
    )
