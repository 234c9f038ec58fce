"""Readers for the non-Eurostat-format files: spreadsheets, R-exported CSVs, GeoJSON, JSON.

Each reader takes a path and returns the tidy frame its registry entry promises: snake_case
columns, ``geo`` for a region code, ``year`` as int64, ``value`` as float64. Readers check the
columns they use (ColumnError) and the cells they convert (FormatError) instead of returning a
partial table; decoding problems become CorruptFileError.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from eucluster.data.errors import FormatError, refetch_hint
from eucluster.data.io import (
    as_str,
    corrupt,
    read_csv,
    require_columns,
    to_numbers,
    to_years,
)

# --------------------------------------------------------------------------- spreadsheets


def _read_excel(path: Path, sheet: str, **kwargs) -> pd.DataFrame:
    """One sheet of an .xlsx workbook; a damaged zip or a missing sheet is reported plainly."""
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise corrupt(path, exc) from exc
    if sheet not in book.sheet_names:
        raise FormatError(
            path, f"has no sheet {sheet!r} (sheets: {book.sheet_names}).", refetch_hint(path)
        )
    return book.parse(sheet, **kwargs)


def read_nama_xls(path: str | Path, sheet: str = "Data4") -> pd.DataFrame:
    """Eurostat data-browser .xls export of ``nama_10r_3gdp`` (2017) → ``geo, year, value, flag``.

    Sheet ``Data4`` holds PPS per inhabitant: header rows 0-8 (row 6 the unit, row 8
    ``GEO/TIME`` and the years), one geo per row from row 9 until the first blank row; ``:``
    means not available. Flags come from the "Flags and Footnotes" sheet with the same unit.
    Read with xlrd directly (pandas' xlrd engine is deprecated).
    """
    import xlrd

    path = Path(path)
    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except (xlrd.XLRDError, OSError, EOFError, AssertionError, IndexError) as exc:
        raise corrupt(path, exc) from exc
    if sheet not in book.sheet_names():
        raise FormatError(
            path, f"has no sheet {sheet!r} (sheets: {book.sheet_names()}).", refetch_hint(path)
        )
    data = _xls_grid(book.sheet_by_name(sheet))
    unit = data[6][1] if len(data) > 9 else None
    if len(data) <= 9 or str(data[8][0]).strip() != "GEO/TIME":
        raise FormatError(
            path,
            f"sheet {sheet!r} does not have 'GEO/TIME' in row 9, column A.",
            refetch_hint(path),
        )
    flags_grid = None
    for name in book.sheet_names():
        if name.startswith("Flags") and _xls_grid(book.sheet_by_name(name))[6][1] == unit:
            flags_grid = _xls_grid(book.sheet_by_name(name))
            break

    years = [str(y).strip() for y in data[8][1:] if str(y).strip() != ""]
    rows = []
    for i, row in enumerate(data[9:], start=9):
        geo = str(row[0]).strip()
        if geo == "":
            break
        for j, _ in enumerate(years, start=1):
            cell = str(row[j]).strip() if j < len(row) else ""
            flag = ""
            if flags_grid is not None and i < len(flags_grid) and j < len(flags_grid[i]):
                flag = str(flags_grid[i][j]).strip()
            rows.append((geo, years[j - 1], cell, flag))
    frame = pd.DataFrame(rows, columns=["geo", "year", "cell", "letters"], dtype="str")
    missing = frame["cell"].isin([":", ""])
    value = to_numbers(frame["cell"].where(~missing, ""), path)
    letters = frame["letters"].str.replace(r"[^a-z]", "", regex=True)
    return pd.DataFrame(
        {
            "geo": frame["geo"],
            "year": to_years(frame["year"], path),
            "value": value,
            "flag": letters.where(~missing, ":" + letters),
        }
    )


def _xls_grid(sheet) -> list[list]:
    return [sheet.row_values(r) for r in range(sheet.nrows)]


def read_rci_2022(path: str | Path) -> pd.DataFrame:
    """RCI 2.0 (2022) raw-data sheet (one row per region, 68 indicator columns) → long
    ``geo, name, indicator, value``. Codes are NUTS 2016 plus merged capital areas (``AT_C``)."""
    path = Path(path)
    raw = _read_excel(path, "RCI_2022_raw_data")
    require_columns(raw, ["NUTS", "Region name"], path)
    indicators = [c for c in raw.columns if c not in ("NUTS", "Region name")]
    if not indicators:
        raise FormatError(
            path, "sheet RCI_2022_raw_data has no indicator columns.", refetch_hint(path)
        )
    long = raw.melt(
        id_vars=["NUTS", "Region name"],
        value_vars=indicators,
        var_name="indicator",
        value_name="raw",
    )
    return pd.DataFrame(
        {
            "geo": as_str(long["NUTS"]),
            "name": as_str(long["Region name"]),
            "indicator": as_str(long["indicator"]),
            "value": to_numbers(long["raw"], path),
        }
    )


def read_ris_2023(path: str | Path) -> pd.DataFrame:
    """Regional Innovation Scoreboard 2023 database (sheet ``RIS``) → snake_case long table."""
    path = Path(path)
    raw = _read_excel(path, "RIS")
    cols = {
        "Indicator": "indicator",
        "Year": "year",
        "Zone": "zone",
        "Country": "country",
        "CountryName": "country_name",
        "Region": "geo",
        "RegionName": "name",
        "Level": "level",
        "Value": "value",
        "performance group": "performance_group",
    }
    require_columns(raw, cols, path)
    out = pd.DataFrame({new: as_str(raw[old]) for old, new in cols.items()})
    out["year"] = to_years(raw["Year"], path)
    out["level"] = to_years(raw["Level"], path, what="level")
    out["value"] = to_numbers(raw["Value"], path)
    return out


def read_sbs_manuf_2022(path: str | Path) -> pd.DataFrame:
    """``sbs_r_nuts2021`` EMP_LOC_NR 2022 extract (LOCALISED project) →
    ``geo, name, nace_r2, year, value``. Some cells are 2021 values filled in by that project."""
    path = Path(path)
    raw = _read_excel(path, "Sheet1")
    require_columns(raw, ["NUTS_ID", "NUTS_NAME", "Sector", "Time", "Empl_pers"], path)
    # The producing project joined its region list onto the data: regions with no data at all
    # (5 rows: NL31, NL33, PT16-PT18) have no sector and no year. They carry nothing, drop them.
    raw = raw[~(raw["Sector"].isna() & raw["Time"].isna() & raw["Empl_pers"].isna())]
    return pd.DataFrame(
        {
            "geo": as_str(raw["NUTS_ID"]),
            "name": as_str(raw["NUTS_NAME"]),
            "nace_r2": as_str(raw["Sector"]),
            "year": to_years(raw["Time"], path),
            "value": to_numbers(raw["Empl_pers"], path),
        }
    )


# --------------------------------------------------------------------------- CSV tables


def read_rci_evolution(path: str | Path) -> pd.DataFrame:
    """DG REGIO "RCI indicator evolution" CSV (z-scores 2010-2019, NUTS 2016) → tidy."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    cols = [
        "Country",
        "NUTS CODE 2016",
        "merged regions_code",
        "capital region",
        "NUTS NAME",
        "Year",
        "value",
        "2019 vs 2016",
        "2016 vs 2013",
        "2013 vs 2010",
    ]
    require_columns(raw, cols, path)
    return pd.DataFrame(
        {
            "country": as_str(raw["Country"]),
            "geo": as_str(raw["NUTS CODE 2016"]),
            "merged_code": as_str(raw["merged regions_code"]),
            "capital_region": as_str(raw["capital region"]),
            "name": as_str(raw["NUTS NAME"]),
            "year": to_years(raw["Year"], path),
            "value": to_numbers(raw["value"], path),
            "change_2016_2019": to_numbers(raw["2019 vs 2016"], path),
            "change_2013_2016": to_numbers(raw["2016 vs 2013"], path),
            "change_2010_2013": to_numbers(raw["2013 vs 2010"], path),
        }
    )


def read_gdp_vintages(path: str | Path) -> pd.DataFrame:
    """Regional GDP release vintages V2015-V2021 (CSV export of luispack's .rda) → tidy
    ``country, level, geo, name, vintage, unit, year, value``."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(
        raw, ["Country", "NUTS", "geo", "label", "vintage", "unit", "time", "values"], path
    )
    return pd.DataFrame(
        {
            "country": as_str(raw["Country"]),
            "level": to_years(raw["NUTS"], path, what="NUTS level"),
            "geo": as_str(raw["geo"]),
            "name": as_str(raw["label"]),
            "vintage": as_str(raw["vintage"]),
            "unit": as_str(raw["unit"]),
            "year": to_years(raw["time"], path),
            "value": to_numbers(raw["values"], path),
        }
    )


_TGS_FIXED = ["unit", "geo", "time", "values", "input_var_code", "input_var_desc"]


def read_tgs_2020(path: str | Path) -> pd.DataFrame:
    """Eurostat headline tables extracted Dec 2020 (ballatore collection) → long
    ``indicator, description, unit, geo, period, year, value`` + the dimension columns
    (``sex``, ``age``, ``na_item`` ...; empty string where a table lacks the dimension).
    ``period`` keeps monthly periods such as ``2019M11``; ``year`` is its calendar year."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(raw, _TGS_FIXED, path)
    period = as_str(raw["time"])
    if not period.str.match(r"^\d{4}(M\d{2})?$").all():
        odd = period[~period.str.match(r"^\d{4}(M\d{2})?$")].unique()[:5].tolist()
        raise FormatError(
            path, f"time values {odd} are neither years nor months.", refetch_hint(path)
        )
    out = pd.DataFrame(
        {
            "indicator": as_str(raw["input_var_code"]),
            "description": as_str(raw["input_var_desc"]),
            "unit": as_str(raw["unit"]),
            "geo": as_str(raw["geo"]),
            "period": period,
            "year": period.str.slice(0, 4).astype("int64"),
            "value": to_numbers(raw["values"], path),
        }
    )
    for dim in (c for c in raw.columns if c not in _TGS_FIXED):
        out[dim] = as_str(raw[dim])
    return out


def read_population_tgs(path: str | Path) -> pd.DataFrame:
    """Population on 1 January by NUTS 2 (``tgs00096``, 2008-2019) from the 2020 extract →
    ``geo, year, value``. Raises if the table is absent or not one value per region-year."""
    path = Path(path)
    tgs = read_tgs_2020(path)
    pop = tgs[(tgs["indicator"] == "tgs00096") & (tgs["unit"] == "NR")]
    if pop.empty:
        raise FormatError(path, "has no rows for indicator tgs00096 (unit NR).", refetch_hint(path))
    dup = pop.duplicated(["geo", "year"])
    if dup.any():
        raise FormatError(
            path, f"tgs00096 has {int(dup.sum())} duplicate geo-year rows.", refetch_hint(path)
        )
    return pop[["geo", "year", "value"]].reset_index(drop=True)


def read_patents(path: str | Path) -> pd.DataFrame:
    """``pat_ep_rtot`` EPO applications (CSV export of rOpenSci nuts' .rda) →
    ``unit, geo, year, value``."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(raw, ["unit", "geo", "time", "values"], path)
    return pd.DataFrame(
        {
            "unit": as_str(raw["unit"]),
            "geo": as_str(raw["geo"]),
            "year": to_years(raw["time"], path),
            "value": to_numbers(raw["values"], path),
        }
    )


def read_crosswalks(path: str | Path) -> pd.DataFrame:
    """JRC NUTS converter cross-walks (2006-2024, levels 1-3) → snake_case table with
    population (``pop21``, ``pop11``), area and built-up weights of each from→to piece."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    cols = [
        "from_code",
        "to_code",
        "from_version",
        "to_version",
        "level",
        "country",
        "areaKm",
        "pop21",
        "pop11",
        "artif_surf18",
        "artif_surf12",
        "bu_vol",
    ]
    require_columns(raw, cols, path)
    out = pd.DataFrame(
        {
            "from_code": as_str(raw["from_code"]),
            "to_code": as_str(raw["to_code"]),
            "from_version": to_years(raw["from_version"], path, what="from_version"),
            "to_version": to_years(raw["to_version"], path, what="to_version"),
            "level": to_years(raw["level"], path, what="level"),
            "country": as_str(raw["country"]),
        }
    )
    out["area_km2"] = to_numbers(raw["areaKm"], path)
    for col in cols[7:]:
        out[col] = to_numbers(raw[col], path)
    return out


def read_all_nuts_codes(path: str | Path) -> pd.DataFrame:
    """Every NUTS 1-3 code of versions 2006-2024 (rOpenSci nuts) → ``geo, version, country``."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(raw, ["code", "version", "country"], path)
    return pd.DataFrame(
        {
            "geo": as_str(raw["code"]),
            "version": to_years(raw["version"], path, what="version"),
            "country": as_str(raw["country"]),
        }
    )


_TYPOLOGY = {"country": 0, "nuts_level_1": 1, "nuts_level_2": 2, "nuts_level_3": 3}


def read_nuts_changes(path: str | Path) -> pd.DataFrame:
    """Eurostat's NUTS history table (luispack) → one row per region lineage with
    ``level`` (0-3), ``start_year``/``end_year`` (nullable), ``code_<v>``, ``geo_name_<v>``
    and ``change_<v>`` for versions 1999-2021 (empty string where not applicable)."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    code_cols = [c for c in raw.columns if re.fullmatch(r"code_\d{4}", c)]
    require_columns(raw, ["typology", "start_year", "end_year", "code_2016", "code_2021"], path)
    level = raw["typology"].map(_TYPOLOGY)
    if level.isna().any():
        odd = raw["typology"][level.isna()].unique().tolist()
        raise FormatError(path, f"unknown typology values {odd}.", refetch_hint(path))
    out = pd.DataFrame({"level": level.astype("int64")})
    for col in ("start_year", "end_year"):
        out[col] = to_numbers(raw[col], path, what=col).astype("Int64")
    for col in code_cols + [c for c in raw.columns if c.startswith(("geo_name_", "change_"))]:
        out[col] = as_str(raw[col])
    return out


def read_nuts_2021(path: str | Path) -> pd.DataFrame:
    """NUTS 2021 code list with names (luispack) → ``country, level, geo, name``."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(raw, ["country", "NUTS", "ref_area", "label"], path)
    return pd.DataFrame(
        {
            "country": as_str(raw["country"]),
            "level": to_years(raw["NUTS"], path, what="NUTS level"),
            "geo": as_str(raw["ref_area"]),
            "name": as_str(raw["label"]),
        }
    )


# --------------------------------------------------------------------------- GeoJSON, JSON

_GISCO = {
    "NUTS_ID": "geo",
    "LEVL_CODE": "level",
    "CNTR_CODE": "country",
    "NAME_LATN": "name_latn",
    "NUTS_NAME": "nuts_name",
    "MOUNT_TYPE": "mount_type",
    "URBN_TYPE": "urbn_type",
    "COAST_TYPE": "coast_type",
}


def read_gisco(path: str | Path):
    """GISCO NUTS 2021 regions (1:60M, EPSG:4326) → GeoDataFrame with ``geo, level, country,
    name_latn, nuts_name, mount_type, urbn_type, coast_type, geometry``.
    geopandas is imported here only, so that table users do not pay for it."""
    import geopandas as gpd
    from pyogrio.errors import DataSourceError

    path = Path(path)
    try:
        raw = gpd.read_file(path)
    except (DataSourceError, OSError, ValueError) as exc:
        raise corrupt(path, exc) from exc
    require_columns(raw, [*_GISCO, "geometry"], path)
    out = raw[[*_GISCO, "geometry"]].rename(columns=_GISCO)
    for col in ("geo", "country", "name_latn", "nuts_name"):
        out[col] = as_str(out[col])
    out["level"] = out["level"].astype("int64")
    for col in ("mount_type", "urbn_type", "coast_type"):
        out[col] = out[col].astype("float64")
    return gpd.GeoDataFrame(out, geometry="geometry", crs=raw.crs)


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise corrupt(path, exc) from exc


def read_us_clusters(path: str | Path) -> pd.DataFrame:
    """US Cluster Mapping cluster definitions (Delgado-Porter-Stern 2016) → one row per
    cluster × 2007 NAICS code: ``cluster_code, cluster_key, cluster_name, naics``."""
    path = Path(path)
    items = _read_json(path)
    if not isinstance(items, list):
        raise FormatError(path, "is not a JSON list of clusters.", refetch_hint(path))
    rows = []
    for item in items:
        missing = [k for k in ("id", "key_t", "name_t", "naics_txt") if k not in item]
        if missing:
            raise FormatError(path, f"a cluster entry lacks {missing}.", refetch_hint(path))
        code = int(str(item["id"]).rsplit("/", 1)[-1])
        rows += [(code, item["key_t"], item["name_t"], str(n)) for n in item["naics_txt"]]
    out = pd.DataFrame(rows, columns=["cluster_code", "cluster_key", "cluster_name", "naics"])
    return out.astype(
        {"cluster_key": "str", "cluster_name": "str", "naics": "str", "cluster_code": "int64"}
    )


_RELATED = [
    "cr_all",
    "cr_all_pc",
    "cr_lc",
    "cr_lc_pc",
    "cr_lcemp",
    "cr_lcemp_pc",
    "cr_lcest",
    "cr_lcest_pc",
    "cr_io",
    "cr_io_pc",
    "cr_occ",
    "cr_occ_pc",
]


def read_us_relatedness(path: str | Path) -> pd.DataFrame:
    """US Cluster Mapping relatedness of the 51 traded clusters (51 × 51 pairs) →
    ``cluster_a, cluster_b, name_a, name_b`` + relatedness measures and percentiles."""
    path = Path(path)
    raw = pd.DataFrame(_read_json(path))
    require_columns(
        raw, ["cluster_code", "cluster_code_2", "cluster_name", "cluster_name_2", *_RELATED], path
    )
    out = pd.DataFrame(
        {
            "cluster_a": to_years(raw["cluster_code"].astype("str"), path, what="cluster code"),
            "cluster_b": to_years(raw["cluster_code_2"].astype("str"), path, what="cluster code"),
            "name_a": as_str(raw["cluster_name"]),
            "name_b": as_str(raw["cluster_name_2"]),
        }
    )
    for col in _RELATED:
        out[col] = to_numbers(raw[col].astype("str"), path, what=col)
    return out


__all__ = [name for name in dir() if name.startswith("read_")] + ["np"]
