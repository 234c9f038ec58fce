"""The few quantities a row of the audit cannot write as arithmetic on table cells.

Each is a small named function that a row of ``data/audit/checks.csv`` calls by name (see
:data:`FUNCTIONS`). They exist because the question is combinatorial (which whole counts fit a
rounded percentage), reads a list (which ecosystems have a non-zero share), or compares names
rather than numbers. Arguments are plain values, columns (``pandas.Series``) or tables
(``pandas.DataFrame``), as :mod:`eucluster.audit.expressions` hands them over.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

EPS = 1e-9


def achievable_counts(pct: float, n: int) -> list[int]:
    """Whole counts k out of n whose percentage rounds to the printed integer ``pct``."""
    n = int(n)
    if n <= 0:
        return []
    return [k for k in range(n + 1) if abs(100 * k / n - pct) <= 0.5 + EPS]


def _nearest_count(pct: float, n: int) -> int:
    return min(range(n + 1), key=lambda k: abs(100 * k / n - pct))


def nearest_share(pct: float, n: int) -> float:
    """The percentage k/n nearest to the printed ``pct`` in a group of ``n`` (two decimals):
    a printed share can only be a whole number of the group's members."""
    n = int(n)
    return round(100 * _nearest_count(pct, n) / n, 2)


def share_counts_note(pct: float, n: int) -> str:
    """Which counts out of ``n`` give the printed ``pct``, or that none does."""
    n = int(n)
    counts = achievable_counts(pct, n)
    return f"k = {counts} of {n}" if counts else f"no k of {n} gives {pct:g} %"


def _node_share_options(co: float, pct: float, n: int) -> tuple[list, bool]:
    """Pairs (j, k): j of the k regions with the node have an organisation, k fitting ``pct``
    of ``n`` and j/k fitting the printed ``co``; and whether 0 % is possible with k = 0."""
    counts = achievable_counts(pct, n)
    options = [(j, k) for k in counts if k > 0 for j in achievable_counts(co, k)]
    return options, co == 0 and 0 in counts


def node_share(co: float, pct: float, n: int) -> float:
    """'% of nodes with an organisation' as a whole fraction j/k of the k regions with the node:
    the printed ``co`` when some j/k fits it, otherwise the nearest j/k (two decimals)."""
    n = int(n)
    options, zero_ok = _node_share_options(co, pct, n)
    if options or zero_ok:
        return co
    counts = achievable_counts(pct, n) or [_nearest_count(pct, n)]
    candidates = [(j, k) for k in counts if k > 0 for j in range(k + 1)] or [(0, 1)]
    j, k = min(candidates, key=lambda jk: abs(100 * jk[0] / jk[1] - co))
    return round(100 * j / k, 2)


def node_share_note(co: float, pct: float, n: int) -> str:
    """An example j/k behind a '% of nodes with an organisation', or why there is none."""
    options, zero_ok = _node_share_options(co, pct, int(n))
    if options:
        return f"e.g. {options[0][0]}/{options[0][1]}"
    if zero_ok:
        return "no region with the node, so 0 % is the only value"
    return "no j/k rounds to the printed value"


def node_average_low(shares: pd.Series, n: int) -> float:
    """Smallest average number of ecosystem nodes per region that the rounded '% of regions'
    column allows: the sum of the smallest whole counts over ``n``."""
    return sum(min(achievable_counts(p, n) or [0]) for p in shares.astype(float)) / int(n)


def node_average_high(shares: pd.Series, n: int) -> float:
    """Largest average number of nodes per region that the rounded column allows."""
    return sum(max(achievable_counts(p, n) or [0]) for p in shares.astype(float)) / int(n)


def organisation_share_of_nodes(table: pd.DataFrame, group: str) -> float:
    """Share of a group's ecosystem nodes that have an active cluster organisation: each
    ecosystem's '% of nodes with organisation' weighted by its '% of regions with node'."""
    weights = table[f"{group}_regions_pct"].astype(float)
    return float((weights * table[f"{group}_nodes_with_co_pct"]).sum() / weights.sum() / 100)


def _ecosystem_names(table: pd.DataFrame) -> pd.Series:
    return table["ecosystem"].str.replace(r"^E\d{2}\.\s*", "", regex=True)


def ecosystems_with_share(table: pd.DataFrame, column: str) -> str:
    """The ecosystems (names without their code) with a non-zero ``column``, sorted."""
    return "; ".join(sorted(_ecosystem_names(table)[table[column] > 0]))


def other_ecosystem_shares(table: pd.DataFrame, column: str, named: str) -> str:
    """The non-zero cells of ``column`` outside the ecosystems ``named`` ('A; B')."""
    shares = table.assign(name=_ecosystem_names(table)).set_index("name")[column]
    found = ecosystems_with_share(table, column).split("; ")
    return ", ".join(f"{e} {shares[e]:g} %" for e in found if e not in named.split("; "))


def count_positive(values: pd.Series) -> int:
    """How many cells are above zero."""
    return int((values > 0).sum())


def larger_group(weak: float, nonweak: float) -> str:
    """Which group of regions has the larger share: 'weak', 'non-weak' or 'equal'."""
    if weak == nonweak:
        return "equal"
    return "weak" if weak > nonweak else "non-weak"


def annex_sum(annex: pd.DataFrame, services: pd.Series, column: str) -> int:
    """Sum of an Annex 1 count column over the services a table lists (names compared
    without regard to case, as the report capitalises them differently)."""
    listed = set(services.str.lower())
    return int(annex.loc[annex["service"].str.lower().isin(listed), column].sum())


def short_service(name: str) -> str:
    """A service name without its parenthesis or 'such as' example, for compact lists."""
    return re.sub(r"\s*\(.*?\)|\s+such as.*$", "", name)


def _pooled_over_half(
    annex: pd.DataFrame, group: int, general: pd.Series, kind: str
) -> pd.DataFrame:
    pooled = annex.dropna(subset=["gold_pct"]).assign(
        share=lambda d: (d["gold_n"] + d["silver_n"]) / group
    )
    is_general = pooled["service"].str.lower().isin(set(general.str.lower()))
    part = pooled[is_general] if kind == "general" else pooled[~is_general]
    return part[part["share"] > 0.5]


def services_over_half(annex: pd.DataFrame, group: int, general: pd.Series, kind: str) -> str:
    """The ``kind`` ('general' or 'digitalisation') services that over half of the pooled
    gold and silver organisations offer by the Annex 1 counts (short names, sorted); general
    services are those of Table 3."""
    above = _pooled_over_half(annex, group, general, kind)
    return "; ".join(sorted(short_service(x) for x in above["service"]))


def services_over_half_note(
    annex: pd.DataFrame, group: int, general: pd.Series, kind: str, listed: str
) -> str:
    """The counts of the services above half that the text's list (``listed``) leaves out."""
    above = _pooled_over_half(annex, group, general, kind)
    named = listed.split("; ")
    missing = [
        f"{service}: {int(gold + silver)}/{int(group)}"
        for service, gold, silver in above[["service", "gold_n", "silver_n"]].itertuples(
            index=False
        )
        if short_service(service) not in named
    ]
    return "; ".join(missing) or "same services"


def listed_in(name: str, names: pd.Series) -> str:
    """'listed' when ``name`` is part of one of ``names`` (case-insensitive), else 'not listed'."""
    found = any(name.lower() in other for other in names.str.lower())
    return "listed" if found else "not listed"


def detail(text: str) -> str:
    """The part of a digitiser's reference after its first '; ', where it explains a count."""
    return str(text).partition("; ")[2]


FUNCTIONS: dict[str, Callable] = {
    function.__name__: function
    for function in (
        achievable_counts,
        nearest_share,
        share_counts_note,
        node_share,
        node_share_note,
        node_average_low,
        node_average_high,
        organisation_share_of_nodes,
        ecosystems_with_share,
        other_ecosystem_shares,
        count_positive,
        larger_group,
        annex_sum,
        short_service,
        services_over_half,
        services_over_half_note,
        listed_in,
        detail,
    )
}
