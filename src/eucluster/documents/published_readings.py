"""What the documents' tables say, read as computed claims.

The chapter that shows the documents' tables as published also says what they show: which
group has more nodes, which ecosystems stand out, which services most organisations offer.
Those readings are comparisons of printed numbers, so each is computed here from the digitised
table and handed to the chapter as a :class:`~eucluster.key_figures.Claim` (or, for a list of
names, a computed text figure), so that a corrected digitisation can never leave a sentence
behind that its table no longer supports.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data
from eucluster.documents import gold_silver_services, label_claims
from eucluster.key_figures import Claim, Figure, claim, computed, name_list

#: How many ecosystems the chapter names as those in which weak regions are most specialised.
TOP_ECOSYSTEMS = 3
#: The share of the measure a reading is about, in the ecosystem tables.
REGIONS, WITH_ORGANISATION = "regions_pct", "nodes_with_co_pct"


def table1_claims() -> list[Claim]:
    """ECCP Table 1 read row by row: do weak regions have fewer nodes of each kind and fewer
    cluster organisations than the others?"""
    table = data.load("eccp_table1").set_index("indicator")
    rows = {
        "regional_relevant": "Average Number of Regional-Relevant Specialisation Nodes",
        "industry_relevant": "Average Number of Industry-Relevant Specialisation Nodes",
        "cluster_organisations": "Average Number of active Cluster Organisations",
    }
    weak = {key: table.loc[row, "weak"] for key, row in rows.items()}
    other = {key: table.loc[row, "non_weak"] for key, row in rows.items()}
    return [
        claim(
            "documents.table1.regional_relevant_not_fewer",
            bool(weak["regional_relevant"] >= other["regional_relevant"]),
            definition="Weak regions' average of regional-relevant nodes is at least the "
            "non-weak regions' (document 000, Table 1).",
            if_true="Regional-relevant nodes are, if anything, more common in weak regions",
            if_false="Regional-relevant nodes are less common in weak regions",
        ),
        claim(
            "documents.table1.industry_relevant_fewer",
            bool(weak["industry_relevant"] < other["industry_relevant"]),
            definition="Weak regions' average of industry-relevant nodes is below the non-weak "
            "regions' (document 000, Table 1).",
            if_true="are fewer in weak regions",
            if_false="are not fewer in weak regions",
        ),
        claim(
            "documents.table1.organisations_fewer",
            bool(weak["cluster_organisations"] < other["cluster_organisations"]),
            definition="Weak regions' average of active cluster organisations is below the "
            "non-weak regions' (document 000, Table 1).",
            if_true="weak regions host fewer active cluster organisations",
            if_false="weak regions host no fewer active cluster organisations",
        ),
    ]


def ecosystem_readings(tables: pd.DataFrame) -> list[Figure | Claim]:
    """The ecosystem tables read down their columns: where weak regions are most often
    specialised (Table 2), where non-weak regions are more often specialised than weak ones in
    both tables, and whether non-weak regions' nodes more often have a cluster organisation."""
    wide = tables.pivot_table(
        index=["table", "ecosystem"], columns=["measure", "group"], values="published_pct"
    )
    regions, organised = wide[REGIONS], wide[WITH_ORGANISATION]
    weak_top = regions.loc["Table 2", "weak"].sort_values(ascending=False, kind="stable")
    top = weak_top.index[:TOP_ECOSYSTEMS].tolist()
    ahead = (regions["non-weak"] > regions["weak"]).groupby(level="ecosystem").all()
    non_weak_ahead = sorted(ahead[ahead].index)
    more_often = organised["non-weak"] > organised["weak"]
    less_often = organised["non-weak"] < organised["weak"]
    pairs = len(organised)
    return [
        computed(
            "documents.ecosystems.weak_top",
            name_list(top, empty=""),
            unit="ecosystems",
            definition=f"The {TOP_ECOSYSTEMS} ecosystems with the largest share of weak regions "
            "having a regional-relevant node (document 000, Table 2).",
        ),
        claim(
            "documents.ecosystems.non_weak_ahead",
            bool(non_weak_ahead),
            definition="Ecosystems in which the share of non-weak regions with a node exceeds "
            "the share of weak regions in both Table 2 and Table 3 (document 000).",
            if_true=f"the non-weak regions are more often specialised than the weak ones in "
            f"{name_list(non_weak_ahead, empty='')}, in both tables",
            if_false="no ecosystem has non-weak regions more often specialised than weak ones "
            "in both tables",
        ),
        claim(
            "documents.ecosystems.non_weak_organised",
            bool(more_often.sum() > less_often.sum()),
            definition="Ecosystem-table cells (both tables) in which non-weak regions' nodes "
            "more often have an active cluster organisation outnumber those in which weak "
            "regions' nodes do.",
            if_true="their nodes more often have a cluster organisation (in "
            f"{int(more_often.sum())} of the {pairs} ecosystem rows of the two tables, against "
            f"{int(less_often.sum())} the other way, the rest tied)",
            if_false="their nodes do not more often have a cluster organisation (in only "
            f"{int(more_often.sum())} of the {pairs} ecosystem rows of the two tables, against "
            f"{int(less_often.sum())} the other way, the rest tied)",
        ),
    ]


def service_readings(shares: pd.DataFrame) -> list[Figure | Claim]:
    """Services offered by more than half of all labelled organisations together, and whether
    the gold and silver Wilson intervals overlap for every service."""
    named = shares[shares["service"] != "Other services"]
    pooled = named.groupby("service", sort=False)[["count", "group_size"]].sum()
    most = pooled.index[pooled["count"] > pooled["group_size"] / 2].tolist()
    by_label = named.set_index(["service", "label"])
    gold, silver = by_label.xs("gold", level="label"), by_label.xs("silver", level="label")
    overlap = (gold["ci_low"] <= silver["ci_high"]) & (silver["ci_low"] <= gold["ci_high"])
    services = len(overlap)
    names = label_claims.service_list(
        gold_silver_services.short_service_names(pd.Series(most, dtype=str)).tolist()
    )
    return [
        claim(
            "documents.services.most_offered",
            bool(most),
            definition="Services (without 'Other services') offered by more than half of the "
            "gold, silver and bronze organisations together (document 002, Tables 3-4).",
            if_true=f"{label_claims.sentence_start(names)} are offered by most labelled "
            "organisations",
            if_false="No service is offered by more than half of the labelled organisations",
        ),
        claim(
            "documents.services.intervals_overlap",
            bool(overlap.all()),
            definition="The 95 % Wilson intervals of the gold and silver shares overlap for "
            "every named service.",
            if_true=f"the intervals of gold and silver overlap for all {services} named services",
            if_false=f"the intervals of gold and silver overlap for {int(overlap.sum())} of the "
            f"{services} named services",
        ),
    ]
