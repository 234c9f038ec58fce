"""Controls of the regression chapter, each measured at the time it is meant to be measured.

A control measured after cluster strength can be one of the channels through which strength
works (skills, density, innovation): controlling for it hides part of what the chapter asks
about. The main model's controls are therefore measured before or during the strength years
(2008-2010):

* **tertiary attainment 2008**: the share of employed persons aged 25-64 with tertiary
  education (ISCED 5-8) in the Labour Force Survey ``lfst_r_lfe2eedu`` (NUTS 2013);
  the regional table of the whole adult population (``tgs00109``) starts only in 2013;
* **density 2008**: population on 1 January 2008 (``tgs00096``, its first year; a region
  the file starts later, after NUTS 2016 redrew it, takes its first year) over the GISCO 2021
  area;
* **patents 2008-2010**: EPO applications per million inhabitants by priority year
  (``pat_ep_rtot``), averaged, as ``log(1 + x)`` because many regions file a handful;
* the **2010 Regional Competitiveness Index** enters only as a separate check: it is built
  partly from outcomes of prosperity.

The later controls (R&D 2013-2015, tertiary 2013-2015, density 2019, quality of government
2021, RIS 2023) stay available for comparison with earlier versions of the chapter.
Everything is recoded to NUTS 2021 (rates population-weighted, :mod:`eucluster.geo.nuts`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from eucluster.geo.nuts import PULL_2026_VERSIONS, is_nuts2, recode

#: NUTS versions the LFS and patent files may use (each code is read in the first that knows
#: it), as for the SBS file.
EARLY_NUTS_VERSIONS = (2013, 2010, 2006)

#: The years the early controls are measured in.
EARLY_CONTROL_YEARS = {"tertiary_2008": 2008, "log_density_2008": 2008}
PATENT_YEARS = (2008, 2009, 2010)


@functools.lru_cache(maxsize=32)
def load(name: str) -> pd.DataFrame:
    """A tidy frame from the project's data door (cached: callers must not modify it)."""
    from eucluster import data

    return data.load(name)


def mean_over(frame: pd.DataFrame, years: Sequence[int], mask=None) -> pd.Series:
    """Mean of ``value`` by NUTS 2 region over ``years`` (rows selected by ``mask``),
    recoded to NUTS 2021 as a rate."""
    rows = frame if mask is None else frame[mask]
    rows = rows[rows["year"].isin(list(years)) & is_nuts2(rows["geo"])]
    means = rows.groupby("geo")["value"].mean()
    return recode(means, PULL_2026_VERSIONS, policy="apportion", kind="rate").data


def early_rate(values: pd.Series) -> pd.Series:
    """A rate of NUTS 2 regions coded as in the 2008-2010 files (NUTS 2013, 2010 or 2006) on the
    2021 regions: averaged over the pieces of each new region, population-weighted; groupings
    that are no NUTS code are dropped, and the recoder's report counts them."""
    return recode(values, EARLY_NUTS_VERSIONS, kind="rate", policy="apportion", unknown="drop").data


def tertiary_share_employed(year: int = 2008) -> pd.Series:
    """Per cent of employed persons aged 25-64 with tertiary education (ISCED 5-8), LFS."""
    lfs = load("lfst_r_lfe2eedu")
    rows = lfs[
        lfs["year"].eq(year) & lfs["sex"].eq("T") & lfs["age"].eq("Y25-64") & is_nuts2(lfs["geo"])
    ]
    wide = rows.pivot_table(index="geo", columns="isced11", values="value", aggfunc="first")
    share = (100 * wide["ED5-8"] / wide["TOTAL"]).dropna()
    return early_rate(share.rename("tertiary_2008"))


def patents_per_million(years: Sequence[int] = PATENT_YEARS) -> pd.Series:
    """EPO patent applications per million inhabitants, mean over ``years`` (priority year)."""
    patents = load("pat_ep_rtot")
    rows = patents[
        patents["unit"].eq("P_MHAB") & patents["year"].isin(list(years)) & is_nuts2(patents["geo"])
    ]
    means = rows.groupby("geo")["value"].mean()
    return early_rate(means.rename("patents"))


def ris_summary_index(regions: Sequence[str], year: int = 2023) -> pd.Series:
    """Summary Innovation Index of the RIS 2023 for NUTS 2 ``regions``; where the scoreboard
    reports a NUTS 1 region (or a country), its value is given to every NUTS 2 region in it."""
    ris = load("ris_2023")
    sii = ris[ris["indicator"].str.startswith("0 ") & (ris["year"] == year)]
    by_code = sii.groupby("geo")["value"].mean()
    values = {}
    for code in regions:
        for prefix in (code, code[:3], code[:2]):
            if prefix in by_code.index:
                values[code] = by_code[prefix]
                break
    return pd.Series(values, name="ris_2023", dtype=float)


def density(year: int = 2019, *, earliest: bool = False) -> pd.Series:
    """Inhabitants per km² (population ``tgs00096`` on 1 January ``year``, NUTS 2016 recoded
    to 2021, over the GISCO 2021 area in an equal-area projection). ``earliest=True`` takes
    each region's first year from ``year`` on: the file holds only NUTS 2016 codes, so the
    regions that NUTS 2016 redrew (Poland's, Ireland's, two in Saxony) start later."""
    population = load("tgs00096")
    population = population[(population["year"] >= year) & is_nuts2(population["geo"])]
    if not earliest:
        population = population[population["year"] == year]
    first = population.sort_values("year").groupby("geo")["value"].first()
    counts = recode(first, 2016, policy="apportion", unknown="drop").data
    shapes = load("gisco_nuts2021_l2").set_index("geo")
    area = shapes.to_crs(3035).geometry.area / 1e6
    return (counts / area.reindex(counts.index)).dropna().rename("density")


def first_population_year() -> int:
    """The earliest year of the regional population file (density is measured then)."""
    return int(load("tgs00096")["year"].min())


def density_years(year: int = 2008) -> pd.Series:
    """The year of each NUTS 2016 region's first population figure from ``year`` on."""
    population = load("tgs00096")
    population = population[(population["year"] >= year) & is_nuts2(population["geo"])]
    return population.groupby("geo")["year"].min()


def controls(regions: Sequence[str], years: Sequence[int] = (2013, 2014, 2015)) -> pd.DataFrame:
    """Region controls (NUTS 2021), one row per region of ``regions``: the early ones of the
    main model (``tertiary_2008``, ``log_density_2008``, ``log_patents``), the 2010 RCI
    z-score, and the later ones (R&D and tertiary over ``years``, density 2019, EQI 2021,
    RIS 2023) that only the comparison with earlier versions uses."""
    rd = load("tgs00042")
    rd = mean_over(rd, years, rd["unit"].eq("PC_GDP") & rd["sectperf"].eq("TOTAL"))
    tertiary = load("tgs00109")
    tertiary = mean_over(tertiary, years, tertiary["sex"].eq("T"))
    rci = load("rci_evolution")
    rci = rci[(rci["year"] == 2010) & is_nuts2(rci["geo"])].groupby("geo")["value"].mean()
    rci = recode(rci.rename("rci_2010"), 2016, policy="apportion", kind="rate", unknown="drop").data
    eqi = load("rci_2022")
    eqi = eqi[eqi["indicator"].isin(["Corruption", "Quality and accountability", "Impartiality"])]
    eqi = eqi[is_nuts2(eqi["geo"])].groupby("geo")["value"].mean()
    eqi = recode(eqi.rename("eqi_2021"), 2016, policy="apportion", kind="rate", unknown="drop").data
    index = pd.Index(list(regions), name="geo")
    out = pd.DataFrame(index=index)
    out["tertiary_2008"] = tertiary_share_employed(EARLY_CONTROL_YEARS["tertiary_2008"])
    out["log_density_2008"] = np.log(density(first_population_year(), earliest=True))
    out["log_patents"] = np.log1p(patents_per_million())
    out["rci_2010"] = rci
    out["rd_intensity"] = rd
    out["tertiary"] = tertiary
    out["eqi_2021"] = eqi
    out["ris_2023"] = ris_summary_index(index) / 100
    out["log_density"] = np.log(density(2019))
    return out
