"""Comparisons of cluster organisations by excellence label (document 002's survey).

The survey's label groups are small (29 gold, 14 silver organisations), so a difference of a
few percentage points between them is within sampling noise. Shares therefore come with
Wilson score intervals, and each gold-vs-silver difference with Fisher's exact test, which is
valid for counts this small where a chi-squared approximation is not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

LABELS = ("gold", "silver", "bronze")


def label_shares(
    counts: pd.DataFrame, group_sizes: dict[str, int], *, alpha: float = 0.05
) -> pd.DataFrame:
    """Long table of service × label: count, group size, share and its Wilson interval.

    ``counts`` has a ``service`` column and one count column per label in ``group_sizes``.
    """
    missing = [label for label in group_sizes if label not in counts.columns]
    if missing:
        raise KeyError(f"count columns {missing} are missing; have {list(counts.columns)}")
    long = counts.melt(
        id_vars="service", value_vars=list(group_sizes), var_name="label", value_name="count"
    )
    long["group_size"] = long["label"].map(group_sizes)
    too_many = long[long["count"] > long["group_size"]]
    if not too_many.empty:
        rows = too_many[["service", "label", "count", "group_size"]].to_string(index=False)
        raise ValueError(f"counts larger than their group size cannot be shares:\n{rows}")
    long["share"] = long["count"] / long["group_size"]
    low, high = proportion_confint(long["count"], long["group_size"], alpha=alpha, method="wilson")
    long["ci_low"], long["ci_high"] = np.asarray(low), np.asarray(high)
    return long


def gold_vs_silver(
    counts: pd.DataFrame,
    group_sizes: dict[str, int],
    *,
    first: str = "gold",
    second: str = "silver",
) -> pd.DataFrame:
    """Per service: both shares, their difference and Fisher's exact two-sided p-value."""
    n1, n2 = group_sizes[first], group_sizes[second]
    rows = []
    for service, k1, k2 in counts[["service", first, second]].itertuples(index=False):
        table = [[k1, n1 - k1], [k2, n2 - k2]]
        odds_ratio, p_value = stats.fisher_exact(table, alternative="two-sided")
        rows.append(
            {
                "service": service,
                f"{first}_share": k1 / n1,
                f"{second}_share": k2 / n2,
                "difference": k1 / n1 - k2 / n2,
                "odds_ratio": odds_ratio,
                "p_value": p_value,
            }
        )
    return pd.DataFrame(rows)


def minimum_detectable_difference(
    n1: int, n2: int, *, base_share: float = 0.5, alpha: float = 0.05, power: float = 0.8
) -> float:
    """Smallest difference in shares a two-sample test detects with ``power`` (normal approx.).

    It tells the reader what the group sizes can support at all, whatever the observed data.
    """
    z_alpha = stats.norm.ppf(1 - alpha / 2)
    z_beta = stats.norm.ppf(power)
    spread = np.sqrt(base_share * (1 - base_share) * (1 / n1 + 1 / n2))
    return float((z_alpha + z_beta) * spread)


def label_group_sizes() -> dict[str, int]:
    """Gold, silver and bronze group sizes of document 002's survey, from the digitised text.

    They are the denominators of every share by label; reading them from
    ``eu4d_membership.csv`` keeps the source (002, section 3, line 946) attached.
    """
    from eucluster import published

    membership = published.load("eu4d_membership").set_index("statistic_id")
    return {label: int(membership.loc[f"dih_{label}", "value"]) for label in LABELS}
