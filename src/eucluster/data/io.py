"""Low-level reading helpers shared by all readers.

They turn the many ways a file can be broken (truncated gzip, zlib noise, a cell that is not a
number) into the door's own errors, each naming the file and the fix, so that no reader has to
repeat that logic and no reader returns half a table. Column layouts are checked by pandera
schemas (:mod:`eucluster.data.schemas`).
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from eucluster.data.errors import CorruptFileError, FormatError, refetch_hint

#: Exceptions that mean "the bytes cannot be decoded" rather than "the layout is unexpected".
DECODE_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error, UnicodeDecodeError)


def is_gzip(path: Path) -> bool:
    """True if the file starts with the gzip magic bytes (whatever its suffix says)."""
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def corrupt(path: Path, exc: BaseException) -> CorruptFileError:
    """A CorruptFileError for ``path`` that explains ``exc`` in plain words."""
    kind = "gzip stream" if is_gzip(path) else "file"
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, EOFError):
        problem = f"the {kind} is truncated (it ends before its end marker: {detail})."
    else:
        problem = f"the {kind} is corrupt and cannot be decoded ({type(exc).__name__}: {detail})."
    return CorruptFileError(path, problem, refetch_hint())


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    """``pandas.read_csv`` with gzip detected from the bytes and decode errors translated."""
    kwargs.setdefault("compression", "gzip" if is_gzip(path) else None)
    try:
        return pd.read_csv(path, **kwargs)
    except DECODE_ERRORS as exc:
        raise corrupt(path, exc) from exc
    except pd.errors.ParserError as exc:
        raise FormatError(path, f"the table cannot be parsed ({exc}).", refetch_hint()) from exc
    except OSError as exc:  # e.g. "Not a gzipped file", CRC check failed
        raise corrupt(path, exc) from exc


def to_numbers(raw: pd.Series, path: Path, *, what: str = "value") -> pd.Series:
    """Strict string → float: blanks become NaN, anything else unparseable raises FormatError.
    A column that is numeric already (R data) is returned as float64 unchanged."""
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        return raw.astype("float64")
    text = raw.astype("str").str.strip()
    blank = raw.isna() | (text == "")
    values = pd.to_numeric(text.where(~blank), errors="coerce").astype("float64")
    bad = ~blank & values.isna() & ~text.str.lower().isin(["nan", "na"])
    if bad.any():
        examples = list(dict.fromkeys(text[bad].tolist()))[:5]
        raise FormatError(
            path,
            f"{int(bad.sum())} {what} cell(s) are not numbers, e.g. {examples}.",
            refetch_hint(),
        )
    return values


def to_years(raw: pd.Series, path: Path, *, what: str = "year") -> pd.Series:
    """Strict string/float → int64 year column; raises FormatError on anything else."""
    values = to_numbers(raw, path, what=what)
    bad = values.isna() | (values != np.floor(values))
    if bad.any():
        examples = list(dict.fromkeys(raw[bad].astype("str").tolist()))[:5]
        raise FormatError(
            path, f"{what} cells that are not whole years: {examples}.", refetch_hint()
        )
    return values.astype("int64")


def as_str(series: pd.Series) -> pd.Series:
    """Column as pandas' string dtype, with surrounding blanks removed."""
    return series.astype("str").str.strip()
