"""Comparisons of cluster organisations by excellence label (document 002's survey).

The survey's label groups are small (29 gold, 14 silver organisations), so a difference of a
few percentage points between them is within sampling noise. Shares therefore come with
Wilson score intervals, and each gold-vs-silver difference with Fisher's exact test, which is
valid for counts this small where a chi-squared approximation is not.

This module holds the statistics (intervals, tests, power) and the label counts they read. The
organisations chapter's study built on them is :mod:`eucluster.documents.gold_silver_services`;
the chapter's other topics have modules of their own: ``leading_organisations`` (Table 5),
``case_studies`` (the profiles), ``membership_fees`` and ``cluster_membership``.
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
    ``eu4d_membership.csv`` keeps the source (002, section 2.4.3) attached.
    """
    from eucluster import data

    membership = data.load("eu4d_membership").set_index("statistic_id")
    return {label: int(membership.loc[f"dih_{label}", "value"]) for label in LABELS}


def wilson_interval(count: int, size: int, *, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval for one share: honest at the edges (0 of 14) where Wald is not."""
    low, high = proportion_confint(count, size, alpha=alpha, method="wilson")
    return float(low), float(high)


def difference_interval(
    k1: int, n1: int, k2: int, n2: int, *, alpha: float = 0.05
) -> tuple[float, float]:
    """Newcombe's hybrid score interval for the difference of two shares ``k1/n1 - k2/n2``.

    It is built from the two Wilson intervals, so it stays inside [-1, 1] and keeps its
    coverage when a count is 0, which a Wald interval for a difference does not.
    """
    from statsmodels.stats.proportion import confint_proportions_2indep

    low, high = confint_proportions_2indep(
        k1, n1, k2, n2, method="newcomb", compare="diff", alpha=alpha
    )
    return float(low), float(high)


def label_comparison(
    counts: pd.DataFrame,
    group_sizes: dict[str, int],
    *,
    first: str = "gold",
    second: str = "silver",
    alpha: float = 0.05,
    power: float = 0.8,
) -> pd.DataFrame:
    """Per service: :func:`gold_vs_silver` plus what a reader needs to judge the difference.

    Adds the Newcombe interval of the difference, Holm and Benjamini-Hochberg adjusted
    p-values (the services are tested together, so some small p-values are expected by
    chance), and the minimum detectable difference at the service's pooled share. The column
    ``verdict`` says in words what the data support.
    """
    from statsmodels.stats.multitest import multipletests

    n1, n2 = group_sizes[first], group_sizes[second]
    result = gold_vs_silver(counts, group_sizes, first=first, second=second)
    bounds = [
        difference_interval(k1, n1, k2, n2, alpha=alpha)
        for k1, k2 in counts[[first, second]].itertuples(index=False)
    ]
    result["diff_low"] = [b[0] for b in bounds]
    result["diff_high"] = [b[1] for b in bounds]
    result["p_holm"] = multipletests(result["p_value"], alpha=alpha, method="holm")[1]
    result["q_bh"] = multipletests(result["p_value"], alpha=alpha, method="fdr_bh")[1]
    pooled = (counts[first].to_numpy() + counts[second].to_numpy()) / (n1 + n2)
    result["pooled_share"] = pooled
    result["detectable"] = [
        minimum_detectable_difference(n1, n2, base_share=float(p), alpha=alpha, power=power)
        for p in np.clip(pooled, 0.05, 0.95)
    ]
    result["verdict"] = [_verdict(row, alpha) for row in result.itertuples(index=False)]
    return result


def _verdict(row, alpha: float) -> str:
    if row.p_holm < alpha:
        return "different, also after correction"
    if row.p_value < alpha:
        return "different at face value only"
    if abs(row.difference) >= row.detectable:
        return "large but not significant"
    return "no evidence either way"


def annex_counts() -> pd.DataFrame:
    """Gold and silver counts per service from Annex 1, with the service names of Tables 3-4.

    The annex was retrieved two months before the tables and its silver counts are lower in
    twelve services; rerunning a comparison on both shows whether a conclusion hangs on them.
    """
    from eucluster import data

    annex = data.load("eu4d_annex1_totals")
    annex = annex[~annex["service"].str.startswith("Number of")]
    names = {
        s.casefold(): s
        for table in ("eu4d_table3", "eu4d_table4")
        for s in data.load(table)["service"]
    }
    service = annex["service"].str.casefold().map(names)
    if service.isna().any():
        raise KeyError(f"annex services not in Tables 3-4: {annex['service'][service.isna()]}")
    return pd.DataFrame(
        {
            "service": service.to_numpy(),
            "gold": annex["gold_n"].astype(int).to_numpy(),
            "silver": annex["silver_n"].astype(int).to_numpy(),
        }
    )


def fisher_power(share1: float, share2: float, n1: int, n2: int, *, alpha: float = 0.05) -> float:
    """Exact power of the two-sided Fisher test for true shares ``share1`` and ``share2``.

    Sums the probability of every outcome (k1, k2) whose Fisher p-value is below ``alpha``,
    so it needs no normal approximation; at these group sizes the approximation of
    :func:`minimum_detectable_difference` is optimistic, and this is the number to quote for
    "how often would the survey have caught a gap this large".
    """
    prob1 = stats.binom.pmf(np.arange(n1 + 1), n1, share1)
    prob2 = stats.binom.pmf(np.arange(n2 + 1), n2, share2)
    power = 0.0
    for k1 in range(n1 + 1):
        for k2 in range(n2 + 1):
            p_value = stats.fisher_exact([[k1, n1 - k1], [k2, n2 - k2]]).pvalue
            if p_value < alpha:
                power += prob1[k1] * prob2[k2]
    return float(power)
