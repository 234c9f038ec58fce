"""Reading R data files (``.rda``, ``.rds``) as the raw table a layout reader converts.

Several sources are published only as R data inside R packages (luispack, rOpenSci ``nuts``) or
teaching collections; the registry pins those originals, so the bytes the book reads are the
bytes anyone can download. ``pyreadr`` (librdata) reads them in well under a second.

:func:`read_table` hands a layout reader the same raw table whether the file is the R original
or a CSV with the same columns (what the tests write, and what a user may register for a new
vintage): the file's suffix decides, never a fallback after a failure. Text columns come back
as strings with ``""`` for R's ``NA`` (as in a CSV), numeric columns as float64.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from eucluster.data.errors import CorruptFileError, FormatError, refetch_hint
from eucluster.data.io import read_csv

#: Suffixes read as R data; anything else is read as (optionally gzipped) CSV.
R_SUFFIXES = (".rda", ".rdata", ".rds")


def is_r_data(path: Path) -> bool:
    """True for a file named like R data (``.rda``, ``.RData``, ``.rds``)."""
    return path.name.lower().endswith(R_SUFFIXES)


def _as_raw_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Text (and factor) columns as strings with ``""`` for NA; numeric columns unchanged."""
    out = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            out[column] = series.astype("float64")
        else:
            text = series.astype("object").where(series.notna(), "")
            out[column] = text.astype("str")
    return pd.DataFrame(out).reset_index(drop=True)


def read_r(path: Path) -> pd.DataFrame:
    """The one data frame stored in an R data file, as a raw table (see the module docstring).

    CorruptFileError when librdata cannot decode the file (truncated, damaged, not R data);
    FormatError when the file holds no data frame or several.
    """
    import pyreadr  # imported here: only the R-data datasets need it

    try:
        objects = pyreadr.read_r(str(path))
    except (pyreadr.custom_errors.PyreadrError, pyreadr.custom_errors.LibrdataError) as exc:
        raise CorruptFileError(
            path,
            f"the R data file cannot be decoded ({type(exc).__name__}: {exc}); it is truncated, "
            "damaged or not an R data file.",
            refetch_hint(),
        ) from exc
    frames = [frame for frame in objects.values() if isinstance(frame, pd.DataFrame)]
    if len(frames) != 1:
        raise FormatError(
            path,
            f"holds {len(frames)} data frames ({list(objects)}); the reader expects exactly one.",
            refetch_hint(),
        )
    return _as_raw_text(frames[0])


def read_table(path: Path) -> pd.DataFrame:
    """The raw table of an R data file or of a CSV with the same columns (by suffix)."""
    if is_r_data(path):
        return read_r(path)
    return read_csv(path, dtype="str", keep_default_na=False)
