"""Structural weakness: which regions are "weak", by the cohesion-policy rule.

One definition for the whole book: a NUTS 2 region's GDP per inhabitant in PPS, averaged over
2015-2017, as a percentage of the EU-27 average, is *less developed* below 75, *transition* from
75 to below 100, *more developed* from 100 (the 2021-2027 programming period). A region is
*weak* when it is less developed. The values come from the 2026 vintage of ``nama_10r_2gdp``
(NUTS 2021); the Commission used the 2019 vintage (NUTS 2016), so a few regions near a threshold
may fall differently than in Implementing Decision (EU) 2021/1130
(:func:`weakness_from_vintage` reads the older releases).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.data.errors import EmptySelectionError
from eucluster.geo.nuts import recode
from eucluster.geo.regions import EU27, study_regions

#: Category thresholds (% of EU-27 GDP per head in PPS), 2021-2027 programming period.
LESS_DEVELOPED_BELOW = 75.0
MORE_DEVELOPED_FROM = 100.0
CATEGORIES = ("less developed", "transition", "more developed")
#: The GDP table that defines weakness: GDP per head in PPS as % of the EU-27 (2020) average.
GDP_DATASET = "nama_10r_2gdp_pps_hab_eu27"


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
    gdp, _ = recode(gdp, "geo", 2024, 2021)
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
        wanted = sorted({int(y) for y in years})
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


def weakness(period: tuple[int, int] = (2015, 2017)) -> pd.DataFrame:
    """Structural weakness of every EU-27 NUTS 2 (2021) region, indexed by ``geo``:
    ``name, country, gdp_pps_pct_eu27, category, weak``.

    ``gdp_pps_pct_eu27`` is the mean of the yearly values over ``period`` (inclusive). A study
    region without a value in every year of the period raises EmptySelectionError naming it,
    because a label from a partial average would not be the policy rule.
    """
    first, last = period
    if first > last:
        raise ValueError(f"period must be (first, last) with first <= last, got {period!r}")
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


def weakness_by_year(years: Iterable[int] | None = None) -> pd.DataFrame:
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


def weakness_for(
    geo_codes: Sequence[str] | pd.Index | pd.Series,
    source_version: int = 2013,
    period: tuple[int, int] = (2015, 2017),
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
    _, report = recode(frame, "geo", source_version, 2021)
    table = report.codes.set_index("source")
    labels = weakness(period)
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


# --------------------------------------------------------------------------- chapter helpers


def weakness_from_vintage(
    vintage: str = "V2019", period: tuple[int, int] = (2015, 2017)
) -> pd.DataFrame:
    """The weakness rule applied to an older release vintage of regional GDP (NUTS 2016 codes,
    EU-27): ``gdp_pps_pct_eu27, category, weak`` indexed by ``geo``.

    V2019 is the vintage the Commission had when it fixed the 2021-2027 categories, so this is
    the closest the snapshot comes to the official list; comparing it with :func:`weakness`
    shows how much a data revision and a NUTS reform move the count.
    """
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


def category_changes(years: Iterable[int] = range(2015, 2024)) -> pd.DataFrame:
    """Regions whose single-year category is not the same in every year of ``years``:
    one row per region with ``name, country``, the category of each year (columns = years)
    , ``categories`` (how many distinct categories it went through) and ``switches`` (how many
    times the category changes between consecutive years with values)."""
    by_year = weakness_by_year(years)
    wide = by_year.pivot(index="geo", columns="year", values="category")
    distinct = wide.nunique(axis=1)
    changed = wide[distinct > 1].astype("str").replace("nan", "")
    names = study_regions()
    out = names.loc[changed.index].join(changed)
    out["categories"] = distinct[distinct > 1]
    labels = changed.to_numpy()
    out["switches"] = [
        sum(1 for a, b in zip(row[:-1], row[1:], strict=True) if a and b and a != b)
        for row in labels
    ]
    out.columns = [str(c) for c in out.columns]
    return out


def provenance(period: tuple[int, int] = (2015, 2017)) -> pd.DataFrame:
    """The sources behind :func:`weakness` and the map: dataset, vintage, licence, sha256,
    rows read, rows used for the labels of ``period`` and what was not used and why. Computed,
    so it cannot go stale."""
    rows = []
    gdp = data.load(GDP_DATASET)
    nuts2_eu = (gdp["geo"].str.len() == 4) & gdp["geo"].str.slice(0, 2).isin(EU27)
    in_period = gdp["year"].between(*period)
    _, report = recode(gdp[nuts2_eu & gdp["value"].notna()], "geo", 2024, 2021)
    split_or_merged = sum(v for k, v in report.dropped_rows.items())
    used = int((nuts2_eu & in_period & gdp["value"].notna()).sum())
    rows.append(
        (
            GDP_DATASET,
            f"years outside {period[0]}-{period[1]}; "
            f"{int((~nuts2_eu).sum())} rows of countries, aggregates, NUTS 1 or non-EU regions; "
            f"{int((nuts2_eu & gdp['value'].isna()).sum())} empty values; "
            f"{split_or_merged} rows of NUTS 2024 regions without a NUTS 2021 counterpart "
            f"({', '.join(report.listed('merged') + report.listed('split'))})",
            len(gdp),
            used,
        )
    )
    name, vintage, unit = GDP_FALLBACK
    old = data.load(name)
    fill = gdp_relative(range(period[0], period[1] + 1))
    from_old = fill["source"] != f"{GDP_DATASET} (2026)"
    filled = int(from_old.sum())
    filled_codes = ", ".join(sorted(fill.loc[from_old, "geo"].unique()))
    rows.append(
        (
            name,
            f"all but vintage {vintage}, unit {unit}, for the regions the 2026 pull lacks "
            f"({filled_codes})",
            len(old),
            filled,
        )
    )
    shapes = data.load("gisco_nuts2021_l2")
    study = shapes["country"].isin(EU27)
    rows.append(
        (
            "gisco_nuts2021_l2",
            f"{int((~study).sum())} regions outside the EU-27",
            len(shapes),
            int(study.sum()),
        )
    )
    walk = data.load("jrc_nuts_crosswalks")
    pair = (walk["from_version"] == 2024) & (walk["to_version"] == 2021)
    rows.append(
        ("jrc_nuts_crosswalks", "all but the NUTS 2024 to 2021 pairs", len(walk), int(pair.sum()))
    )
    codes = data.load("jrc_nuts_codes")
    rows.append(("jrc_nuts_codes", "none (a code list)", len(codes), len(codes)))
    out = []
    for dataset_name, dropped, read, kept in rows:
        entry = data.dataset(dataset_name)
        out.append(
            {
                "dataset": entry.name,
                "vintage": entry.vintage,
                "licence": entry.licence.split(":")[0].split(";")[0].split(" for ")[0],
                "sha256": entry.sha256[:12],
                "rows_read": read,
                "rows_used": kept,
                "not_used": dropped,
            }
        )
    return pd.DataFrame(out)


def nuts1_weakness(period: tuple[int, int] = (2015, 2017)) -> pd.DataFrame:
    """The weakness rule applied to the EU-27 NUTS 1 regions (2026 GDP vintage): ``country,
    gdp_pps_pct_eu27, category, weak`` indexed by ``geo``. Used only to explore mixed NUTS 1 /
    NUTS 2 region sets such as the ECCP's; the policy rule itself is defined on NUTS 2."""
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


def mixed_level_counts(
    total: int, period: tuple[int, int] = (2015, 2017)
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How many weak regions a mixed NUTS 1 / NUTS 2 set of ``total`` regions can contain.

    Assumes each EU-27 country enters with all its NUTS 1 or all its NUTS 2 regions (the ECCP
    chose "the most appropriate level" per country; it did not publish the choice). Counts, by
    dynamic programming over the 2^27 choices, the combinations that give exactly ``total``
    regions, per number of weak regions. Returns ``(per_weak, per_country)``: ``weak,
    combinations`` and the per-country region and weak counts at both levels.
    """
    nuts2 = weakness(period)
    nuts1 = nuts1_weakness(period)
    per_country = pd.DataFrame(
        {
            "nuts1": nuts1.groupby("country").size(),
            "nuts1_weak": nuts1.groupby("country")["weak"].sum(),
            "nuts2": nuts2.groupby("country").size(),
            "nuts2_weak": nuts2.groupby("country")["weak"].sum(),
        }
    ).reindex(list(EU27))
    if per_country.isna().any().any():
        missing = per_country[per_country.isna().any(axis=1)].index.tolist()
        raise EmptySelectionError(
            "NUTS 1 / NUTS 2 region counts", f"countries without data: {missing}.", ""
        )
    per_country = per_country.astype("int64")
    states: dict[tuple[int, int], int] = {(0, 0): 1}
    for row in per_country.itertuples():
        options = {(row.nuts1, row.nuts1_weak), (row.nuts2, row.nuts2_weak)}
        step: dict[tuple[int, int], int] = {}
        for (n, w), ways in states.items():
            for dn, dw in options:
                if n + dn <= total:
                    step[(n + dn, w + dw)] = step.get((n + dn, w + dw), 0) + ways
        states = step
    per_weak = pd.DataFrame(
        [(w, ways) for (n, w), ways in sorted(states.items()) if n == total],
        columns=["weak", "combinations"],
    )
    return per_weak, per_country


WEAK_THRESHOLD = LESS_DEVELOPED_BELOW
WEAK_YEARS = (2015, 2016, 2017)


def weak_regions(years: Sequence[int] = WEAK_YEARS) -> pd.Series:
    """Weak (True) / not weak (False) for the EU-27 NUTS 2 (2021) regions: GDP per head in PPS
    below 75 % of the EU-27 average over ``years`` (2015-2017 decided the 2021-2027
    categories), from :func:`weakness`."""
    return weakness((min(years), max(years)))["weak"].astype(bool)


def align_weak(regions: pd.Index, weak: pd.Series) -> pd.Series:
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


def weak_by_parent(weak: pd.Series, employment: pd.Series) -> pd.Series:
    """Weak/non-weak for the NUTS 1 parents of classified NUTS 2 regions.

    Weakness is defined for NUTS 2 regions only (:func:`eucluster.geo.regions.weakness_for`). A
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
