"""Structural weakness: which regions are "weak", by the cohesion-policy rule.

One definition for the whole book: a NUTS 2 region's GDP per inhabitant in PPS, averaged over
2015-2017, as a percentage of the EU-27 average, is *less developed* below 75, *transition* from
75 to below 100, *more developed* from 100 (the 2021-2027 programming period). A region is
*weak* when it is less developed. The values come from the 2026 vintage of ``nama_10r_2gdp``
(NUTS 2021); the Commission used the 2019 vintage (NUTS 2016), so a few regions near a threshold
may fall differently than in Implementing Decision (EU) 2021/1130
(:func:`from_vintage` reads the older releases).

The one place that answers "is this region weak?":

* :func:`classify` labels the EU-27 NUTS 2 (2021) regions by the policy rule over a period;
* :func:`by_year` applies the rule to each single year;
* :func:`for_codes` labels the codes of another NUTS version (the SBS NUTS 2013 regions);
* :func:`from_vintage` applies the rule to an older release of the accounts;
* :func:`classify_nuts1` and :func:`by_parent` carry the label to NUTS 1 regions;
* :func:`classified` and :func:`unclassified` split a set of regions into those with a label
  and those without.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import numpy as np
import pandas as pd

from eucluster import data, parameters
from eucluster.data.errors import EmptySelectionError
from eucluster.geo.nuts import recode
from eucluster.geo.regions import EU27, study_regions

#: Category thresholds (% of EU-27 GDP per head in PPS), 2021-2027 programming period.
LESS_DEVELOPED_BELOW = 75.0
MORE_DEVELOPED_FROM = 100.0
CATEGORIES = ("less developed", "transition", "more developed")
#: The GDP table that defines weakness: GDP per head in PPS as % of the EU-27 (2020) average.
GDP_DATASET = "nama_10r_2gdp_pps_hab_eu27"
#: The years whose mean decided the 2021-2027 categories.
POLICY_PERIOD = (2015, 2017)
#: Years a period may name (the data decide which of them have values).
YEAR_RANGE = (1990, 2100)


def check_period(period: object, name: str = "period") -> tuple[int, int]:
    """A period ``(first, last)`` of integer years, first <= last (both included)."""
    years = parameters.years(period, name, *YEAR_RANGE)
    if len(years) != 2 or years[0] > years[1]:
        raise ValueError(f"{name} must be (first, last) with first <= last, got {period!r}")
    return cast(tuple[int, int], years)


# --------------------------------------------------------------------------- weakness


def categorise(pct_eu27: pd.Series) -> pd.Series:
    """Cohesion category of GDP per head (% of EU-27): <75 less developed, 75 to <100
    transition, >=100 more developed; missing values stay missing."""
    values = pd.to_numeric(pct_eu27, errors="raise").astype("float64")
    labels = np.select(
        [
            values < LESS_DEVELOPED_BELOW,
            values < MORE_DEVELOPED_FROM,
            values >= MORE_DEVELOPED_FROM,
        ],
        list(CATEGORIES),
        default="",
    )
    out = pd.Series(labels, index=pct_eu27.index, dtype="str")
    cat = pd.Categorical(out.where(out != ""), categories=list(CATEGORIES), ordered=True)
    return pd.Series(cat, index=pct_eu27.index, name="category")


#: Older vintage used to fill study regions that the 2026 pull only has in NUTS 2024 form.
GDP_FALLBACK = ("regional_gdp_vintages", "V2021", "PPS_HAB_EU27")


def gdp_relative(years: Iterable[int] | None = None) -> pd.DataFrame:
    """GDP per head in PPS as % of the EU-27 average for the EU-27 NUTS 2 (2021) regions:
    ``geo, year, gdp_pps_pct_eu27, source``.

    The 2026 pull of ``nama_10r_2gdp`` is coded in NUTS 2024, which differs from NUTS 2021 at
    this level only in the Netherlands (NL35/NL36 = NL31/NL33 with a small boundary shift:
    recoded) and Portugal (PT16-PT18 re-cut into PT19-PT1D: no NUTS 2021 counterpart). The
    three Portuguese regions are therefore taken from the V2021 release vintage (NUTS 2016
    codes, identical to NUTS 2021 there); ``source`` says which series each value comes from.

    ``years`` selects years (all when None). EmptySelectionError when a requested year has no
    value at all, so a typo in a year never yields an empty chart.
    """
    gdp = data.load(GDP_DATASET)
    gdp = gdp[(gdp["geo"].str.len() == 4) & gdp["geo"].str.slice(0, 2).isin(EU27)]
    gdp = gdp[~gdp["geo"].str.endswith("ZZ") & gdp["value"].notna()]
    gdp, _ = recode(gdp, 2024, 2021)
    gdp = gdp.assign(source=f"{GDP_DATASET} (2026)")
    name, vintage, unit = GDP_FALLBACK
    old = data.load(name)
    old = old[(old["vintage"] == vintage) & (old["unit"] == unit) & (old["level"] == 2)]
    old = old[old["value"].notna()]
    absent = set(study_regions().index) - set(gdp["geo"])
    fill = old[old["geo"].isin(absent)]
    fill = fill[["geo", "year", "value"]].assign(source=f"{name} {vintage}")
    both = pd.concat([gdp[["geo", "year", "value", "source"]], fill], ignore_index=True)
    if years is not None:
        wanted = sorted(set(parameters.years(list(years), "years", *YEAR_RANGE)))
        span = set(both["year"].unique())
        empty = [y for y in wanted if y not in span]
        if empty:
            raise EmptySelectionError(
                f"{GDP_DATASET} (EU-27 NUTS 2)",
                f"has no values for year(s) {empty}; it covers {min(span)}-{max(span)}.",
                "Choose years inside that span.",
            )
        both = both[both["year"].isin(wanted)]
    out = both.rename(columns={"value": "gdp_pps_pct_eu27"})
    out["source"] = out["source"].astype("str")
    return out.sort_values(["geo", "year"]).reset_index(drop=True)


def _label(frame: pd.DataFrame) -> pd.DataFrame:
    frame["category"] = categorise(frame["gdp_pps_pct_eu27"])
    frame["weak"] = (frame["gdp_pps_pct_eu27"] < LESS_DEVELOPED_BELOW).astype("bool")
    return frame


def classify(period: tuple[int, int] = POLICY_PERIOD) -> pd.DataFrame:
    """Structural weakness of every EU-27 NUTS 2 (2021) region, indexed by ``geo``:
    ``name, country, gdp_pps_pct_eu27, category, weak``.

    ``gdp_pps_pct_eu27`` is the mean of the yearly values over ``period`` (inclusive). A study
    region without a value in every year of the period raises EmptySelectionError naming it,
    because a label from a partial average would not be the policy rule.
    """
    first, last = check_period(period)
    years = range(first, last + 1)
    gdp = gdp_relative(years)
    regions = study_regions()
    counts = gdp.groupby("geo")["year"].nunique().reindex(regions.index).fillna(0)
    incomplete = counts[counts < len(years)]
    if len(incomplete):
        raise EmptySelectionError(
            f"{GDP_DATASET}, {first}-{last}",
            f"{len(incomplete)} study region(s) lack a value in some year: "
            f"{incomplete.index.tolist()[:10]}.",
            "Choose a period the GDP series covers for every region.",
        )
    mean = gdp.groupby("geo")["gdp_pps_pct_eu27"].mean()
    out = regions.copy()
    out["gdp_pps_pct_eu27"] = mean.reindex(out.index).astype("float64")
    return _label(out)


def by_year(years: Iterable[int] | None = None) -> pd.DataFrame:
    """Category and weak flag of every EU-27 NUTS 2 region in each single year:
    ``geo, year, name, country, gdp_pps_pct_eu27, category, weak`` (long).

    Regions without a value in a year are absent for that year (not labelled)."""
    gdp = gdp_relative(years)
    regions = study_regions()
    gdp = gdp[gdp["geo"].isin(regions.index)]
    out = gdp.join(regions, on="geo")[
        ["geo", "year", "name", "country", "gdp_pps_pct_eu27"]
    ].reset_index(drop=True)
    return _label(out)


def for_codes(
    geo_codes: Sequence[str] | pd.Index | pd.Series,
    source_version: int = 2013,
    period: tuple[int, int] = POLICY_PERIOD,
) -> pd.DataFrame:
    """Weak/non-weak labels for region codes of another NUTS version (e.g. the SBS NUTS 2013
    regions), indexed by the given codes: ``geo_2021, recode, gdp_pps_pct_eu27, category,
    weak``.

    Identical and renamed regions take the label of their NUTS 2021 region. A split region
    (e.g. HU10 -> HU11 + HU12) gets a label only when all its parts share the category (its
    GDP value stays missing: the parts' values cannot be combined without weights); otherwise
    the label is missing (``weak`` is a nullable boolean). Codes outside the EU-27 or at
    another level than NUTS 2 get missing labels and ``recode`` says why (``not a study
    region``, ``other version``, ``extra-regio`` ...). Unknown codes raise
    UnknownNutsCodeError.
    """
    codes = pd.Index(pd.Series(list(geo_codes), dtype="str").unique(), name="geo")
    frame = pd.DataFrame({"geo": codes})
    _, report = recode(frame, source_version, 2021)
    table = report.codes.set_index("source")
    labels = classify(period)
    out = pd.DataFrame(index=codes)
    out["geo_2021"] = pd.Series(table["target"].reindex(codes).to_numpy(), index=codes).astype(
        "str"
    )
    out["recode"] = pd.Series(table["kind"].reindex(codes).to_numpy(), index=codes).astype("str")
    out["gdp_pps_pct_eu27"] = np.nan
    category = pd.Series(pd.NA, index=codes, dtype="object")
    for code in codes:
        kind, target = out.at[code, "recode"], out.at[code, "geo_2021"]
        parts = [t for t in target.split(",") if t in labels.index]
        if kind in ("identical", "renamed") and parts:
            out.at[code, "gdp_pps_pct_eu27"] = labels.at[parts[0], "gdp_pps_pct_eu27"]
            category[code] = labels.at[parts[0], "category"]
        elif kind == "split" and parts and len(parts) == len(target.split(",")):
            cats = set(labels.loc[parts, "category"])
            if len(cats) == 1:
                category[code] = cats.pop()
        elif kind in ("identical", "renamed"):
            out.at[code, "recode"] = "not a study region"
    out["category"] = pd.Categorical(category, categories=list(CATEGORIES), ordered=True)
    weak = (out["category"] == CATEGORIES[0]).astype("boolean")
    weak[out["category"].isna()] = pd.NA
    out["weak"] = weak
    return out


def from_vintage(vintage: str = "V2019", period: tuple[int, int] = POLICY_PERIOD) -> pd.DataFrame:
    """The weakness rule applied to an older release vintage of regional GDP (NUTS 2016 codes,
    EU-27): ``gdp_pps_pct_eu27, category, weak`` indexed by ``geo``.

    V2019 is the vintage the Commission had when it fixed the 2021-2027 categories, so this is
    the closest the snapshot comes to the official list; comparing it with :func:`classify`
    shows how much a data revision and a NUTS reform move the count.
    """
    period = check_period(period)
    name, _, unit = GDP_FALLBACK
    old = data.load(name)
    old = old[(old["vintage"] == vintage) & (old["unit"] == unit) & (old["level"] == 2)]
    old = old[old["year"].between(*period) & old["value"].notna()]
    if old.empty:
        raise EmptySelectionError(
            f"{name} {vintage} {unit}",
            f"has no NUTS 2 values for {period[0]}-{period[1]}.",
            "Choose a vintage (V2015-V2021) and a period it covers.",
        )
    years = period[1] - period[0] + 1
    complete = old.groupby("geo")["year"].nunique() == years
    mean = old[old["geo"].isin(complete[complete].index)].groupby("geo")["value"].mean()
    out = pd.DataFrame({"gdp_pps_pct_eu27": mean.astype("float64")})
    out.index.name = "geo"
    return _label(out)


def classify_nuts1(period: tuple[int, int] = POLICY_PERIOD) -> pd.DataFrame:
    """The weakness rule applied to the EU-27 NUTS 1 regions (2026 GDP vintage): ``country,
    gdp_pps_pct_eu27, category, weak`` indexed by ``geo``. Used only to explore mixed NUTS 1 /
    NUTS 2 region sets such as the ECCP's; the policy rule itself is defined on NUTS 2."""
    period = check_period(period)
    gdp = data.load(GDP_DATASET)
    nuts1 = gdp[(gdp["geo"].str.len() == 3) & gdp["geo"].str.slice(0, 2).isin(EU27)]
    nuts1 = nuts1[~nuts1["geo"].str.endswith("Z") & nuts1["year"].between(*period)]
    nuts1 = nuts1[nuts1["value"].notna()]
    years = period[1] - period[0] + 1
    counts = nuts1.groupby("geo")["year"].nunique()
    if (counts < years).any() or nuts1.empty:
        raise EmptySelectionError(
            f"{GDP_DATASET} NUTS 1, {period[0]}-{period[1]}",
            f"regions without a value in every year: {counts[counts < years].index.tolist()}.",
            "Choose a period the series covers.",
        )
    out = pd.DataFrame({"gdp_pps_pct_eu27": nuts1.groupby("geo")["value"].mean()})
    out.insert(0, "country", out.index.str.slice(0, 2))
    return _label(out)


def classified(regions: pd.Index, weak: pd.Series) -> pd.Series:
    """``weak`` restricted to ``regions``, as booleans; regions without a class are left out
    (the book counts them with :func:`unclassified`). Raises if no region is classified or a
    group is empty, since a comparison would then be meaningless."""
    if not isinstance(weak, pd.Series):
        raise TypeError("weak must be a pandas Series: region code -> True (weak) / False")
    known = weak.dropna()
    aligned = known.reindex(regions.intersection(known.index)).astype(bool)
    if aligned.empty or aligned.all() or not aligned.any():
        raise ValueError(
            f"weak classifies {int(aligned.sum())} weak and {int((~aligned).sum())} non-weak of "
            f"the {len(regions)} regions: both groups need regions (are the NUTS codes of the "
            "same version and level as the employment data?)"
        )
    return aligned


def by_parent(weak: pd.Series, employment: pd.Series) -> pd.Series:
    """Weak/non-weak for the NUTS 1 parents of classified NUTS 2 regions.

    Weakness is defined for NUTS 2 regions only (:func:`for_codes`). A
    NUTS 1 region is called weak here when more than half of the employment of its classified
    NUTS 2 regions is in weak ones: the label that most of its workers would carry.
    """
    known = weak.dropna().astype(bool)
    jobs = employment.reindex(known.index).fillna(0.0)
    parent = known.index.astype(str).str.slice(0, 3)
    weak_jobs = jobs.where(known, 0.0).groupby(parent).sum()
    share = weak_jobs / jobs.groupby(parent).sum()
    return (share > 0.5).rename("weak")


def unclassified(regions: pd.Index, weak: pd.Series) -> list[str]:
    """Regions with employment data but no weak/non-weak class."""
    return sorted(regions.difference(weak.dropna().index))
