"""Readers for spreadsheets: the Eurostat data-browser .xls export and the .xlsx workbooks of
the RCI, the RIS and the LOCALISED project.

Each reader takes a path and returns the tidy frame its registry entry promises (snake_case
columns, ``geo`` for a region code, ``year`` int64, ``value`` float64); a damaged workbook or a
missing sheet is reported as the door's error, never as a partial table.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from eucluster.data.errors import FormatError, refetch_hint
from eucluster.data.io import as_str, corrupt, to_numbers, to_years
from eucluster.data.schemas import require_columns


def read_excel_sheet(path: Path, sheet: str, **kwargs) -> pd.DataFrame:
    """One sheet of an .xlsx workbook; a damaged zip or a missing sheet is reported plainly."""
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise corrupt(path, exc) from exc
    if sheet not in book.sheet_names:
        raise FormatError(
            path, f"has no sheet {sheet!r} (sheets: {book.sheet_names}).", refetch_hint()
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
            path, f"has no sheet {sheet!r} (sheets: {book.sheet_names()}).", refetch_hint()
        )
    data = xls_grid(book.sheet_by_name(sheet))
    unit = data[6][1] if len(data) > 9 else None
    if len(data) <= 9 or str(data[8][0]).strip() != "GEO/TIME":
        raise FormatError(
            path,
            f"sheet {sheet!r} does not have 'GEO/TIME' in row 9, column A.",
            refetch_hint(),
        )
    flags_grid = None
    for name in book.sheet_names():
        if name.startswith("Flags") and xls_grid(book.sheet_by_name(name))[6][1] == unit:
            flags_grid = xls_grid(book.sheet_by_name(name))
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


def xls_grid(sheet) -> list[list]:
    """All cell values of an xlrd sheet, row by row."""
    return [sheet.row_values(r) for r in range(sheet.nrows)]


def read_rci_2022(path: str | Path) -> pd.DataFrame:
    """RCI 2.0 (2022) raw-data sheet (one row per region, 68 indicator columns) → long
    ``geo, name, indicator, value``. Codes are NUTS 2016 plus merged capital areas (``AT_C``)."""
    path = Path(path)
    raw = read_excel_sheet(path, "RCI_2022_raw_data")
    require_columns(raw, ["NUTS", "Region name"], path)
    indicators = [c for c in raw.columns if c not in ("NUTS", "Region name")]
    if not indicators:
        raise FormatError(path, "sheet RCI_2022_raw_data has no indicator columns.", refetch_hint())
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
    raw = read_excel_sheet(path, "RIS")
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
    raw = read_excel_sheet(path, "Sheet1")
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
