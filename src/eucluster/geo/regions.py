"""Regions: NUTS 2021 frames, recoding between NUTS versions, and structural weakness.

Why this module exists: the employment statistics (SBS 2008-2015) use NUTS 2013 codes, the GDP
series and the map use NUTS 2021. Comparing them needs one explicit, audited translation
(:func:`recode`), and one definition of a "weak" region (:func:`weakness`), so that every chapter
labels the same regions the same way.

Structural weakness follows the 2021-2027 cohesion-policy rule: a NUTS 2 region's GDP per
inhabitant in PPS, averaged over 2015-2017, as a percentage of the EU-27 average, is
*less developed* below 75, *transition* from 75 to below 100, *more developed* from 100. A region
is *weak* when it is less developed. The values come from the 2026 vintage of ``nama_10r_2gdp``
(NUTS 2021); the Commission used the 2019 vintage (NUTS 2016), so a few regions near a threshold
may fall differently than in Implementing Decision (EU) 2021/1130.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.data.errors import ColumnError, EmptySelectionError, UnknownNutsCodeError

#: EU-27 member states (2020 composition), Eurostat country codes.
EU27 = tuple(
    "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()  # noqa: SIM905
)
#: Category thresholds (% of EU-27 GDP per head in PPS), 2021-2027 programming period.
LESS_DEVELOPED_BELOW = 75.0
MORE_DEVELOPED_FROM = 100.0
CATEGORIES = ("less developed", "transition", "more developed")
#: The GDP table that defines weakness: GDP per head in PPS as % of the EU-27 (2020) average.
GDP_DATASET = "nama_10r_2gdp_pps_hab_eu27"
#: Pieces of a region smaller than this share of its population are boundary slivers, not splits.
SLIVER_SHARE = 0.02
NUTS_VERSIONS = (2006, 2010, 2013, 2016, 2021, 2024)


# --------------------------------------------------------------------------- region frames


def region_frame(level: int | None = None) -> pd.DataFrame:
    """NUTS 2021 regions from the GISCO boundaries: ``geo, name, level, country, eu27``.

    ``level`` (0-3) restricts to one level; ``None`` gives all four. Names are the Latin-script
    names (``NAME_LATN``) so that they print in the PDF.
    """
    levels = range(4) if level is None else [level]
    if level is not None and level not in range(4):
        raise ValueError(f"level must be 0, 1, 2 or 3, got {level!r}")
    parts = []
    for lev in levels:
        gisco = data.load(f"gisco_nuts2021_l{lev}")
        parts.append(
            pd.DataFrame(
                {
                    "geo": gisco["geo"],
                    "name": gisco["name_latn"],
                    "level": gisco["level"],
                    "country": gisco["country"],
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    frame["eu27"] = frame["country"].isin(EU27)
    return frame.sort_values(["level", "geo"]).reset_index(drop=True)


def study_regions() -> pd.DataFrame:
    """The regions the book studies: the EU-27 NUTS 2 regions of NUTS 2021 (``geo`` index,
    ``name, country``). Extra-regio codes (``..ZZ``) have no territory and are not included."""
    frame = region_frame(2)
    frame = frame[frame["eu27"] & ~frame["geo"].str.endswith("ZZ")]
    return frame.set_index("geo")[["name", "country"]]


def boundaries(level: int = 2):
    """GISCO NUTS 2021 boundaries (GeoDataFrame, EPSG:4326) of one level, all countries."""
    return data.load(f"gisco_nuts2021_l{level}")


# --------------------------------------------------------------------------- recoding


@dataclass
class RecodeReport:
    """What :func:`recode` did to each code, so no region disappears unexplained.

    ``codes`` has one row per distinct source code: ``source, target, kind`` where kind is
    ``identical`` (same code both versions), ``renamed`` (same territory, new code),
    ``split`` (territory now in several regions: rows dropped), ``merged`` (several old regions
    now form one: rows dropped, since rates cannot be added), ``aggregate`` (country or EU
    code, kept as is), ``extra-regio`` (``..Z``/``..ZZ``, no territory: dropped),
    ``other version`` (a valid code of an older or newer NUTS version, as Eurostat tables keep
    for years before a reform: dropped), ``unmatched`` (valid code without a counterpart:
    dropped). ``slivers`` lists the small boundary pieces that were ignored.
    """

    source_version: int
    target_version: int
    codes: pd.DataFrame
    slivers: pd.DataFrame
    rows_in: int = 0
    rows_out: int = 0
    dropped_rows: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        """Number of distinct source codes of one kind."""
        return int((self.codes["kind"] == kind).sum())

    def listed(self, kind: str) -> list[str]:
        """Source codes of one kind, sorted."""
        return sorted(self.codes.loc[self.codes["kind"] == kind, "source"].unique())

    def summary(self) -> pd.DataFrame:
        """Codes and rows per kind: the table a chapter shows."""
        counts = self.codes.groupby("kind").size().rename("codes")
        rows = pd.Series(self.dropped_rows, name="rows_dropped", dtype="int64")
        out = pd.concat([counts, rows], axis=1).fillna(0).astype("int64")
        out.index.name = "kind"
        return out.reset_index()

    def __str__(self) -> str:
        parts = [f"{k}: {self.count(k)}" for k in self.codes["kind"].unique()]
        return (
            f"NUTS {self.source_version} -> {self.target_version}: "
            + ", ".join(sorted(parts))
            + f"; rows {self.rows_in} -> {self.rows_out}"
        )


def _is_aggregate(codes: pd.Series) -> pd.Series:
    return (codes.str.len() == 2) | codes.str.match(r"^(EU|EA)\d")


@cache
def _known_codes(version: int) -> frozenset[str]:
    codes = data.load("jrc_nuts_codes")
    return frozenset(codes.loc[codes["version"] == version, "geo"])


@cache
def code_map(source_version: int, target_version: int, sliver_share: float = SLIVER_SHARE):
    """Classify every NUTS 1-3 code of ``source_version`` against ``target_version``.

    Returns ``(codes, slivers)``: ``codes`` with ``source, target, kind`` (see RecodeReport),
    ``slivers`` with the ignored pieces (``source, target, share``). A piece is a sliver when
    it holds less than ``sliver_share`` of the source region's 2021 population (area when the
    region has no population in the cross-walk).
    """
    for version in (source_version, target_version):
        if version not in NUTS_VERSIONS:
            raise ValueError(f"NUTS version must be one of {NUTS_VERSIONS}, got {version!r}")
    walk = data.load("jrc_nuts_crosswalks")
    walk = walk[
        (walk["from_version"] == source_version) & (walk["to_version"] == target_version)
    ].copy()
    pop_total = walk.groupby("from_code")["pop21"].transform("sum")
    area_total = walk.groupby("from_code")["area_km2"].transform("sum")
    walk["share"] = np.where(
        pop_total > 0,
        walk["pop21"] / pop_total.where(pop_total > 0, 1),
        walk["area_km2"] / area_total,
    )
    sliver = walk["share"] < sliver_share
    slivers = walk.loc[sliver, ["from_code", "to_code", "share"]].rename(
        columns={"from_code": "source", "to_code": "target"}
    )
    main = walk.loc[~sliver, ["from_code", "to_code", "share"]]
    # A target's own inbound pieces: a sliver for the source may be the bulk of a tiny target.
    targets_per_source = main.groupby("from_code")["to_code"].nunique()
    sources_per_target = main.groupby("to_code")["from_code"].nunique()
    rows = []
    for source, pieces in main.groupby("from_code", sort=True):
        targets = sorted(pieces["to_code"].unique())
        if targets_per_source[source] > 1:
            kind = "split"
        elif sources_per_target[targets[0]] > 1:
            kind = "merged"
        else:
            kind = "identical" if targets[0] == source else "renamed"
        rows.append((source, ",".join(targets), kind))
    codes = pd.DataFrame(rows, columns=["source", "target", "kind"]).astype("str")
    return codes, slivers.reset_index(drop=True)


def recode(
    frame: pd.DataFrame,
    column: str = "geo",
    source_version: int = 2013,
    target_version: int = 2021,
    *,
    sliver_share: float = SLIVER_SHARE,
) -> tuple[pd.DataFrame, RecodeReport]:
    """Translate region codes in ``frame[column]`` from one NUTS version to another.

    Identical and renamed regions are kept (renamed ones get their new code); country and EU
    aggregates are kept unchanged; rows of split, merged and unmatched regions are dropped and
    listed in the report. Values are never apportioned: an employment count or a rate for a
    region that was cut in two has no honest counterpart in either half.

    Raises UnknownNutsCodeError if the column holds codes that are not NUTS ``source_version``
    codes at all (a typo or a wrong version), instead of dropping them quietly.
    """
    if column not in frame.columns:
        raise ColumnError(
            f"frame with columns {list(frame.columns)}",
            f"has no region-code column {column!r}.",
            "Pass the name of the column that holds NUTS codes as `column=`.",
        )
    codes, slivers = code_map(source_version, target_version, sliver_share)
    geo = frame[column].astype("str")
    distinct = pd.Series(geo.unique(), dtype="str")
    aggregate = distinct[_is_aggregate(distinct)]
    regional = distinct[~_is_aggregate(distinct)]
    extra_regio = sorted(set(regional[regional.str.match(r"^[A-Z]{2}Z+$")]))
    other_versions = frozenset().union(*(_known_codes(v) for v in NUTS_VERSIONS))
    obsolete = sorted(set(regional) - _known_codes(source_version) - set(extra_regio))
    unknown = sorted(set(obsolete) - other_versions)
    obsolete = sorted(set(obsolete) - set(unknown))
    if unknown:
        raise UnknownNutsCodeError(
            f"column {column!r}",
            f"{len(unknown)} code(s) are not NUTS {source_version} codes: {unknown[:10]}.",
            f"Check the NUTS version of the data (source_version={source_version}) or remove "
            "the codes; `eucluster.data.load('jrc_nuts_codes')` lists valid codes per version.",
        )
    matched = codes[codes["source"].isin(set(regional))]
    unmatched = sorted(set(regional) - set(matched["source"]) - set(obsolete) - set(extra_regio))
    table = pd.concat(
        [
            matched,
            pd.DataFrame({"source": unmatched, "target": "", "kind": "unmatched"}),
            pd.DataFrame({"source": obsolete, "target": "", "kind": "other version"}),
            pd.DataFrame({"source": extra_regio, "target": "", "kind": "extra-regio"}),
            pd.DataFrame({"source": sorted(aggregate), "target": sorted(aggregate)}).assign(
                kind="aggregate"
            ),
        ],
        ignore_index=True,
    ).astype("str")
    kind_of = dict(zip(table["source"], table["kind"], strict=True))
    target_of = dict(zip(table["source"], table["target"], strict=True))
    row_kind = geo.map(kind_of)
    keep = row_kind.isin(["identical", "renamed", "aggregate"])
    out = frame.loc[keep].copy()
    out[column] = geo[keep].map(target_of).astype("str")
    dropped = row_kind[~keep].value_counts().astype("int64").to_dict()
    report = RecodeReport(
        source_version=source_version,
        target_version=target_version,
        codes=table.sort_values(["kind", "source"]).reset_index(drop=True),
        slivers=slivers[slivers["source"].isin(set(regional))].reset_index(drop=True),
        rows_in=len(frame),
        rows_out=len(out),
        dropped_rows={str(k): int(v) for k, v in dropped.items()},
    )
    return out.reset_index(drop=True), report


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


__all__ = [
    "CATEGORIES",
    "EU27",
    "RecodeReport",
    "boundaries",
    "categorise",
    "code_map",
    "gdp_relative",
    "recode",
    "region_frame",
    "study_regions",
    "weakness",
    "weakness_by_year",
    "weakness_for",
]


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


def outside_map(shapes, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
    """Study regions whose territory lies wholly outside the map's lon/lat ``bounds``
    (the outermost regions: Canaries, Azores, Madeira, French overseas regions)."""
    from shapely.geometry import box

    frame = shapes[~shapes.geometry.intersects(box(*bounds))]
    return pd.DataFrame({"geo": frame["geo"], "name": frame["name"]}).reset_index(drop=True)


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
