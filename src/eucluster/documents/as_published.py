"""The documents' own tables as they were published, ready to show and to quote.

The chapter that presents the five documents shows their tables before any test or
recomputation, so that a reader sees what each document claims. Every function here reads a
digitised table (``data/published/``), gives it the column headings a reader needs, and
returns, beside the table, the :class:`~eucluster.key_figures.Figure` records of the
numbers the chapter's prose quotes from it, each citing the document, section and table.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.documents import organisations
from eucluster.key_figures import Figure, quoted


@dataclass(frozen=True)
class ShownTable:
    """A table to show as published, with the figures the chapter quotes from it."""

    table: pd.DataFrame
    figures: list[Figure]


#: ECCP Table 1 rows (indicator as printed) -> key-figure id part and unit.
ECCP_TABLE1_ROWS = {
    "Average Number of Industry-Relevant Specialisation Nodes": (
        "industry_relevant",
        "nodes per region",
    ),
    "Average Number of Regional-Relevant Specialisation Nodes": (
        "regional_relevant",
        "nodes per region",
    ),
    "Average Number of active Cluster Organisations": (
        "cluster_organisations",
        "organisations per region",
    ),
}

#: The survey's two tables of services, with the panel title each gets in the chapter.
EU4D_SERVICE_TABLES = {
    "eu4d_table3": "General services (Table 3)",
    "eu4d_table4": "Digitalisation services (Table 4)",
}

#: Readable headings of document 002's Table 5 (the ten organisations with most services).
TOP_ORGANISATION_HEADINGS = {
    "organisation": "Organisation",
    "label": "Label",
    "country": "Country",
    "large_companies": "Large firms",
    "smes": "SMEs",
    "research_orgs": "Research orgs",
    "services_total": "Services",
    "services_general": "General",
    "services_digital": "Digital",
}


def eccp_table1() -> ShownTable:
    """ECCP Table 1 (nodes and cluster organisations per region, weak vs non-weak regions).

    The paper's main finding rests on these six averages, so each is quoted as a key figure
    (``published.table1.<row>.<group>``) for the prose to cite.
    """
    table = data.load("eccp_table1")
    by_indicator = table.set_index("indicator")
    figures = [
        quoted(
            f"published.table1.{row_id}.{group}",
            by_indicator.loc[indicator, group],
            unit=unit,
            table="eccp_table1",
        )
        for indicator, (row_id, unit) in ECCP_TABLE1_ROWS.items()
        for group in ("weak", "non_weak")
    ]
    shown = table.rename(
        columns={"indicator": "Average per region", "weak": "Weak", "non_weak": "Non-weak"}
    )
    return ShownTable(shown, figures)


def label_group_figures() -> list[Figure]:
    """The sizes of the gold, silver and bronze groups of document 002's survey.

    Counts of services are not comparable across groups of different size; stating the sizes
    tells a reader why the chapter turns counts into shares.
    """
    source = data.resource("eu4d_membership").citation
    return [
        Figure(f"published.eu4d.{label}.count", size, "organisations", source=source, fmt="{:d}")
        for label, size in organisations.label_group_sizes().items()
    ]


def service_shares() -> pd.DataFrame:
    """Share of each label group offering each service, Tables 3 and 4 of document 002 stacked.

    One long frame (service, label, count, group size, share, Wilson interval, ``kind`` naming
    the table) so that one chart shows both tables on one scale.
    """
    sizes = organisations.label_group_sizes()
    return pd.concat(
        [
            organisations.label_shares(data.load(name), sizes).assign(kind=kind)
            for name, kind in EU4D_SERVICE_TABLES.items()
        ]
    )


def top_organisations() -> pd.DataFrame:
    """Document 002's Table 5 with readable headings, in the published order."""
    return data.load("eu4d_table5").rename(columns=TOP_ORGANISATION_HEADINGS)


def interreg_actions() -> ShownTable:
    """Document 001's Table 1 counted by line of action and policy area, in the printed order.

    The table lists actions one by one; counting them per policy area shows what the brief
    weighs. A line of action the source does not make legible is named as such, not dropped.
    """
    actions = data.load("interreg_table1")
    counts = (
        actions.fillna({"line_of_action": "(not legible in the source)"})
        .groupby(["line_of_action", "policy_area"], sort=False)
        .size()
        .rename("Actions")
        .reset_index()
        .rename(columns={"line_of_action": "Line of action", "policy_area": "Policy area"})
    )
    total = Figure(
        "published.interreg.actions.count",
        len(actions),
        "actions",
        source=data.resource("interreg_table1").citation,
        fmt="{:d}",
    )
    return ShownTable(counts, [total])
