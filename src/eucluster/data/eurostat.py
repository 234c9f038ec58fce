"""Readers for Eurostat's three machine formats: bulk TSV, API CSV and SDMX-CSV.

All three become the same tidy shape, one row per dimension combination and year:
``<dimension columns>, year (int64), value (float64, NaN when not available)`` and, where
the format carries them, ``flag`` (str).

Flag convention (lossless, the raw annotation with the number taken out):
``""`` clean value; letters such as ``"e"``, ``"bu"`` attached to a value; ``":"`` value not
available; ``":c"`` not available *because* confidential (and so on for other letters).
So ``value.isna()`` is exactly ``flag.str.startswith(":")``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from eucluster.data.errors import ColumnError, FormatError, refetch_hint
from eucluster.data.io import as_str, read_csv, to_numbers, to_years
from eucluster.data.schemas import FLAG_PATTERN, require_columns

_YEAR = re.compile(r"^\d{4}$")


def parse_eurostat_tsv(path: str | Path, dims: Sequence[str] | None = None) -> pd.DataFrame:
    """Eurostat bulk TSV (gzip or plain) → tidy frame.

    The first header cell names the dimensions (``nace_r2,indic_sb,geo\\time``); the other
    header cells are years. Cells are ``"570229 "``, ``"12.5 e"``, ``": "`` or ``": c"``.
    ``dims``, if given, is the dimension list the caller relies on: a different header raises
    ColumnError instead of silently yielding other columns.

    Vectorised: the wide table is raveled with numpy and the cells split with pandas string
    methods, so the 1.5 million SBS cells parse in about a second.
    """
    path = Path(path)
    raw = read_csv(path, sep="\t", dtype=object, keep_default_na=False, na_filter=False)
    if raw.shape[1] < 2:
        raise FormatError(
            path,
            "has fewer than two tab-separated columns: not a Eurostat bulk TSV.",
            refetch_hint(),
        )
    key, _, _time = str(raw.columns[0]).partition("\\")
    if not _:
        raise FormatError(
            path,
            f"first header cell is {raw.columns[0]!r}; a Eurostat bulk TSV starts with "
            "'dim1,dim2,...,geo\\time'.",
            refetch_hint(),
        )
    found = [d.strip() for d in key.split(",")]
    if dims is not None and list(dims) != found:
        raise ColumnError(
            path,
            f"dimensions are {found} but the reader expects {list(dims)} (renamed, added or "
            "dropped dimension).",
            "The file is not the registered table/vintage: " + refetch_hint(),
        )
    year_cols = [str(c).strip() for c in raw.columns[1:]]
    not_years = [c for c in year_cols if not _YEAR.match(c)]
    if not_years:
        raise FormatError(
            path,
            f"time columns {not_years[:5]} are not calendar years; only annual tables are "
            "supported.",
            "Use an annual table, or extend parse_eurostat_tsv for sub-annual periods.",
        )

    keys = raw.iloc[:, 0].str.split(",", expand=True)
    if keys.shape[1] != len(found) or keys.isna().any().any():
        bad = raw.iloc[:, 0][raw.iloc[:, 0].str.count(",") != len(found) - 1]
        raise FormatError(
            path,
            f"{len(bad)} row key(s) do not have {len(found)} comma-separated parts, e.g. "
            f"{bad.head(3).tolist()}.",
            refetch_hint(),
        )

    years = np.array([int(c) for c in year_cols], dtype="int64")
    order = np.argsort(years, kind="stable")  # ascending years within each key
    cells = raw.iloc[:, 1:].to_numpy(dtype=object)[:, order]
    n_rows, n_years = cells.shape

    # Work on unique strings only, then expand with integer takes: far fewer string ops.
    tidy = pd.DataFrame(
        {dim: _expand(keys[i].to_numpy(dtype=object), n_years) for i, dim in enumerate(found)}
    )
    tidy["year"] = np.tile(years[order], n_rows)
    codes, uniques = pd.factorize(cells.ravel())
    value, flag = split_cells(pd.Series(uniques, dtype="str"), path)
    tidy["value"] = value.to_numpy()[codes]
    tidy["flag"] = flag.array.take(codes)
    return tidy


def _expand(labels: np.ndarray, times: int) -> pd.api.extensions.ExtensionArray:
    """Each label repeated ``times`` times, as a string array, via factorize + take."""
    codes, uniques = pd.factorize(labels)
    return pd.array(uniques, dtype="str").take(np.repeat(codes, times))


def split_cells(cells: pd.Series, path: Path) -> tuple[pd.Series, pd.Series]:
    """Split Eurostat cells like ``"3.5 e"`` / ``": c"`` into (float value, flag)."""
    text = cells.str.strip()
    empty = text == ""
    if empty.any():
        raise FormatError(
            path,
            f"{int(empty.sum())} empty cell(s) (a Eurostat cell holds a number or ':'); the "
            "file is probably truncated.",
            refetch_hint(),
        )
    parts = text.str.partition(" ")
    number, letters = parts[0], parts[2].str.replace(" ", "", regex=False)
    missing = number.str.startswith(":")
    flag = letters.where(~missing, number + letters)  # ':' / ':c' / ':cd' for missing cells
    value = to_numbers(number.where(~missing, ""), path, what="value")
    _check_flags(flag, path)
    return value, flag


def _check_flags(flag: pd.Series, path: Path) -> None:
    """Flags outside Eurostat's set (schemas.FLAG_PATTERN) name the flag and the rows."""
    odd = ~flag.astype("str").str.match(FLAG_PATTERN)
    if odd.any():
        found = flag[odd].astype("str")
        listed = [
            f"{text!r} (rows {found.index[found == text][:5].tolist()})"
            for text in found.unique()[:5]
        ]
        raise FormatError(path, f"unknown flag(s) {', '.join(listed)}.", refetch_hint())


def read_api_csv(path: str | Path) -> pd.DataFrame:
    """Eurostat Statistics-API CSV (``freq,unit,geo,time,obs_value``) → tidy.

    These files were written by a decoder that dropped the flags, so there is no flag column.
    ``freq`` must be annual and is dropped; the other dimensions are kept in file order.
    """
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(raw, ["freq", "geo", "time", "obs_value"], path)
    _require_annual(raw["freq"], path)
    dims = [c for c in raw.columns if c not in ("freq", "time", "obs_value")]
    tidy = pd.DataFrame({d: as_str(raw[d]) for d in dims})
    tidy["year"] = to_years(raw["time"], path)
    tidy["value"] = to_numbers(raw["obs_value"], path)
    return tidy


def read_sdmx_csv(path: str | Path) -> pd.DataFrame:
    """Eurostat SDMX-CSV 2.0 with labels (``STRUCTURE, ..., OBS_FLAG, CONF_STATUS``) → tidy.

    Dimension columns are the lower-case code columns between ``STRUCTURE_NAME`` and
    ``TIME_PERIOD`` (each is followed by its label column, which is dropped). ``flag`` follows
    the module convention; a confidential observation (``CONF_STATUS == "C"``) gets ``c``.
    """
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    require_columns(
        raw, ["STRUCTURE_NAME", "freq", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"], path
    )
    cols = list(raw.columns)
    between = cols[cols.index("STRUCTURE_NAME") + 1 : cols.index("TIME_PERIOD")]
    dims = [c for c in between if re.fullmatch(r"[a-z][a-z0-9_]*", c) and c != "freq"]
    _require_annual(raw["freq"], path)
    tidy = pd.DataFrame({d: as_str(raw[d]) for d in dims})
    tidy["year"] = to_years(raw["TIME_PERIOD"], path)
    tidy["value"] = to_numbers(raw["OBS_VALUE"], path)
    letters = as_str(raw["OBS_FLAG"]).str.lower()
    if "CONF_STATUS" in raw.columns:
        conf = as_str(raw["CONF_STATUS"]).str.lower().str.replace(r"[^a-z]", "", regex=True)
        letters = letters + conf.where(~conf.isin(["f", ""]), "")  # F = free, not a flag
    flag = letters.where(tidy["value"].notna(), ":" + letters)
    _check_flags(flag, path)
    tidy["flag"] = flag
    return tidy


def _require_annual(freq: pd.Series, path: Path) -> None:
    other = sorted(set(freq.unique()) - {"A"})
    if other:
        raise FormatError(
            path,
            f"non-annual frequencies {other} found; only annual data are supported.",
            "Filter the download to freq=A.",
        )


def live_url(code: str) -> str:
    """Eurostat bulk-download URL (gzip TSV) for a table code: newest vintage, not hash-pinned."""
    return (
        "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/"
        f"{code}?format=TSV&compressed=true"
    )
