"""Who belongs to a cluster organisation: document 002's membership statistics.

The report summarises the members of all organisations profiled on the European Cluster
Collaboration Platform (section 2.3.3) and the large member firms of the gold-labelled ones
(section 2.4.3). They are the benchmark for the ten leading organisations: if those looked
unusual in their member mix, a wide service range might need an unusual membership. The
report prints three of the four size classes; the fourth is the remainder, and is marked so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.documents.leading_organisations import MEMBER_TYPES
from eucluster.key_figures import Claim, Figure, claim, computed, quoted

TABLE = "eu4d_membership"
#: The statistics the chapter quotes, with their unit and display format.
QUOTED_STATISTICS = {
    "eccp_members_average": ("members per organisation", "{:,.0f}"),
    "eccp_members_sme_share": ("% of members", "{:.0f}"),
    "eccp_members_large_share": ("% of members", "{:.0f}"),
    "eccp_members_research_share": ("% of members", "{:.0f}"),
    "eccp_size_lt100_share": ("% of organisations", "{:.0f}"),
    "eccp_size_gt400_share": ("% of organisations", "{:.0f}"),
    "eccp_staff_1_5_share": ("% of organisations", "{:.0f}"),
    "eccp_members_large_share_exec": ("% of members", "{:.0f}"),
}
#: The member-type shares of all platform organisations, in :data:`MEMBER_TYPES` order.
MEMBER_TYPE_STATISTICS = {
    "large firms": "eccp_members_large_share",
    "SMEs": "eccp_members_sme_share",
    "research": "eccp_members_research_share",
}
#: The size class the report leaves out, drawn as the remainder of the three it prints.
UNSTATED_SIZE_CLASS = "201-400*"
#: Classes of large member firms counted for the gold organisations, by statistic suffix.
GOLD_LARGE_FIRM_CLASSES = {"1-14": "1_14", "15-49": "15_49", "50-150": "50_150"}
#: Member mixes that differ by less than this in every member type look alike (points).
ALIKE_POINTS = 10


@dataclass(frozen=True)
class ClusterMembership:
    """The report's membership statistics by id; the size classes of platform organisations
    (percent); the member mix of all platform organisations beside the ten leading ones pooled
    (percent, long); the gold organisations by number of large member firms; the figures."""

    statistics: pd.Series
    size_classes: pd.DataFrame
    mix: pd.DataFrame
    gold_large: pd.DataFrame
    figures: list[Figure | Claim]


def size_classes(statistics: pd.Series) -> pd.DataFrame:
    """Size classes of platform organisations (% of organisations); the unstated 201-400 class
    is 100 minus the three the report prints."""
    printed = ["eccp_size_lt100_share", "eccp_size_101_200_share", "eccp_size_gt400_share"]
    return pd.DataFrame(
        {
            "class": ["<100", "101-200", UNSTATED_SIZE_CLASS, ">400"],
            "share": [
                statistics["eccp_size_lt100_share"],
                statistics["eccp_size_101_200_share"],
                100 - statistics[printed].sum(),
                statistics["eccp_size_gt400_share"],
            ],
        }
    )


def member_mix(statistics: pd.Series, pooled: dict[str, float]) -> pd.DataFrame:
    """Member-type shares (percent) of all platform organisations and of the ten leading ones
    pooled (``pooled`` as fractions, from :func:`leading_organisations.pooled_composition`)."""
    platform = pd.DataFrame(
        {
            "group": "all ECCP cluster organisations",
            "member_type": list(MEMBER_TYPE_STATISTICS),
            "share": [statistics[s] for s in MEMBER_TYPE_STATISTICS.values()],
        }
    )
    leading = pd.DataFrame(
        {
            "group": "ten leading organisations (pooled)",
            "member_type": list(pooled),
            "share": [100 * v for v in pooled.values()],
        }
    )
    return pd.concat([platform, leading])


def gold_large_firms(statistics: pd.Series) -> pd.DataFrame:
    """Gold organisations by their number of large member firms (section 2.4.3)."""
    return pd.DataFrame(
        {
            "class": list(GOLD_LARGE_FIRM_CLASSES),
            "organisations": [
                statistics[f"dih_gold_large_{suffix}"]
                for suffix in GOLD_LARGE_FIRM_CLASSES.values()
            ],
        }
    )


def cluster_membership(pooled: dict[str, float], gold_size: int) -> ClusterMembership:
    """The membership statistics the chapter quotes and draws; ``pooled`` is the leading
    organisations' member mix and ``gold_size`` the number of gold organisations."""
    if list(pooled) != list(MEMBER_TYPES.values()):
        raise ValueError(
            f"pooled shares must be for {list(MEMBER_TYPES.values())}, got {list(pooled)}"
        )
    statistics = data.load(TABLE).set_index("statistic_id")["value"]
    classes = size_classes(statistics)
    figures = [
        *[
            quoted(
                f"organisations.membership.{name}",
                statistics[name],
                unit=unit,
                table=TABLE,
                fmt=fmt,
            )
            for name, (unit, fmt) in QUOTED_STATISTICS.items()
        ],
        computed(
            "organisations.membership.size_unstated",
            classes.loc[classes["class"] == UNSTATED_SIZE_CLASS, "share"].iloc[0],
            unit="% of organisations",
            definition="100 minus the three size-class shares the report prints.",
            fmt="{:.0f}",
        ),
        computed(
            "organisations.gold.large50_share",
            statistics["dih_gold_large_50_150"] / gold_size,
            unit="share of gold organisations",
            definition="Gold organisations with 50-150 large member firms (section 2.4.3) over "
            f"{gold_size}.",
            fmt="{:.0%}",
        ),
    ]
    mix, gold_large = member_mix(statistics, pooled), gold_large_firms(statistics)
    figures += membership_claims(statistics, mix, gold_large, gold_size)
    return ClusterMembership(statistics, classes, mix, gold_large, figures)


def membership_claims(
    statistics: pd.Series, mix: pd.DataFrame, gold_large: pd.DataFrame, gold_size: int
) -> list[Claim]:
    """Small teams the rule or not; the executive summary at odds with the section or not; the
    ten leading organisations' mix like the platform's or not; every gold organisation with
    large member firms or not."""
    staff = statistics["eccp_staff_1_5_share"]
    large, large_exec = (
        statistics["eccp_members_large_share"],
        statistics["eccp_members_large_share_exec"],
    )
    shares = mix.pivot(index="member_type", columns="group", values="share")
    gaps = (shares.iloc[:, 0] - shares.iloc[:, 1]).abs()
    widest = gaps.idxmax()
    with_large = int(gold_large["organisations"].sum())
    return [
        claim(
            "organisations.membership.small_teams_most",
            bool(staff > 50),
            definition="More than half of ECCP cluster organisations employ one to five people.",
            if_true=f"Most organisations run on a small team: {staff:.0f} % employ one to five "
            "people.",
            if_false=f"Only {staff:.0f} % of organisations run on a team of one to five people.",
        ),
        claim(
            "organisations.membership.exec_contradicts",
            bool(large != large_exec),
            definition="The large-firm share of members in the executive summary differs from "
            "the one in section 2.3.3.",
            if_true=f"the executive summary gives {large_exec:.0f} % for large firms instead, a "
            "contradiction within the report",
            if_false="the executive summary gives the same share for large firms",
        ),
        claim(
            "organisations.membership.leading_like_average",
            bool(gaps.max() < ALIKE_POINTS),
            definition="The pooled member mix of the ten organisations of Table 5 differs from "
            f"the platform average by less than {ALIKE_POINTS} points in every member type.",
            if_true="The ten leading organisations look like the average in their mix (no member "
            f"type differs by {ALIKE_POINTS} points or more), so a wide service range does not "
            "seem to require an unusual membership",
            if_false=f"The ten leading organisations differ from the average in their mix "
            f"({widest} by {gaps.max():.0f} points), so a wide service range may go with an "
            "unusual membership",
        ),
        claim(
            "organisations.gold.all_with_large_firms",
            with_large == gold_size,
            definition="The gold organisations counted by number of large member firms (1-14, "
            "15-49, 50-150) add up to all gold organisations.",
            if_true="every one of the gold organisations counts large firms among its members",
            if_false=f"{with_large} of the {gold_size} gold organisations count large firms "
            "among their members",
        ),
    ]
