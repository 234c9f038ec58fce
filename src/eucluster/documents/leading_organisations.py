"""The ten leading organisations of document 002's Table 5: size, member mix and services.

Table 5 picks the ten organisations with the widest service range. Whether a wide range goes
with an unusual membership is a question about their member mix, so the table is turned into
one profile per organisation (members by type, total members, services by kind) and the mix is
also pooled over the ten, to set beside the average of all organisations on the platform.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.key_figures import Claim, Figure, claim, computed, quoted

TABLE = "eu4d_table5"
#: Table 5's member-type columns and the words the book uses for them.
MEMBER_TYPES = {"large_companies": "large firms", "smes": "SMEs", "research_orgs": "research"}
#: Names as printed that are too long for a chart label, and the short form the book uses.
SHORT_NAMES = {
    "Bron Innovation / Govtech Sweden": "Bron Innovation",
    "POOL-NET - Portuguese Tooling & Plastics Network": "Pool-Net",
    "Cluster Sensor technology Bavaria / Strategic Partnership for Sensor Technologies": (
        "Cluster Sensorik"
    ),
    "HABIC BASQUE HABITAT, WOOD, OFFICE & HOSPITALITY CLUSTER": "Habic",
    "PRODUTECH - Production Technologies Cluster": "Produtech",
}


@dataclass(frozen=True)
class LeadingOrganisations:
    """Table 5 with a short ``name``, total ``members`` and a chart label ``card``
    ("name (country, label)"); the member mix in long form; the cards ordered by size; the mix
    pooled over the ten; and the key figures the chapter states."""

    table: pd.DataFrame
    composition: pd.DataFrame
    order: list[str]
    pooled: dict[str, float]
    figures: list[Figure | Claim]


def member_composition(top10: pd.DataFrame) -> pd.DataFrame:
    """Table 5 in long form: one row per organisation and member type, with count and share."""
    frame = top10.assign(members=top10[list(MEMBER_TYPES)].sum(axis=1))
    long = frame.melt(
        id_vars=["organisation", "label", "country", "members"],
        value_vars=list(MEMBER_TYPES),
        var_name="member_type",
        value_name="count",
    )
    long["member_type"] = long["member_type"].map(MEMBER_TYPES)
    long["share"] = long["count"] / long["members"]
    return long


def pooled_composition(top10: pd.DataFrame) -> dict[str, float]:
    """Member-type shares of all ten organisations' members added together."""
    totals = top10[list(MEMBER_TYPES)].sum()
    return {MEMBER_TYPES[k]: float(v / totals.sum()) for k, v in totals.items()}


def leading_organisations() -> LeadingOrganisations:
    """Profiles of the ten organisations of Table 5, with the figures the chapter states."""
    printed = data.load(TABLE)
    table = printed.assign(
        name=printed["organisation"].replace(SHORT_NAMES),
        members=printed[list(MEMBER_TYPES)].sum(axis=1),
    )
    table["card"] = (
        table["name"] + " (" + table["country"] + ", " + table["label"].str.lower() + ")"
    )
    order = table.sort_values("members", ascending=False)["card"].tolist()
    composition = member_composition(printed).merge(
        table[["organisation", "card"]], on="organisation"
    )
    pooled = pooled_composition(printed)
    figures = [
        *composition_figures(table, pooled),
        *contrast_figures(table),
        *spread_claims(table),
    ]
    return LeadingOrganisations(table, composition, order, pooled, figures)


def composition_figures(table: pd.DataFrame, pooled: dict[str, float]) -> list[Figure]:
    """Where the ten come from, how many are gold, and their pooled member mix."""
    return [
        computed(
            "organisations.top10.countries",
            table["country"].nunique(),
            unit="countries",
            definition="Distinct countries among the ten organisations of Table 5.",
            fmt="{:d}",
        ),
        computed(
            "organisations.top10.gold",
            int((table["label"] == "Gold").sum()),
            unit="organisations",
            definition="Gold-labelled organisations among the ten of Table 5.",
            fmt="{:d}",
        ),
        computed(
            "organisations.top10.sme_share",
            pooled["SMEs"],
            unit="share of members",
            definition="SMEs over all members of the ten organisations of Table 5, pooled.",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.top10.research_share",
            pooled["research"],
            unit="share of members",
            definition="Research organisations over all members of the ten, pooled.",
            fmt="{:.0%}",
        ),
    ]


def contrast_figures(table: pd.DataFrame) -> list[Figure]:
    """The largest and the smallest of the ten, and the one leaning furthest to digital
    services: the spread that a selection by service range leaves open."""
    largest = table.loc[table["members"].idxmax()]
    smallest = table.loc[table["members"].idxmin()]
    digital_lead = table["services_digital"] - table["services_general"]
    most_digital = table.loc[digital_lead.idxmax()]
    return [
        quoted(
            "organisations.top10.largest.members",
            largest["members"],
            unit="members",
            table=TABLE,
            fmt="{:,d}",
        ),
        quoted(
            "organisations.top10.smallest.members",
            smallest["members"],
            unit="members",
            table=TABLE,
            fmt="{:,d}",
        ),
        computed(
            "organisations.top10.size_ratio",
            largest["members"] / smallest["members"],
            unit="ratio",
            definition="Members of the largest over the smallest of the ten.",
            fmt="{:.0f}",
        ),
        computed(
            "organisations.top10.largest.name",
            largest["name"],
            unit="",
            definition="Organisation with the most members in Table 5.",
        ),
        computed(
            "organisations.top10.smallest.name",
            smallest["name"],
            unit="",
            definition="Organisation with the fewest members in Table 5.",
        ),
        computed(
            "organisations.top10.most_digital.name",
            most_digital["name"],
            unit="",
            definition="Organisation of Table 5 with the largest excess of digital over "
            "general services.",
        ),
        quoted(
            "organisations.top10.most_digital.digital",
            most_digital["services_digital"],
            unit="services",
            table=TABLE,
            fmt="{:d}",
        ),
        quoted(
            "organisations.top10.most_digital.general",
            most_digital["services_general"],
            unit="services",
            table=TABLE,
            fmt="{:d}",
        ),
    ]


def spread_claims(table: pd.DataFrame) -> list[Figure | Claim]:
    """How alike the ten are: sizes an order of magnitude apart or not, SMEs the majority of
    members everywhere or not, and the range of their service counts."""
    ratio = table["members"].max() / table["members"].min()
    sme_majority = table["smes"] / table["members"] > 0.5
    return [
        claim(
            "organisations.top10.order_of_magnitude",
            bool(ratio > 10),
            definition="The largest of the ten has more than ten times the members of the "
            "smallest (Table 5).",
            if_true="They span more than an order of magnitude:",
            if_false="They span less than an order of magnitude:",
        ),
        claim(
            "organisations.top10.sme_majority_everywhere",
            bool(sme_majority.all()),
            definition="SMEs are more than half of the members of every one of the ten.",
            if_true="SMEs are the majority of members in every one of the ten",
            if_false=f"SMEs are the majority of members in {int(sme_majority.sum())} of the ten",
        ),
        *[
            quoted(
                f"organisations.top10.services_{end}",
                int(getattr(table["services_total"], end)()),
                unit="services",
                table=TABLE,
                fmt="{:d}",
            )
            for end in ("min", "max")
        ],
    ]
