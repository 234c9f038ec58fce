"""The ECCP paper's statements about ecosystems, tested under every mapping variant.

Section "Presence of industrial ecosystems" of document 000 reads conclusions from its
Tables 2 and 3: weak regions have more regional-relevant ecosystem nodes, their
industry-relevant nodes are in agri-food and textiles, non-weak regions lead in creative
industries, digital and health, and so on. Each such statement is a test here
(:data:`STATEMENTS`) that takes one variant's recomputed shares; :func:`statement_table`
applies every test to every mapping variant of
:mod:`eucluster.measures.ecosystem_variants` and sorts the statements into those that hold
under every variant, those that depend on the mapping and those that hold under none.

A statement that needs an ecosystem a variant cannot measure does not hold under that
variant: the data then cannot show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.measures.ecosystem_variants import VARIANTS

REGIONAL, INDUSTRY = "regional-relevant", "industry-relevant"
AGRI_FOOD, CCI, DIGITAL, HEALTH, RENEWABLES, TEXTILE = "E03", "E05", "E06", "E09", "E12", "E14"
#: Outcomes of a statement over the variants.
SURVIVES, DEPENDS, FAILS = "survives", "depends", "fails"


class Shares:
    """One variant's recomputed Tables 2 and 3: ``share(table, ecosystem, group)`` in percent
    (NaN where the variant cannot measure the ecosystem)."""

    def __init__(self, tables: pd.DataFrame):
        self.wide = tables.pivot_table(
            index=["node_type", "ecosystem_id"],
            columns="group",
            values="recomputed_pct",
            dropna=False,
        )
        self.published = tables.pivot_table(
            index=["node_type", "ecosystem_id"], columns="group", values="published_pct"
        )

    def share(self, node_type: str, ecosystem: str, group: str) -> float:
        key = (node_type, ecosystem)
        return float(self.wide.loc[key, group]) if key in self.wide.index else float("nan")

    def weak_more(self, node_type: str, ecosystem: str) -> bool:
        """More weak than non-weak regions have a node (False if not measured)."""
        return self.share(node_type, ecosystem, "weak") > self.share(
            node_type, ecosystem, "non-weak"
        )

    def nonweak_more(self, node_type: str, ecosystem: str) -> bool:
        return self.share(node_type, ecosystem, "non-weak") > self.share(
            node_type, ecosystem, "weak"
        )

    def table(self, node_type: str) -> pd.DataFrame:
        return self.wide.loc[node_type].dropna()


def _regional_more_in_weak(shares: Shares) -> bool:
    table = shares.table(REGIONAL)
    return bool(table["weak"].sum() > table["non-weak"].sum())


def _industry_weak_at_least(shares: Shares) -> bool:
    table = shares.table(INDUSTRY)
    return bool(table["weak"].sum() >= table["non-weak"].sum())


def _industry_weak_agri_textile(shares: Shares) -> bool:
    weak = shares.table(INDUSTRY)["weak"]
    if not {AGRI_FOOD, TEXTILE} <= set(weak.index):
        return False
    return bool(weak[[AGRI_FOOD, TEXTILE]].min() > weak.drop([AGRI_FOOD, TEXTILE]).max())


def _nonweak_more_diverse(shares: Shares) -> bool:
    table = shares.table(INDUSTRY)
    return bool((table["non-weak"] > 0).sum() > (table["weak"] > 0).sum())


def _ordering_agrees(shares: Shares) -> bool:
    """The sign of weak minus non-weak agrees with Table 2 in more than half of the measured
    ecosystems where the published difference is not zero."""
    table = shares.table(REGIONAL)
    published = shares.published.loc[REGIONAL].reindex(table.index)
    paper = np.sign(published["weak"] - published["non-weak"])
    ours = np.sign(table["weak"] - table["non-weak"])
    stated = paper != 0
    return bool((ours[stated] == paper[stated]).sum() > stated.sum() / 2)


@dataclass(frozen=True)
class Statement:
    """One of the paper's statements: what it says (a clause), where, its test, and a short
    label for the table."""

    says: str
    where: str
    test: Callable[[Shares], bool]
    short: str = ""


#: The paper's statements on ecosystems (document 000, section "Presence of industrial
#: ecosystems"), each with a test of one variant's recomputed tables.
STATEMENTS = {
    "regional_more_in_weak": Statement(
        "weak regions have more regional-relevant ecosystem nodes than non-weak ones",
        "text and Table 2",
        _regional_more_in_weak,
        "weak > non-weak, regional-relevant nodes",
    ),
    "industry_weak_at_least": Statement(
        "weak regions have at least as many industry-relevant ecosystem nodes as non-weak ones",
        "text and Table 3",
        _industry_weak_at_least,
        "weak >= non-weak, industry-relevant nodes",
    ),
    "industry_weak_agri_textile": Statement(
        "weak regions' industry-relevant nodes are above all in agri-food and textiles",
        "Table 3",
        _industry_weak_agri_textile,
        "weak: industry-relevant in agri-food, textile",
    ),
    "textile_industry_weak_more": Statement(
        "more weak than non-weak regions have an industry-relevant textile node",
        "Table 3",
        lambda shares: shares.weak_more(INDUSTRY, TEXTILE),
        "textile, industry-relevant: weak > non-weak",
    ),
    "agri_textile_regional_weak_more": Statement(
        "more weak than non-weak regions have a regional-relevant agri-food and textile node",
        "Table 2",
        lambda shares: (
            shares.weak_more(REGIONAL, AGRI_FOOD) and shares.weak_more(REGIONAL, TEXTILE)
        ),
        "agri-food, textile, regional-relevant: weak > non-weak",
    ),
    "cci_digital_health_nonweak_more": Statement(
        "non-weak regions lead in creative and cultural industries, digital and health",
        "Table 2",
        lambda shares: all(shares.nonweak_more(REGIONAL, e) for e in (CCI, DIGITAL, HEALTH)),
        "CCI, digital, health, regional-relevant: non-weak > weak",
    ),
    "renewables_weak_more": Statement(
        "more weak than non-weak regions have a regional-relevant renewable-energy node",
        "Table 2",
        lambda shares: shares.weak_more(REGIONAL, RENEWABLES),
        "renewables, regional-relevant: weak > non-weak",
    ),
    "nonweak_more_diverse": Statement(
        "non-weak regions have industry-relevant nodes in more ecosystems than weak ones",
        "Table 3",
        _nonweak_more_diverse,
        "non-weak: industry-relevant in more ecosystems",
    ),
    "ordering_agrees": Statement(
        "weak and non-weak regions are ordered as in Table 2 in most ecosystems",
        "Table 2",
        _ordering_agrees,
        "order of weak and non-weak as published, most ecosystems",
    ),
}


def truths(tables: pd.DataFrame) -> pd.DataFrame:
    """Statements (rows, :data:`STATEMENTS` order) x variants (columns, ``VARIANTS`` order):
    does the statement hold under the variant's recomputed tables
    (:func:`~eucluster.measures.ecosystem_variants.variant_tables`)?"""
    by_variant = {key: Shares(part) for key, part in tables.groupby("variant", sort=False)}
    return pd.DataFrame(
        {
            key: {name: bool(s.test(by_variant[key])) for name, s in STATEMENTS.items()}
            for key in VARIANTS
            if key in by_variant
        }
    )


def outcome(row: pd.Series) -> str:
    """``survives`` (holds under every variant), ``fails`` (under none) or ``depends``."""
    return SURVIVES if row.all() else FAILS if not row.any() else DEPENDS


def outcome_sentence(name: str, row: pd.Series, result: str) -> str:
    """The statement with what happened to it over the variants, as a clause."""
    says = STATEMENTS[name].says
    if result == SURVIVES:
        return f"that {says} holds under every mapping"
    if result == FAILS:
        return f"that {says} holds under no mapping"
    held, failed = row.index[row.to_numpy()], row.index[~row.to_numpy()]
    if not len(held) or not len(failed):
        return f"that {says} holds under some mappings but not under others"
    if len(failed) <= len(held):
        names = name_list([f"'{VARIANTS[key].label}'" for key in failed])
        return f"that {says} holds under every mapping but {names}"
    names = name_list([f"'{VARIANTS[key].label}'" for key in held])
    return f"that {says} holds under {names} only"


#: The outcome each statement has under the chapter's default parameters; its claim says
#: whether the run's outcome is that one (and, if not, what happened instead).
EXPECTED = {
    "regional_more_in_weak": SURVIVES,
    "industry_weak_at_least": FAILS,
    "industry_weak_agri_textile": FAILS,
    "textile_industry_weak_more": SURVIVES,
    "agri_textile_regional_weak_more": DEPENDS,
    "cci_digital_health_nonweak_more": DEPENDS,
    "renewables_weak_more": DEPENDS,
    "nonweak_more_diverse": SURVIVES,
    "ordering_agrees": SURVIVES,
}
_OTHERWISE = {
    SURVIVES: "fails under at least one mapping",
    FAILS: "holds under at least one mapping",
    DEPENDS: "holds under every mapping or under none",
}


def statement_claims(table: pd.DataFrame) -> list[Figure | Claim]:
    """One claim per statement (``ecosystems.paper.<name>``: its outcome over the variants is
    the expected one of :data:`EXPECTED`) and the counts of statements per outcome."""
    records: list[Figure | Claim] = []
    results = {name: outcome(row) for name, row in table.iterrows()}
    for name, row in table.iterrows():
        expected, result = EXPECTED[name], results[name]
        says = STATEMENTS[name].says
        records.append(
            claim(
                f"ecosystems.paper.{name}",
                result == expected,
                definition=f"the paper's statement ({STATEMENTS[name].where}) that {says} "
                f"{expected} over the mapping variants (survives: holds under all; fails: "
                "under none; depends: under some)",
                if_true=outcome_sentence(name, row, expected),
                if_false=outcome_sentence(name, row, result)
                if result != expected
                else f"that {says} {_OTHERWISE[expected]}",
            )
        )
    for result in (SURVIVES, DEPENDS, FAILS):
        records.append(
            computed(
                f"ecosystems.paper.{result}_count",
                sum(value == result for value in results.values()),
                unit="statements",
                definition=f"paper statements whose outcome over the mapping variants is "
                f"'{result}'",
                fmt="{:d}",
            )
        )
    records.append(
        computed(
            "ecosystems.paper.statements",
            len(results),
            unit="statements",
            definition="the paper's ecosystem statements tested",
            fmt="{:d}",
        )
    )
    return records


def statement_display(table: pd.DataFrame) -> pd.DataFrame:
    """The statements x variants table as the chapter shows it: yes/no per variant and the
    outcome."""
    shown = table.replace({True: "yes", False: "no"})
    shown.columns = [VARIANTS[key].label for key in table.columns]
    shown.insert(
        0,
        "The paper says",
        [f"{STATEMENTS[name].short} ({STATEMENTS[name].where})" for name in table.index],
    )
    shown["Outcome"] = [outcome(row) for _, row in table.iterrows()]
    return shown.reset_index(drop=True)
