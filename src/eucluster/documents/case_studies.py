"""The twelve case-study profiles of document 002 (sections 2.5.1-2.5.2): what they describe.

The profiles are the report's richest material on how cluster organisations work, but they
are uneven: a comparison across cases is only as wide as the dimensions they share. So the
profiles are read here for coverage first (which dimensions each one describes) and, where they
speak of money, for the funding sources they name, coded by keyword so that a reader can check
every hit against the project's paraphrase (``eu4d_case_studies``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.key_figures import Figure, computed

TABLE = "eu4d_case_studies"

#: The digitised dimensions of a profile and the words the book uses for them.
CASE_DIMENSIONS = {
    "legal_form": "legal form",
    "governance": "governance",
    "members_mix": "members and mix",
    "staff": "staff",
    "funding_model": "funding model",
    "fee_structure": "fees",
    "flagship_services": "flagship services",
    "digital_services": "digital services",
    "results_reported": "results",
}

#: Keywords that mark a funding source in the case profiles' funding and fee summaries. The
#: summaries are the project's paraphrases (eu4d_case_studies), so the coding is reproducible
#: and a reader can check each hit against the text.
FUNDING_PATTERNS = {
    "membership fees": r"\bfees?\b|member contributions",
    "public funding": (
        r"public|ministry|subsid|agency|VLAIO|state|federal|ERDF|regional development"
        r"|local authorit|national basic|regional funding"
    ),
    "EU funding": r"\bEU\b|ERDF|European regional",
    "project funding": r"project",
    "private funding": r"private invest|public-private",
}

#: The facts table's columns as digitised and as headed in the book.
FACT_COLUMNS = {
    "short_name": "Organisation",
    "country": "Country",
    "label": "Label",
    "founded": "Founded",
    "members_total": "Members",
    "staff": "Staff",
    "legal_form": "Legal form",
}
FACT_FORMATS = {"Founded": "{:d}", "Members": "{:,d}", "Staff": "{:d}"}


@dataclass(frozen=True)
class CaseProfiles:
    """The profiles as digitised, their coverage and funding sources (long frames, for the
    chapter's grid), the funding sources as a case × source table of booleans for the profiles
    that speak of money, and the key figures the chapter states."""

    cases: pd.DataFrame
    coverage: pd.DataFrame
    funding: pd.DataFrame
    named: pd.DataFrame
    figures: list[Figure]


def case_coverage(cases: pd.DataFrame) -> pd.DataFrame:
    """Which dimensions each case-study profile describes (long: short_name, dimension, shown).

    A comparison across cases is only as wide as the dimensions the profiles share, so the
    gaps are part of the finding.
    """
    long = cases.melt(
        id_vars="short_name",
        value_vars=list(CASE_DIMENSIONS),
        var_name="dimension",
        value_name="value",
    )
    long["described"] = long["value"].notna()
    long["dimension"] = long["dimension"].map(CASE_DIMENSIONS)
    return long.drop(columns="value")


def funding_sources(cases: pd.DataFrame) -> pd.DataFrame:
    """Funding sources named in each profile (long: short_name, source, named).

    A profile that says nothing about money has ``named`` missing, not False: silence in
    the document is not evidence of absence.
    """
    text = cases["funding_model"].fillna("") + " " + cases["fee_structure"].fillna("")
    silent = cases["funding_model"].isna() & cases["fee_structure"].isna()
    rows = []
    for source, pattern in FUNDING_PATTERNS.items():
        hits = text.str.contains(pattern, regex=True, case=True)
        for name, hit, quiet in zip(cases["short_name"], hits, silent, strict=True):
            rows.append({"short_name": name, "source": source, "named": None if quiet else hit})
    return pd.DataFrame(rows)


def case_profiles() -> CaseProfiles:
    """Coverage and funding sources of every profile, with the counts the chapter states."""
    cases = data.load(TABLE)
    coverage = case_coverage(cases)
    funding = funding_sources(cases)
    named = (
        funding.dropna(subset=["named"])
        .pivot(index="short_name", columns="source", values="named")
        .astype(bool)
    )
    described = coverage.groupby("dimension")["described"].sum()
    return CaseProfiles(cases, coverage, funding, named, profile_figures(cases, named, described))


def profile_figures(cases: pd.DataFrame, named: pd.DataFrame, described: pd.Series) -> list[Figure]:
    """How many profiles describe each topic the chapter discusses, and which funding
    sources those that speak of money name."""
    counts = [
        ("count", len(cases), "Case-study profiles in document 002, sections 2.5.1-2.5.2."),
        ("funding_described", len(named), "Profiles that say anything about funding or fees."),
        (
            "fees_named",
            int(named["membership fees"].sum()),
            "Profiles naming membership fees as income.",
        ),
        ("public_named", int(named["public funding"].sum()), "Profiles naming public funding."),
        (
            "mixed",
            int((named.sum(axis=1) >= 2).sum()),
            "Profiles naming at least two funding sources.",
        ),
        ("governance_described", int(described["governance"]), "Profiles describing governance."),
        ("results_described", int(described["results"]), "Profiles reporting results."),
        ("staff_described", int(described["staff"]), "Profiles giving a staff number."),
    ]
    return [
        computed(
            f"organisations.cases.{key}",
            value,
            unit="organisations",
            definition=definition,
            fmt="{:d}",
        )
        for key, value, definition in counts
    ]


def case_facts(cases: pd.DataFrame) -> pd.DataFrame:
    """The facts every profile can state (country, label, founding year, members, staff, legal
    form), headed for the book; formats in :data:`FACT_FORMATS`."""
    return cases[list(FACT_COLUMNS)].rename(columns=FACT_COLUMNS)


def funding_descriptions(cases: pd.DataFrame) -> str:
    """The funding and fee summaries of the profiles that have any, as a MyST definition list
    (one term per organisation), so the reader can check the keyword coding against them."""
    filled = cases.fillna({"funding_model": "", "fee_structure": ""})
    return "\n".join(
        f"{row.short_name}\n: *Funding:* {row.funding_model or 'not described.'} "
        f"*Fees:* {row.fee_structure or 'not described.'}\n"
        for row in filled.itertuples()
        if row.funding_model or row.fee_structure
    )
