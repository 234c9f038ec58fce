"""Membership fees printed in document 002's case studies, in euro.

Three profiles print amounts: Bron Innovation and Cap Digital in euro, DigitalLead a schedule
in Danish kroner of which the report converts a single band. To set them on one axis, the
other DigitalLead bands are converted at the rate the report itself prints (EUR 1 = DKK 7.46,
``eu4d_membership_fees``), never at an outside rate, and each amount says whether it is
printed or converted.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.documents import case_studies
from eucluster.key_figures import Figure, computed, quoted

TABLE = "eu4d_membership_fees"
#: The exchange rate document 002 prints beside DigitalLead's 11-20 employee band (section 2.5.1).
PRINTED_DKK_PER_EUR = 7.46
#: Member-category prefixes shortened for a chart label.
CATEGORY_ABBREVIATIONS = {
    "Private companies: ": "firms, ",
    "Public companies/organisations: ": "public, ",
    " companies and organisations": "",
}


@dataclass(frozen=True)
class MembershipFees:
    """Every printed fee with its euro value (``fee_eur``), the profile's ``short_name``, a
    chart label ``row`` and its ``basis`` (printed or converted), and the chapter's figures."""

    fees: pd.DataFrame
    figures: list[Figure]


def fees_in_euro(fees: pd.DataFrame, rates: dict[str, float]) -> pd.DataFrame:
    """Fees with a euro value: the printed one where there is one, else converted at ``rates``.

    ``rates`` are local currency units per euro, taken from the document (it prints
    EUR 1 = DKK 7.46); ``converted`` marks rows whose euro value the book computed.
    """
    out = fees.copy()
    rate = out["currency"].map({**rates, "EUR": 1.0})
    out["converted"] = out["fee_eur"].isna()
    out["fee_eur"] = out["fee_eur"].fillna(out["fee_local"] / rate)
    if out["fee_eur"].isna().any():
        missing = sorted(out.loc[out["fee_eur"].isna(), "currency"].unique())
        raise KeyError(f"no exchange rate for {missing}; pass it in rates")
    return out


def fee_labels(fees: pd.DataFrame) -> pd.Series:
    """ "Organisation: category" with the long category prefixes shortened."""
    category = fees["member_category"]
    for long, short in CATEGORY_ABBREVIATIONS.items():
        category = category.str.replace(long, short)
    return fees["short_name"] + ": " + category


def membership_fees(dkk_per_eur: float = PRINTED_DKK_PER_EUR) -> MembershipFees:
    """The printed fees in euro, named as in the case profiles, with the figures the chapter
    states: the rate used, DigitalLead's firm rates and Bron Innovation's two flat fees."""
    cases = data.load(case_studies.TABLE)[["organisation", "short_name"]]
    fees = fees_in_euro(data.load(TABLE), {"DKK": dkk_per_eur})
    fees = fees.merge(cases, on="organisation", how="left")
    fees["row"] = fee_labels(fees)
    fees["basis"] = fees["converted"].map({True: "converted at the printed rate", False: "printed"})
    return MembershipFees(fees, fee_figures(fees, dkk_per_eur))


def fee_figures(fees: pd.DataFrame, dkk_per_eur: float) -> list[Figure]:
    """The spread of DigitalLead's size-scaled firm rates and Bron Innovation's flat fees."""
    digital_lead = fees[fees["short_name"] == "DigitalLead"]
    firm_bands = digital_lead.loc[
        digital_lead["member_category"].str.startswith("Private"), "fee_eur"
    ]
    bron = fees.loc[fees["short_name"] == "Bron Innovation", "fee_eur"]
    return [
        computed(
            "organisations.fees.profiles_with_amounts",
            int(fees["short_name"].nunique()),
            unit="organisations",
            definition="Case-study profiles that print fee amounts (eu4d_membership_fees).",
            fmt="{:d}",
        ),
        quoted(
            "organisations.fees.dkk_per_eur",
            dkk_per_eur,
            unit="DKK per EUR",
            table=TABLE,
            fmt="{:.2f}",
        ),
        computed(
            "organisations.fees.digitallead.min",
            firm_bands.min(),
            unit="EUR per year",
            definition="Lowest DigitalLead firm rate, DKK converted at the printed rate.",
            fmt="{:,.0f}",
        ),
        computed(
            "organisations.fees.digitallead.max",
            firm_bands.max(),
            unit="EUR per year",
            definition="Highest DigitalLead firm rate, DKK converted at the printed rate.",
            fmt="{:,.0f}",
        ),
        computed(
            "organisations.fees.digitallead.ratio",
            firm_bands.max() / firm_bands.min(),
            unit="ratio",
            definition="Highest over lowest DigitalLead firm rate.",
            fmt="{:.0f}",
        ),
        quoted(
            "organisations.fees.bron.startup",
            bron.min(),
            unit="EUR per year",
            table=TABLE,
            fmt="{:,.0f}",
        ),
        quoted(
            "organisations.fees.bron.established",
            bron.max(),
            unit="EUR per year",
            table=TABLE,
            fmt="{:,.0f}",
        ),
    ]
