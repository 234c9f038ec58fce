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
from eucluster.documents import leading_organisations
from eucluster.key_figures import Claim, Figure, claim, computed

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
#: Words in a fee summary that mark fees scaled by the member's size.
SIZE_SCALED_FEES = r"\bsize\b|employees|\bFTE\b|\bstaff\b"


@dataclass(frozen=True)
class CaseProfiles:
    """The profiles as digitised, their coverage and funding sources (long frames, for the
    chapter's grid), the funding sources as a case × source table of booleans for the profiles
    that speak of money, and the key figures the chapter states."""

    cases: pd.DataFrame
    coverage: pd.DataFrame
    funding: pd.DataFrame
    named: pd.DataFrame
    figures: list[Figure | Claim]


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
    figures = [
        *profile_figures(cases, named, described),
        *selection_figures(cases),
        *pattern_claims(cases, named, described),
    ]
    return CaseProfiles(cases, coverage, funding, named, figures)


def selection_figures(cases: pd.DataFrame) -> list[Figure]:
    """How many profiles are of Table 5's ten leading organisations and how many are not."""
    leading = set(leading_organisations.leading_organisations().table["name"])
    in_table = int(cases["short_name"].isin(leading).sum())
    return [
        computed(
            "organisations.cases.in_table5",
            in_table,
            unit="organisations",
            definition="Profiles of organisations listed in Table 5 (matched by short name).",
            fmt="{:d}",
        ),
        computed(
            "organisations.cases.beyond_table5",
            len(cases) - in_table,
            unit="organisations",
            definition="Profiles of organisations not listed in Table 5.",
            fmt="{:d}",
        ),
    ]


def pattern_claims(cases: pd.DataFrame, named: pd.DataFrame, described: pd.Series) -> list[Claim]:
    """What the profiles share: whether they cover the same topics, whether those that speak
    of money describe a mixed model with membership fees as the most named source, and whether
    those that describe fees mostly scale them by member size."""
    complete = int((described == len(cases)).sum())
    speaking = len(named)
    by_source = named.sum()
    mixed = int((named.sum(axis=1) >= 2).sum())
    fee_rule = (
        2 * mixed > speaking
        and 2 * by_source["membership fees"] > speaking
        and by_source["membership fees"] == by_source.max()
    )
    fees = cases["fee_structure"].dropna()
    scaled = int(fees.str.contains(SIZE_SCALED_FEES, regex=True).sum())
    return [
        claim(
            "organisations.cases.uneven",
            complete < len(described),
            definition="Some digitised dimension is described by fewer than all profiles.",
            if_true=f"The profiles are uneven: only {complete} of the {len(described)} "
            "digitised topics are described in every one.",
            if_false="Every profile describes every digitised topic.",
        ),
        claim(
            "organisations.cases.mixed_fee_model",
            bool(fee_rule),
            definition="Of the profiles that speak of money, more than half name at least two "
            "sources and more than half name membership fees, and no source is named more "
            "often than membership fees.",
            if_true="a mixed funding model with membership fees at its core is the rule",
            if_false="no single funding model is the rule",
        ),
        claim(
            "organisations.cases.size_scaled_fees",
            2 * scaled > len(fees),
            definition="More than half of the profiles that describe fees describe fees scaled "
            f"by member size (keywords {SIZE_SCALED_FEES!r}).",
            if_true=f"Size-scaled fees, described in {scaled} of the {len(fees)} profiles that "
            "speak of fees, are the most common answer to the same problem",
            if_false=f"Size-scaled fees are described in only {scaled} of the {len(fees)} "
            "profiles that speak of fees; where they are used they answer the same problem",
        ),
        claim(
            "organisations.cases.size_scaled_rule",
            2 * scaled > len(fees),
            definition="As organisations.cases.size_scaled_fees (the chapter's conclusion).",
            if_true=f"most of those that describe fees ({scaled} of {len(fees)}) scale them by "
            "member size",
            if_false=f"only {scaled} of the {len(fees)} that describe fees scale them by member "
            "size",
        ),
    ]


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
