"""Readers of the tables that R packages publish as R data: luispack's regional GDP release
vintages, NUTS history and NUTS 2021 code list; rOpenSci ``nuts``' JRC cross-walks, code list
and patents; the 2020 extract of Eurostat headline tables (ballatore collection).

The registry pins the R originals (``.rda``, ``.rds``); :func:`~eucluster.data.readers.r_data.
read_table` also accepts a CSV with the same columns, so the tests can write tiny files by hand.
Each reader checks the source columns it uses (pandera, via ``require_columns``) and converts
cells strictly (``to_numbers``, ``to_years``), so a renamed column or a stray text cell stops
the book with the file, the problem and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from eucluster.data.errors import FormatError, refetch_hint
from eucluster.data.io import as_str, to_numbers, to_years
from eucluster.data.readers.r_data import read_table
from eucluster.data.schemas import require_columns


def read_gdp_vintages(path: str | Path) -> pd.DataFrame:
    """Regional GDP release vintages V2015-V2021 (luispack's .rda) → tidy
    ``country, level, geo, name, vintage, unit, year, value``."""
    path = Path(path)
    raw = read_table(path)
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
    raw = read_table(path)
    require_columns(raw, _TGS_FIXED, path)
    period = as_str(raw["time"])
    if not period.str.match(r"^\d{4}(M\d{2})?$").all():
        odd = period[~period.str.match(r"^\d{4}(M\d{2})?$")].unique()[:5].tolist()
        raise FormatError(path, f"time values {odd} are neither years nor months.", refetch_hint())
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
        raise FormatError(path, "has no rows for indicator tgs00096 (unit NR).", refetch_hint())
    dup = pop.duplicated(["geo", "year"])
    if dup.any():
        raise FormatError(
            path, f"tgs00096 has {int(dup.sum())} duplicate geo-year rows.", refetch_hint()
        )
    return pop[["geo", "year", "value"]].reset_index(drop=True)


def read_patents(path: str | Path) -> pd.DataFrame:
    """``pat_ep_rtot`` EPO applications (rOpenSci nuts' .rda) →
    ``unit, geo, year, value``."""
    path = Path(path)
    raw = read_table(path)
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
    raw = read_table(path)
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
    raw = read_table(path)
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
    raw = read_table(path)
    code_cols = [c for c in raw.columns if re.fullmatch(r"code_\d{4}", c)]
    require_columns(raw, ["typology", "start_year", "end_year", "code_2016", "code_2021"], path)
    level = raw["typology"].map(_TYPOLOGY)
    if level.isna().any():
        odd = raw["typology"][level.isna()].unique().tolist()
        raise FormatError(path, f"unknown typology values {odd}.", refetch_hint())
    out = pd.DataFrame({"level": level.astype("int64")})
    for col in ("start_year", "end_year"):
        out[col] = to_numbers(raw[col], path, what=col).astype("Int64")
    for col in code_cols + [c for c in raw.columns if c.startswith(("geo_name_", "change_"))]:
        out[col] = as_str(raw[col])
    return out


def read_nuts_2021(path: str | Path) -> pd.DataFrame:
    """NUTS 2021 code list with names (luispack) → ``country, level, geo, name``."""
    path = Path(path)
    raw = read_table(path)
    require_columns(raw, ["country", "NUTS", "ref_area", "label"], path)
    return pd.DataFrame(
        {
            "country": as_str(raw["country"]),
            "level": to_years(raw["NUTS"], path, what="NUTS level"),
            "geo": as_str(raw["ref_area"]),
            "name": as_str(raw["label"]),
        }
    )
